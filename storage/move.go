package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/syncdir"
)

// SyncedFolder reports which file-syncing service (OneDrive, Dropbox…) syncs
// the folder holding the database file at path, from the environment, the
// folders' names and the services' marker files (syncdir.Detect).
func SyncedFolder(path string) (syncdir.Provider, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return syncdir.Detect(abs, os.Getenv, func(p string) bool {
		_, err := os.Lstat(p)
		return err == nil
	})
}

// TargetExistsError is MoveFile's refusal to replace a database already at
// the target: it says what that database holds, so the user can look at it
// before anything is replaced.
type TargetExistsError struct {
	Path     string
	Plans    int
	People   int
	Modified time.Time
}

// Error returns the refusal in English.
func (e *TargetExistsError) Error() string { return e.Message().String() }

// Message returns the refusal as a translatable message.
func (e *TargetExistsError) Message() app.Msg {
	return app.M("A database already exists at %s (%d plans, %d people, last changed %s). It is not replaced: open it first to see what it holds. Nothing was moved.",
		e.Path, e.Plans, e.People, e.Modified.Format("2006-01-02 15:04"))
}

// Is makes TargetExistsError match fs.ErrExist.
func (e *TargetExistsError) Is(target error) bool { return target == fs.ErrExist }

// MoveFile moves the database file from (which must not be open) to to: it
// refuses when a file is already at to (a *TargetExistsError saying what it
// holds), writes a consistent copy to a temporary file beside to, renamed
// into place, checks the copy opens and holds the same plans and people,
// then removes from. On any failure the copy is removed and from is left
// as it was: the database is in one place or the other, never lost.
func MoveFile(from, to string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("storage: move %s to %s: %w", from, to, err)
		}
	}()
	if same, err := samePath(from, to); err != nil {
		return err
	} else if same {
		return errors.New("that is the database file itself")
	}
	if _, err := os.Lstat(to); err == nil {
		return existing(to)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	if err := copyVerified(from, to); err != nil {
		return err
	}
	if err := os.Remove(from); err != nil {
		return errors.Join(fmt.Errorf("remove the old file: %w", err), os.Remove(to))
	}
	return syncDir(filepath.Dir(from))
}

// copyVerified writes a copy of the closed database at from to to and checks
// that it opens with the same number of plans and people; on failure it
// removes the copy.
func copyVerified(from, to string) error {
	src, err := OpenReadOnly(from)
	if err != nil {
		return err
	}
	plans, people, err := counts(src)
	if err == nil {
		err = src.Backup(to)
	}
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	dst, err := OpenReadOnly(to)
	if err != nil {
		return errors.Join(fmt.Errorf("the copy does not open: %w", err), os.Remove(to))
	}
	p2, n2, err := counts(dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil && (p2 != plans || n2 != people) {
		err = fmt.Errorf("the copy holds %d plans and %d people, the database %d and %d", p2, n2, plans, people)
	}
	if err != nil {
		return errors.Join(err, os.Remove(to))
	}
	return nil
}

// counts returns how many plans and people db holds.
func counts(db *DB) (plans, people int, err error) {
	ps, err := db.Plans()
	if err != nil {
		return 0, 0, err
	}
	es, err := db.People()
	if err != nil {
		return 0, 0, err
	}
	return len(ps), len(es), nil
}

// existing describes the file already at path.
func existing(path string) error {
	e := &TargetExistsError{Path: path}
	if st, err := os.Stat(path); err == nil {
		e.Modified = st.ModTime()
	}
	if db, err := OpenReadOnly(path); err == nil {
		e.Plans, e.People, _ = counts(db)
		_ = db.Close()
	}
	return e
}
