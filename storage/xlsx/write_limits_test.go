package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/sheet"
)

func TestXLSXWriterRefusesTextOver32767Characters(t *testing.T) {
	for name, lim := range map[string]limits{"stream writer": {maxRows: MaxRows, bulkRows: 1 << 30}, "bulk writer": {maxRows: MaxRows, bulkRows: 0}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			wb := func(n int) *sheet.Workbook {
				s := &sheet.Sheet{Name: "T"}
				s.SetRows([]sheet.Row{{sheet.Str("a", 0)}, {sheet.Str("b", 0), sheet.Str(strings.Repeat("ế", n), 0)}})
				return &sheet.Workbook{Sheets: []*sheet.Sheet{s}}
			}
			ok := filepath.Join(dir, "ok.xlsx")
			if err := write(context.Background(), ok, wb(sheet.MaxCellChars), Options{}, lim); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(ok)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := f.GetCellValue("T", "B2"); len([]rune(v)) != sheet.MaxCellChars {
				t.Errorf("B2 has %d characters", len([]rune(v)))
			}
			_ = f.Close()
			bad := filepath.Join(dir, "bad.xlsx")
			err = write(context.Background(), bad, wb(sheet.MaxCellChars+1), Options{}, lim)
			if err == nil || !strings.Contains(err.Error(), "cell B2 holds 32768 characters") {
				t.Fatalf("a 32 768-character cell: %v", err)
			}
			if _, err := os.Stat(bad); !os.IsNotExist(err) {
				t.Errorf("a refused export left %s", bad)
			}
		})
	}
}
