//go:build !windows

package storage

// isUnsupportedSync reports whether err means directories cannot be synced here.
func isUnsupportedSync(err error) bool { return false }
