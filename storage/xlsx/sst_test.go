package xlsx

import (
	"context"
	"path/filepath"
	"testing"

	"kpiplanner/app/sheet"
)

// TestBulkSharedStringsRoundTrip writes a bulk sheet whose text repeats down
// its columns and holds what XML and spreadsheets treat specially, and reads
// it back with our reader and with excelize: every text as written, from one
// shared strings table.
func TestBulkSharedStringsRoundTrip(t *testing.T) {
	texts := []string{"Nguyễn Văn An", " lead and trail ", "a&b<c>d", "", "x_1_y", "tab\there", "line\nbreak"}
	var rows []sheet.Row
	for r := range 60 {
		rows = append(rows, sheet.Row{
			sheet.Str(texts[r%len(texts)], sheet.Plain),      // changes every row
			sheet.Str(texts[(r/10)%len(texts)], sheet.Plain), // repeats ten times
			sheet.Num(float64(r), sheet.Plain, sheet.FormatGeneral),
		})
	}
	s := &sheet.Sheet{Name: "Long"}
	s.SetRows(rows)
	path := filepath.Join(t.TempDir(), "long.xlsx")
	if err := write(context.Background(), path, &sheet.Workbook{Sheets: []*sheet.Sheet{s}}, Options{}, limits{maxRows: MaxRows, bulkRows: 10}); err != nil {
		t.Fatal(err)
	}
	if n := zipEntries(t, path, sstPart); n != 1 {
		t.Fatalf("%d shared strings parts, want 1", n)
	}
	g, err := ReadGrid(path)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	xr, err := f.GetRows("Long")
	if err != nil {
		t.Fatal(err)
	}
	for r := range 60 {
		want := []string{texts[r%len(texts)], texts[(r/10)%len(texts)]}
		for c, w := range want {
			if got := g[r][c].Text; got != w {
				t.Errorf("our reader, row %d col %d: %q, want %q", r+1, c+1, got, w)
			}
			if got := cellOf(xr, r, c); got != w {
				t.Errorf("excelize, row %d col %d: %q, want %q", r+1, c+1, got, w)
			}
		}
	}
}

func cellOf(rows [][]string, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}
