package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The parts and relationship a bulk sheet's shared strings table adds to a
// workbook excelize laid out without one.
const (
	sstPart        = "xl/sharedStrings.xml"
	sstContentType = `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"></Override>`
	sstRel         = `<Relationship Id="rIdKpiSharedStrings" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"></Relationship>`
	// maxShared bounds the table: text beyond it stays inline, so a sheet
	// of a million distinct texts does not hold them all in a map.
	maxShared = 1 << 18
)

// sharedStrings is the shared strings table of the bulk sheets: the names,
// departments and KPI names repeated on every row of a long sheet are
// written once and referred to by number, which halves the Actuals sheet's
// XML and what there is to compress.
type sharedStrings struct {
	index map[string]int
	list  []string
	count int // references written
}

func newSharedStrings() *sharedStrings {
	return &sharedStrings{index: map[string]int{}}
}

// id returns the number of s in the table, adding it; false when the table
// is full and s is not in it.
func (t *sharedStrings) id(s string) (int, bool) {
	i, ok := t.index[s]
	if !ok {
		if len(t.list) >= maxShared {
			return 0, false
		}
		i = len(t.list)
		t.index[s] = i
		t.list = append(t.list, s)
	}
	t.count++
	return i, true
}

// canShare reports whether the workbook excelize laid out (its content
// types) has no shared strings table of its own, so the bulk sheets may add one.
func canShare(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name == sstPart || strings.HasSuffix(f.Name, "/sharedStrings.xml") {
			return false
		}
	}
	return true
}

// copyShared copies entry f of excelize's workbook, declaring the shared
// strings part in the content types and the workbook's relationships.
func copyShared(zw *zip.Writer, f *zip.File) error {
	var tail, add string
	switch f.Name {
	case "[Content_Types].xml":
		tail, add = "</Types>", sstContentType
	case "xl/_rels/workbook.xml.rels":
		tail, add = "</Relationships>", sstRel
	default:
		return copyEntry(zw, f)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	doc, err := io.ReadAll(rc)
	_ = rc.Close()
	if err != nil {
		return err
	}
	i := bytes.LastIndex(doc, []byte(tail))
	if i < 0 {
		return fmt.Errorf("%s has no %s", f.Name, tail)
	}
	dst, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	for _, part := range [][]byte{doc[:i], []byte(add), doc[i:]} {
		if _, err := dst.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// write adds the table to the workbook as xl/sharedStrings.xml.
func (t *sharedStrings) write(zw *zip.Writer) error {
	dst, err := zw.CreateHeader(&zip.FileHeader{Name: sstPart, Method: zip.Deflate})
	if err != nil {
		return err
	}
	b := make([]byte, 0, chunk+chunk/4)
	b = append(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`...)
	b = strconv.AppendInt(b, int64(t.count), 10)
	b = append(b, `" uniqueCount="`...)
	b = strconv.AppendInt(b, int64(len(t.list)), 10)
	b = append(b, `">`...)
	for _, s := range t.list {
		b = append(b, `<si><t`...)
		if s != strings.TrimSpace(s) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = escape(b, s)
		b = append(b, `</t></si>`...)
		if len(b) >= chunk {
			if _, err := dst.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, `</sst>`...)
	_, err = dst.Write(b)
	return err
}
