package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/sheet"
)

// The errors of a password-protected workbook, declared in app/files.
var (
	// ErrPasswordProtected is the error of a password-protected workbook read without a password.
	ErrPasswordProtected = files.ErrPasswordProtected
	// ErrWrongPassword is the error of a password-protected workbook read with a wrong password.
	ErrWrongPassword = files.ErrWrongPassword
)

// msgErr is an error with a translatable message.
type msgErr struct{ msg app.Msg }

func (e *msgErr) Error() string { return e.msg.String() }

// Message returns the error as a translatable message.
func (e *msgErr) Message() app.Msg { return e.msg }

// Is makes the errors match app.ErrInvalid.
func (e *msgErr) Is(target error) bool { return target == app.ErrInvalid }

// oleMagic starts an encrypted (password-protected) workbook, and old .xls files.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// maxEncrypted bounds the size of a password-protected file, which is decrypted in memory.
const maxEncrypted = 64 << 20

// partBudget is how many uncompressed bytes a read may take from a file's
// parts: sheet.MaxFileBytes (lowered by tests).
var partBudget int64 = sheet.MaxFileBytes

// maxFormulas bounds how many formulas without a cached value are computed.
const maxFormulas = 10_000

// book is an open .xlsx package being read.
type book struct {
	zr     *zip.Reader
	budget int64  // uncompressed bytes left to read
	enc    []byte // the decrypted package of a password-protected file
	path   string
	pass   string
}

// openBook opens the zip package of the .xlsx file at p, decrypting it with password.
func openBook(p, password string) (*book, func(), error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	head := make([]byte, len(oleMagic))
	_, _ = io.ReadFull(f, head)
	b := &book{budget: partBudget, path: p, pass: password}
	if bytes.Equal(head, oleMagic) {
		defer f.Close()
		if password == "" {
			return nil, nil, ErrPasswordProtected
		}
		if fi.Size() > maxEncrypted {
			return nil, nil, &msgErr{app.M("a password-protected file may not be larger than %d MB", maxEncrypted>>20)}
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		dec, err := excelize.Decrypt(raw, &excelize.Options{Password: password})
		if err != nil {
			return nil, nil, ErrWrongPassword
		}
		if b.zr, err = zip.NewReader(bytes.NewReader(dec), int64(len(dec))); err != nil {
			return nil, nil, ErrWrongPassword
		}
		if declared(b.zr) > uint64(b.budget) {
			return nil, nil, tooLarge()
		}
		b.enc = dec
		return b, func() {}, nil
	}
	if b.zr, err = zip.NewReader(f, fi.Size()); err != nil {
		_ = f.Close()
		return nil, nil, &msgErr{app.M("this is not an .xlsx workbook (%s)", err.Error())}
	}
	if declared(b.zr) > uint64(b.budget) {
		_ = f.Close()
		return nil, nil, tooLarge()
	}
	return b, func() { _ = f.Close() }, nil
}

// declared is the uncompressed size the package's entries declare in all: a
// zip bomb declares far more than a workbook needs (entries that share
// compressed bytes count each time), so it is refused before anything is read.
func declared(zr *zip.Reader) uint64 {
	var n uint64
	for _, f := range zr.File {
		n += f.UncompressedSize64
	}
	return n
}

// open opens a part of the package, reading at most what the budget allows.
func (b *book) open(name string) (io.ReadCloser, error) {
	name = strings.TrimPrefix(name, "/")
	for _, f := range b.zr.File {
		if !strings.EqualFold(f.Name, name) {
			continue
		}
		if f.UncompressedSize64 > uint64(b.budget) {
			return nil, tooLarge()
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return &budgetReader{rc, b}, nil
	}
	return nil, os.ErrNotExist
}

// budgetReader reads a part, charging its bytes to the book's budget.
type budgetReader struct {
	io.ReadCloser
	b *book
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.b.budget <= 0 {
		return 0, tooLarge()
	}
	if int64(len(p)) > r.b.budget {
		p = p[:r.b.budget]
	}
	n, err := r.ReadCloser.Read(p)
	r.b.budget -= int64(n)
	return n, err
}

func tooLarge() error {
	return &msgErr{app.M("the file is larger than %d MB once uncompressed; split it into smaller files", sheet.MaxFileBytes>>20)}
}

// rel is one relationship of a package part.
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// rels reads the relationships of part name (its _rels/…rels file).
func (b *book) rels(name string) ([]rel, error) {
	dir, file := path.Split(name)
	rc, err := b.open(dir + "_rels/" + file + ".rels")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := xml.NewDecoder(rc).Decode(&doc); err != nil {
		return nil, err
	}
	return doc.Rels, nil
}

// target resolves a relationship's target against the part it belongs to.
func target(from, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(t, "/")
	}
	return path.Join(path.Dir(from), t)
}

// sheetPart returns the part of the sheet named name ("" = the first), its
// name, and the shared strings part ("" when none).
func (b *book) sheetPart(name string) (part, sheetName, sst string, err error) {
	wb := b.workbookPart()
	rs, err := b.rels(wb)
	if err != nil {
		return "", "", "", fmt.Errorf("the workbook's relationships: %w", err)
	}
	byID := map[string]string{}
	for _, r := range rs {
		byID[r.ID] = target(wb, r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sst = target(wb, r.Target)
		}
	}
	part, sheetName, err = b.findSheet(wb, byID, name)
	if err != nil {
		return "", "", "", err
	}
	return part, sheetName, sst, nil
}

// workbookPart returns the workbook part the package's relationships name,
// xl/workbook.xml when they name none.
func (b *book) workbookPart() string {
	wb := "xl/workbook.xml"
	if rs, err := b.rels(""); err == nil {
		for _, r := range rs {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wb = target("", r.Target)
			}
		}
	}
	return wb
}

// findSheet returns the part (byID maps relationship ids to parts) and name
// of the sheet of workbook part wb named name ("" = the first).
func (b *book) findSheet(wb string, byID map[string]string, name string) (part, sheetName string, err error) {
	rc, err := b.open(wb)
	if err != nil {
		return "", "", fmt.Errorf("the workbook: %w", err)
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err != nil {
			if name != "" {
				return "", "", fmt.Errorf("the workbook has no sheet %q", name)
			}
			return "", "", fmt.Errorf("the workbook has no sheet")
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		n, id := sheetAttrs(se)
		if name == "" || n == name {
			if p, ok := byID[id]; ok {
				return p, n, nil
			}
		}
	}
}

// sheetAttrs returns the name and relationship id of a workbook's sheet element.
func sheetAttrs(se xml.StartElement) (name, id string) {
	for _, a := range se.Attr {
		switch {
		case a.Name.Local == "name":
			name = a.Value
		case a.Name.Local == "id" && a.Name.Space != "":
			id = a.Value
		}
	}
	return name, id
}

// sharedStrings reads the shared strings table.
func (b *book) sharedStrings(part string) ([]string, error) {
	if part == "" {
		return nil, nil
	}
	rc, err := b.open(part)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []string
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("the shared strings: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			var si richText
			if err := d.DecodeElement(&si, &se); err != nil {
				return nil, fmt.Errorf("the shared strings: %w", err)
			}
			if len(out) >= sheet.MaxCells {
				return nil, &msgErr{app.M("the file has more than %d cells; split it into smaller files", sheet.MaxCells)}
			}
			out = append(out, si.String())
		}
	}
}
