package sheet

import (
	"bufio"
	"context"
	"fmt"
	"io"
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
		tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	return tmp.Close()
}

// Progress is told how many of the total rows have been written so far.
type Progress func(done, total int)

// Meter counts written rows, reports progress and notices cancellation.
type Meter struct {
	ctx    context.Context
	report Progress
	done   int
	total  int
}

// meterStep is how many rows pass between checks of the context and reports.
const meterStep = 256

// NewMeter returns a Meter for total rows; report may be nil.
func NewMeter(ctx context.Context, total int, report Progress) *Meter {
	return &Meter{ctx: ctx, report: report, total: total}
}

// Row counts one written row and returns the context's error every
// meterStep rows, reporting progress at the same time.
func (m *Meter) Row() error {
	m.done++
	if m.done%meterStep != 0 {
		return nil
	}
	if err := m.ctx.Err(); err != nil {
		return err
	}
	if m.report != nil {
		m.report(min(m.done, m.total), m.total)
	}
	return nil
}

// Err returns the context's error, for checks between phases.
func (m *Meter) Err() error { return m.ctx.Err() }

// Done reports that every row has been written.
func (m *Meter) Done() {
	if m.report != nil {
		m.report(m.total, m.total)
	}
}
