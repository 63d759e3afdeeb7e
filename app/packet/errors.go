package packet

import (
	"errors"

	"kpiplanner/app"
)

// The reasons a packet file is refused; every error Read returns wraps one
// of them (test with errors.Is) and also matches app.ErrInvalid.
var (
	// ErrNotPacket means the file is not a packet at all.
	ErrNotPacket = errors.New("not a packet")
	// ErrPlanDocument means the file is a plan document (perhaps renamed to .kpip).
	ErrPlanDocument = errors.New("a plan document, not a packet")
	// ErrNewerFormat means the packet was written by a newer KPI Planner.
	ErrNewerFormat = errors.New("a newer packet format")
	// ErrTruncated means the file ends before the packet does.
	ErrTruncated = errors.New("truncated packet")
	// ErrTampered means the content does not match its SHA-256 (or, for an
	// encrypted packet, its authentication tag): it was changed after it was written.
	ErrTampered = errors.New("tampered packet")
	// ErrPasswordNeeded means the packet is encrypted and no password was given.
	ErrPasswordNeeded = errors.New("password needed")
	// ErrWrongPassword means the packet is encrypted and the password is wrong.
	ErrWrongPassword = errors.New("wrong password")
)

// Error is a refused packet: Kind is one of the Err values above, Msg the
// translatable message shown to the user.
type Error struct {
	Kind error
	Msg  app.Msg
	Err  error // the underlying error, if any
}

// Error returns the message in English.
func (e *Error) Error() string { return e.Msg.String() }

// Message returns the error as a translatable message.
func (e *Error) Message() app.Msg { return e.Msg }

// Is matches the error's Kind and app.ErrInvalid.
func (e *Error) Is(target error) bool { return target == e.Kind || target == app.ErrInvalid }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func refuse(kind error, err error, msg app.Msg) *Error {
	return &Error{Kind: kind, Msg: msg, Err: err}
}
