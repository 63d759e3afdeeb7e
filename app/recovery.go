package app

import "time"

// BackupFile is a database file that could replace a damaged one.
type BackupFile struct {
	Path    string
	ModTime time.Time
}

// Recovery finds and restores backups of a database file that no longer
// opens; storage implements it, the startup window uses it.
type Recovery interface {
	// FindBackups lists the database files in dirs other than dbPath, newest first.
	FindBackups(dbPath string, dirs ...string) []BackupFile
	// RestoreFile replaces dbPath with backup after checking it, keeping the
	// damaged file beside it; it returns where the damaged file was kept.
	RestoreFile(dbPath, backup string) (string, error)
}
