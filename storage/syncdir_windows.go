//go:build windows

package storage

// isUnsupportedSync reports whether err means directories cannot be synced
// here; Windows refuses FlushFileBuffers on a directory handle.
func isUnsupportedSync(err error) bool { return err != nil }
