package xlsx

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kpiplanner/app/sheet"
)

func TestWriteCSVFilesAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "company.csv")
	mk := func(name string, n int) *sheet.Sheet {
		s := &sheet.Sheet{Name: name}
		rows := make([]sheet.Row, n)
		for i := range rows {
			rows[i] = sheet.Row{sheet.Num(float64(i), sheet.Plain, "")}
		}
		s.SetRows(rows)
		return s
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{mk("Bonus", 10), mk("Actuals: 2026", 2000)}}
	want := []string{filepath.Join(dir, "company-Bonus.csv"), filepath.Join(dir, "company-Actuals_ 2026.csv")}
	if got := sheet.CSVPaths(path, wb); !slices.Equal(got, want) {
		t.Fatalf("CSVPaths = %q, want %q", got, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := WriteCSVFiles(ctx, path, wb, func(done, total int) {
		if done > 500 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a cancelled export left %v", entries)
	}
	files, err := WriteCSVFiles(context.Background(), path, wb, nil)
	if err != nil || !slices.Equal(files, want) {
		t.Fatalf("files %q, err %v", files, err)
	}
	b, err := os.ReadFile(want[1])
	if err != nil || strings.Count(string(b), "\r\n") != 2000 {
		t.Errorf("%s: %d lines (%v)", want[1], strings.Count(string(b), "\r\n"), err)
	}
}
