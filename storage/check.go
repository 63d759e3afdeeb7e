package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// DamagedError says why a database file failed a check. It matches
// app.ErrDamaged and carries a message the GUI translates.
type DamagedError struct {
	Path   string
	Reason string // in English, e.g. "the file is empty (0 bytes)"
}

// Error returns the problem in English.
func (e *DamagedError) Error() string {
	return fmt.Sprintf("the database file %s is damaged: %s", e.Path, e.Reason)
}

// Is makes DamagedError match app.ErrDamaged.
func (e *DamagedError) Is(target error) bool { return target == app.ErrDamaged }

// Message returns the problem as a translatable message.
func (e *DamagedError) Message() app.Msg {
	return app.M("the database file %s is damaged: %s", e.Path, e.Reason)
}

// damaged returns a DamagedError for path.
func damaged(path, format string, args ...any) error {
	return &DamagedError{Path: path, Reason: fmt.Sprintf(format, args...)}
}

// bbolt's on-disk layout, as far as checkFile reads it: a page starts with a
// 16-byte header; a meta page's body is magic, version, page size, flags,
// root bucket (page, sequence), freelist page, high-water page id, txid and
// an FNV-64a checksum of the fields before it.
const (
	pageHeaderSize = 16
	metaSize       = 64
	metaMagic      = 0xED0CDAED
	metaVersion    = 2
	minPages       = 4 // two meta pages, a freelist and the root leaf, as bbolt creates a file
)

// meta is the part of a bbolt meta page checkFile needs.
type meta struct {
	root     uint64 // the page of the root bucket
	freelist uint64 // the freelist page, or noFreelist
	pageSize uint32
	pgid     uint64 // the high-water mark: every page in use is below it
	txid     uint64
}

// fileCheck is what checkFile found out about a file before it is opened.
type fileCheck struct {
	exists  bool // false: a new file will be created
	size    int64
	oneMeta bool // one meta page is damaged (bbolt would fall back to the other)
}

// checkFile checks the file at path before bbolt maps it into memory: an
// empty file, a file shorter than its pages (bbolt would crash with SIGBUS
// reading them) or one with no valid meta page is reported as damaged.
func checkDBFile(path string) (fileCheck, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return fileCheck{}, nil
	}
	if err != nil {
		return fileCheck{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fileCheck{}, err
	}
	size := st.Size()
	if size == 0 {
		return fileCheck{}, damaged(path, "the file is empty (0 bytes)")
	}
	m, oneMeta, err := checkMetas(path, f, size)
	if err != nil {
		return fileCheck{}, err
	}
	if err := checkPages(f, m); err != nil {
		return fileCheck{}, damaged(path, "%v", err)
	}
	return fileCheck{exists: true, size: size, oneMeta: oneMeta}, nil
}

// checkMetas reads both meta pages of f (size bytes long), checks that one
// is valid and that the file holds the pages they count, and returns the
// newest valid one and whether the other is damaged.
func checkMetas(path string, f io.ReaderAt, size int64) (meta, bool, error) {
	m0, err0 := readMeta(f, 0)
	ps := int64(os.Getpagesize())
	if err0 == nil {
		ps = int64(m0.pageSize)
	}
	m1, err1 := readMeta(f, ps)
	switch {
	case errors.Is(err0, errNoMagic) && errors.Is(err1, errNoMagic):
		return meta{}, false, damaged(path, "not a KPI Planner database (no bbolt meta page)")
	case err0 != nil && err1 != nil:
		return meta{}, false, damaged(path, "no valid meta page (%v; %v)", err0, err1)
	}
	need := max(metaNeeds(m0, err0), metaNeeds(m1, err1))
	if size < need || size < minPages*ps {
		return meta{}, false, damaged(path, "the file is truncated: it has %d bytes, its pages need %d", size, max(need, minPages*ps))
	}
	m := m0
	if err0 != nil || err1 == nil && m1.txid > m0.txid {
		m = m1
	}
	return m, err0 != nil || err1 != nil, nil
}

