//go:build ignore

// Command gen writes the generated files of the bad-input catalogue
// (testdata/bad): spreadsheets, which are binary, and files too long to
// write by hand. Run it from the repository root after changing it:
//
//	go run testdata/bad/gen/main.go
//
// Each file has a NAME.expect beside it saying what the CLI must answer;
// cmd/kpi's TestBadInputCatalogue runs them all.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

const dir = "testdata/bad"

// actualsHeader is the header row of an actuals sheet for the catalogue's
// seed plan (cmd/kpi's teamDoc: a monthly 2026 plan with KPIs k1…k4).
var actualsHeader = []any{"KPI code", "KPI", "Unit", "Value type", "2026-01", "2026-02", "2026-03"}

func main() {
	log.SetFlags(0)
	jsonFiles()
	csvFiles()
	xlsxFiles()
	// An Excel 97–2003 workbook: the OLE2 compound-file signature and an
	// empty header sector; the CLI must say it reads .xlsx, not try JSON.
	legacy := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	write("legacy.xls", legacy)
}

// planDoc returns a one-plan document whose plan name and first KPI note are given.
func planDoc(name, note string) string {
	return fmt.Sprintf(`{
  "format": "kpiplanner/plan@1",
  "plans": [
    {
      "name": %q,
      "status": "active",
      "person": {"name": "Trần Thị Bình", "department": "Sales", "base_bonus": 10000000, "currency": "VND"},
      "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"},
      "kpis": [
        {"id": "k1", "name": "Deals closed", "unit": "count", "direction": "higher", "target": 40, "group": "A", "aggregation": "sum", "note": %q}
      ]
    }
  ]
}
`, name, note)
}

func jsonFiles() {
	long := strings.Repeat("Doanh thu ", 4000) // 40 000 characters, above Excel's 32 767 per cell
	write("long-name.json", []byte(planDoc(long, "")))
	write("long-note.json", []byte(planDoc("Trần Thị Bình — 2026", long)))
}

func csvFiles() {
	// Our own actuals CSV saved as UTF-16LE without a byte order mark.
	text := "KPI code,KPI,Unit,Value type,2026-01\r\nk4,Training courses completed,Count,Actual,3\r\n"
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(text)) {
		_ = binary.Write(&b, binary.LittleEndian, u)
	}
	write("utf16-no-bom.csv", b.Bytes())
}

func xlsxFiles() {
	// k1's January actual is a formula no spreadsheet can compute and has
	// no cached value: it must be refused naming cell E2, never skipped.
	write("formula-uncomputable.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k1", "Revenue from new customers", "Currency", "Actual")
		must(f.SetCellFormula(s, "E2", "NOSUCHFUNCTION(40)"))
	}, ""))
	// A valid actuals header and KPI rows, but no value at all.
	write("nothing-to-import.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k1", "Revenue from new customers", "Currency", "Actual")
		row(f, s, 3, "k4", "Training courses completed", "Count", "Actual")
	}, ""))
	// A KPI sheet with its header row only.
	write("kpis-header-only.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, "KPI code", "Name", "Group", "Unit", "Direction", "Aggregation", "Target", "Weight")
	}, ""))
	// A good actuals sheet, encrypted with the password "secret".
	write("password.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k4", "Training courses completed", "Count", "Actual", 3)
	}, "secret"))
	// A good actuals sheet with one more cell in column XFD (16 384), far
	// beyond the 1 000 columns a sheet may use.
	write("column-xfd.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k4", "Training courses completed", "Count", "Actual", 3)
		must(f.SetCellValue(s, "XFD2", 1))
	}, ""))
	good := workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k4", "Training courses completed", "Count", "Actual", 3)
	}, "")
	// 250 001 rows, beyond the 200 000 a sheet may have: the good sheet and
	// one more cell in row 250 001 (a sparse sheet is as long as its last row).
	write("too-many-rows.xlsx", workbook(func(f *excelize.File, s string) {
		row(f, s, 1, actualsHeader...)
		row(f, s, 2, "k4", "Training courses completed", "Count", "Actual", 3)
		must(f.SetCellValue(s, "A250001", 0))
	}, ""))
	// A zip bomb: the good sheet padded with 64 MiB of spaces, and 15 more
	// entries sharing its compressed bytes: a 70 kB file that expands to 1 GiB.
	write("zip-bomb.xlsx", replaceSheet(good, func(xml string) string {
		return strings.Replace(xml, "</sheetData>", strings.Repeat(" ", 64<<20)+"</sheetData>", 1)
	}, 15))
}

