// Package fileio writes files the safe way: into a temporary file beside the
// target, synced and renamed into place, so no reader ever sees half a file.
// It also implements files.Documents for the app's own documents.
package fileio

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes path through write: into a temporary file in path's
// directory, renamed to path only when write succeeds, so readers never see
// a partial file. On failure, including cancellation, the temporary file is
// removed and any existing file at path is left as it was.
func WriteFile(path string, write func(w io.Writer) error) error {
	return WriteFiles([]string{path}, func(_ int, w io.Writer) error { return write(w) })
}

// WriteFiles writes several files as one: write(i, w) writes paths[i], each
// into a temporary file; only when every write succeeds are they all
// renamed into place. On failure every temporary file is removed.
func WriteFiles(paths []string, write func(i int, w io.Writer) error) (err error) {
	tmps := make([]*os.File, 0, len(paths))
	defer func() {
		if err != nil {
			for _, t := range tmps {
				_ = t.Close()
				_ = os.Remove(t.Name())
			}
		}
	}()
	for i, path := range paths {
		tmp, err := createTemp(path)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		tmps = append(tmps, tmp)
		if err := writeTemp(tmp, func(w io.Writer) error { return write(i, w) }); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	for i, t := range tmps {
		if err := os.Rename(t.Name(), paths[i]); err != nil {
			return fmt.Errorf("write %s: %w", paths[i], err)
		}
	}
	return nil
}

// writeTemp writes, flushes, syncs and closes tmp.
func writeTemp(tmp *os.File, write func(w io.Writer) error) error {
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	return tmp.Close()
}

// createTemp creates a new temporary file beside path with the mode a new
// file at path would get: 0666 less the user's umask (as os.Create does), or
// the mode of the file already at path, which the rename replaces. (os.CreateTemp
// would make it 0600, and a fixed mode such as 0644 would ignore the umask.)
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if st, serr := os.Stat(path); serr == nil && st.Mode().IsRegular() {
			if err := f.Chmod(st.Mode().Perm()); err != nil {
				_ = f.Close()
				_ = os.Remove(name)
				return nil, err
			}
		}
		return f, nil
	}
	return nil, fmt.Errorf("no free temporary file name beside %s", path)
}

// Files is files.Documents on the local file system.
type Files struct{}

// WriteFile writes path through write, atomically (see WriteFile).
func (Files) WriteFile(path string, write func(w io.Writer) error) error {
	return WriteFile(path, write)
}

// ReadFile opens path and passes it to read, buffered, then closes it.
func (Files) ReadFile(path string, read func(r io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(bufio.NewReader(f))
}

// WriteDocument writes path through write, atomically (files.Documents).
func (Files) WriteDocument(path string, write func(w io.Writer) error) error {
	return WriteFile(path, write)
}

// ReadDocument opens path and passes it to read (files.Documents).
func (f Files) ReadDocument(path string, read func(r io.Reader) error) error {
	return f.ReadFile(path, read)
}
