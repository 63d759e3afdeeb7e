package app

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// UID is a stable global id of a record that can travel between workspaces:
// 128 random bits written as 32 lower-case hex digits.
type UID string

// NewUID returns a fresh random UID.
func NewUID() UID {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("app: no randomness for a uid: %v", err)) // crypto/rand never fails on supported systems
	}
	return UID(hex.EncodeToString(b[:]))
}

// ParseUID checks that s is a UID in its text form and returns it.
func ParseUID(s string) (UID, error) {
	if len(s) != 32 {
		return "", fmt.Errorf("uid %q: want 32 hex digits, got %d characters", s, len(s))
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", fmt.Errorf("uid %q: want lower-case hex digits only", s)
		}
	}
	return UID(s), nil
}
