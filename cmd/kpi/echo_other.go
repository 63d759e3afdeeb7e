//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import "io"

// noEcho cannot turn off the echo here: the password prompt echoes (use
// --password-file to keep a password off the screen).
func noEcho(io.Reader) func() { return func() {} }
