// Package archtest holds the architecture test: it checks, with go list, that
// packages depend on each other only in the direction the developers' guide
// sets (cmd -> ui -> app <- storage, charts). It has no code of its own.
package archtest
