package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// BackupFile is a backup found beside a database or in a backup folder.
type BackupFile = app.BackupFile

// Recovery is app.Recovery over FindBackups and RestoreFile.
type Recovery struct{}

var _ app.Recovery = Recovery{}

// FindBackups is the package's FindBackups.
func (Recovery) FindBackups(dbPath string, dirs ...string) []BackupFile {
	return FindBackups(dbPath, dirs...)
}

// RestoreFile is the package's RestoreFile.
func (Recovery) RestoreFile(dbPath, backup string) (string, error) {
	return RestoreFile(dbPath, backup)
}

// FindBackups lists the KPI Planner database files in dirs other than
// dbPath itself (backups, and the safety copies Restore keeps), newest
// first. Files that fail the quick check of their size and meta pages are
// left out; Restore and RestoreFile check the rest fully.
func FindBackups(dbPath string, dirs ...string) []BackupFile {
	var out []BackupFile
	seen := map[string]bool{}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".db") || seen[path] {
				continue
			}
			seen[path] = true
			if same, err := samePath(path, dbPath); err != nil || same {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue
			}
			if fc, err := checkDBFile(path); err != nil || !fc.exists {
				continue
			}
			out = append(out, BackupFile{Path: path, ModTime: info.ModTime()})
		}
	}
	slices.SortStableFunc(out, func(a, b BackupFile) int { return b.ModTime.Compare(a.ModTime) })
	return out
}

// RestoreFile replaces the database file at dbPath, which need not open
// (it may be damaged), with the backup at backupPath. The backup is checked
// as Restore checks it, before anything changes; then the file at dbPath, if
// any, is moved aside to a dated safety copy (see SafetyCopyPath), whose path
// is returned, and a consistent copy of the backup takes its place. The file
// must not be open. On failure the file at dbPath is put back.
func RestoreFile(dbPath, backupPath string) (string, error) {
	safety, err := restoreFile(dbPath, backupPath)
	if err != nil {
		return "", fmt.Errorf("storage: restore %s from %s: %w", dbPath, backupPath, err)
	}
	return safety, nil
}

func restoreFile(dbPath, backupPath string) (string, error) {
	if same, err := samePath(backupPath, dbPath); err != nil {
		return "", err
	} else if same {
		return "", errors.New("that is the database file itself")
	}
	src, err := openBackup(backupPath)
	if err != nil {
		return "", err
	}
	defer src.Close()
	safety := ""
	err = viewChecked(src, func(tx *bolt.Tx) error {
		if err := checkBackup(tx); err != nil {
			return err
		}
		tmp, err := copyTx(tx, filepath.Dir(dbPath))
		if err != nil {
			return err
		}
		if _, err := os.Lstat(dbPath); err == nil {
			safety = SafetyCopyPath(dbPath, time.Now())
			if err := os.Rename(dbPath, safety); err != nil {
				_ = os.Remove(tmp)
				return fmt.Errorf("keep the current file as %s: %w", safety, err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			_ = os.Remove(tmp)
			return err
		}
		if err := os.Rename(tmp, dbPath); err != nil {
			_ = os.Remove(tmp)
			if safety != "" {
				err = errors.Join(err, os.Rename(safety, dbPath))
			}
			return err
		}
		return syncDir(filepath.Dir(dbPath))
	})
	return safety, err
}

// copyTx writes a consistent copy of tx's database into a new temporary
// file in dir, synced, and returns its path.
func copyTx(tx *bolt.Tx, dir string) (path string, err error) {
	f, err := os.CreateTemp(dir, ".kpiplanner-restore-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(f.Name())
		}
	}()
	if _, err := tx.WriteTo(f); err != nil {
		return "", err
	}
	return f.Name(), f.Sync()
}