// workbook returns an .xlsx file whose first sheet fill writes, encrypted
// with password unless it is "".
func workbook(fill func(f *excelize.File, sheet string), password string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	fill(f, f.GetSheetList()[0])
	var b bytes.Buffer
	must(f.Write(&b, excelize.Options{Password: password}))
	return b.Bytes()
}

func row(f *excelize.File, s string, r int, values ...any) {
	cell, err := excelize.CoordinatesToCellName(1, r)
	must(err)
	must(f.SetSheetRow(s, cell, &values))
}

// replaceSheet rewrites xl/worksheets/sheet1.xml of an .xlsx file with
// edit, then adds extra central-directory entries that point at the
// sheet's compressed bytes (overlapping entries, the trick of small zip bombs).
func replaceSheet(file []byte, edit func(string) string, extra int) []byte {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	must(err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	var sheetOffset int64
	var sheetHeader zip.FileHeader
	for _, f := range zr.File {
		rc, err := f.Open()
		must(err)
		var body bytes.Buffer
		_, err = body.ReadFrom(rc)
		must(err)
		must(rc.Close())
		data := body.String()
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = edit(data)
			must(zw.Flush())
			sheetOffset = int64(out.Len())
		}
		h := f.FileHeader
		h.Method = zip.Deflate
		w, err := zw.CreateHeader(&h)
		must(err)
		_, err = w.Write([]byte(data))
		must(err)
		if f.Name == "xl/worksheets/sheet1.xml" {
			must(zw.Flush())
		}
	}
	must(zw.Close())
	if extra == 0 {
		return out.Bytes()
	}
	// Read back the sheet's header (sizes and CRC are known now) and append
	// central-directory records that reuse its local header and data.
	b := out.Bytes()
	zr, err = zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(err)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			sheetHeader = f.FileHeader
		}
	}
	return overlap(b, sheetHeader, sheetOffset, extra)
}

// overlap appends n central-directory entries named xl/media/padN.bin to
// the zip file b, each pointing at the local header at offset.
func overlap(b []byte, h zip.FileHeader, offset int64, n int) []byte {
	eocd := bytes.LastIndex(b, []byte("PK\x05\x06"))
	if eocd < 0 {
		log.Fatal("no end of central directory")
	}
	cdSize := binary.LittleEndian.Uint32(b[eocd+12:])
	cdStart := binary.LittleEndian.Uint32(b[eocd+16:])
	entries := binary.LittleEndian.Uint16(b[eocd+10:])
	cd := bytes.NewBuffer(append([]byte(nil), b[cdStart:cdStart+cdSize]...))
	for i := range n {
		name := fmt.Sprintf("xl/media/pad%d.bin", i+1)
		le := binary.LittleEndian
		var rec [46]byte
		le.PutUint32(rec[0:], 0x02014b50)
		le.PutUint16(rec[4:], 20)
		le.PutUint16(rec[6:], 20)
		le.PutUint16(rec[10:], zip.Deflate)
		le.PutUint32(rec[16:], h.CRC32)
		le.PutUint32(rec[20:], uint32(h.CompressedSize64))
		le.PutUint32(rec[24:], uint32(h.UncompressedSize64))
		le.PutUint16(rec[28:], uint16(len(name)))
		le.PutUint32(rec[42:], uint32(offset))
		cd.Write(rec[:])
		cd.WriteString(name)
	}
	out := append([]byte(nil), b[:cdStart]...)
	out = append(out, cd.Bytes()...)
	end := append([]byte(nil), b[eocd:eocd+22]...)
	binary.LittleEndian.PutUint16(end[8:], entries+uint16(n))
	binary.LittleEndian.PutUint16(end[10:], entries+uint16(n))
	binary.LittleEndian.PutUint32(end[12:], uint32(cd.Len()))
	return append(out, end...)
}

func write(name string, data []byte) {
	must(os.WriteFile(filepath.Join(dir, name), data, 0o644))
	log.Printf("wrote %s (%d bytes)", name, len(data))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