// metaNeeds is how many bytes the pages of a meta page read with err count:
// 0 for a damaged one.
func metaNeeds(m meta, err error) int64 {
	if err != nil {
		return 0
	}
	return int64(m.pgid) * int64(m.pageSize)
}

// errNoMagic means a page does not start like a bbolt meta page.
var errNoMagic = errors.New("not a bbolt meta page")

// readMeta reads and checks the meta page at offset off.
func readMeta(f io.ReaderAt, off int64) (meta, error) {
	var b [pageHeaderSize + metaSize]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return meta{}, fmt.Errorf("meta page at byte %d: %w", off, err)
	}
	body := b[pageHeaderSize:]
	le := binary.NativeEndian
	h := fnv.New64a()
	h.Write(body[:56])
	switch {
	case le.Uint32(body[0:]) != metaMagic:
		return meta{}, fmt.Errorf("meta page at byte %d: %w", off, errNoMagic)
	case le.Uint32(body[4:]) != metaVersion:
		return meta{}, fmt.Errorf("meta page at byte %d: bbolt version %d", off, le.Uint32(body[4:]))
	case le.Uint64(body[56:]) != h.Sum64():
		return meta{}, fmt.Errorf("meta page at byte %d: wrong checksum", off)
	}
	m := meta{root: le.Uint64(body[16:]), freelist: le.Uint64(body[32:]),
		pageSize: le.Uint32(body[8:]), pgid: le.Uint64(body[40:]), txid: le.Uint64(body[48:])}
	if m.pageSize < 512 || m.pageSize&(m.pageSize-1) != 0 {
		return meta{}, fmt.Errorf("meta page at byte %d: page size %d", off, m.pageSize)
	}
	return m, nil
}

// Page flags and the freelist page id meaning "none", as bbolt writes them.
const (
	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
	noFreelist   = ^uint64(0)
)

// checkPages checks the headers of the pages bbolt reads as it opens a file
// (the freelist) and first reads from (the root bucket): bbolt panics on a
// damaged one.
func checkPages(f io.ReaderAt, m meta) error {
	page := func(id uint64, want uint16, what string) error {
		if id < 2 || id >= m.pgid {
			return fmt.Errorf("the %s page %d is outside the file's pages", what, id)
		}
		var h [pageHeaderSize]byte
		if _, err := f.ReadAt(h[:], int64(id)*int64(m.pageSize)); err != nil {
			return fmt.Errorf("read the %s page %d: %w", what, id, err)
		}
		if got := binary.NativeEndian.Uint64(h[0:]); got != id {
			return fmt.Errorf("the %s page %d has id %d", what, id, got)
		}
		if flags := binary.NativeEndian.Uint16(h[8:]); flags&want == 0 {
			return fmt.Errorf("the %s page %d has type %#x", what, id, flags)
		}
		return nil
	}
	if m.freelist != noFreelist {
		if err := page(m.freelist, freelistPage, "freelist"); err != nil {
			return err
		}
	}
	return page(m.root, branchPage|leafPage, "root")
}

// keyOpen is the meta key present while a read-write Open holds the file;
// Close removes it. Found at Open, it means the last session did not close
// cleanly (a crash or a kill), so the whole file is checked.
var keyOpen = []byte("open")

// uncleanClose reports whether the file was not closed cleanly last time.
func uncleanClose(tx *bolt.Tx) bool {
	m := tx.Bucket(bucketMeta)
	return m != nil && m.Get(keyOpen) != nil
}

// checkTx runs bbolt's consistency check of every page of tx.
func checkTx(path string, tx *bolt.Tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, "%v", r)
		}
	}()
	for cerr := range tx.Check() {
		return damaged(path, "%v", cerr)
	}
	return nil
}

// boltOpen is bolt.Open that turns a panic on a broken page (bbolt reads the
// freelist as it opens) into an error matching app.ErrDamaged.
func boltOpen(path string, opts *bolt.Options) (b *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, damaged(path, "%v", r)
		}
	}()
	return bolt.Open(path, 0o600, opts)
}
