package packet

import (
	"errors"
	"io"
)

// errNotYet marks what is declared but not written yet.
var errNotYet = errors.New("packet: not yet implemented")

// Write writes p to w as a packet file, encrypted with password unless it
// is "" (AES-256-GCM, key from scrypt), and sets p.Hash to the SHA-256 of
// its content.
func Write(w io.Writer, p *Packet, password string) error {
	return errNotYet
}

// Read reads a packet file, decrypting it with password when it is
// encrypted, and checks its format, completeness and hash; a refused file
// gives an *Error wrapping ErrNotPacket, ErrPlanDocument, ErrNewerFormat,
// ErrTruncated, ErrTampered, ErrPasswordNeeded or ErrWrongPassword.
func Read(r io.Reader, password string) (*Packet, error) {
	return nil, errNotYet
}
