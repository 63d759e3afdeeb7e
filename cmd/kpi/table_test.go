package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestWriteTableLaysOutAsTabwriter compares writeTable with text/tabwriter
// on random tables of ASCII, Vietnamese and empty cells, wide and narrow,
// and on cells holding tabs and line breaks.
func TestWriteTableLaysOutAsTabwriter(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"", "a", "Nguyễn Thị Ánh", "Đặng", "no data", "93.35 (provisional)", "2026-01-01 – 2026-12-31",
		strings.Repeat("x", 90), "\x1b[31m", "tab\there", "line\nbreak", "ổ"}
	for n := range 300 {
		cols := 1 + r.IntN(11)
		var rows [][]string
		for range 1 + r.IntN(30) {
			row := make([]string, cols)
			for j := range row {
				row[j] = words[r.IntN(len(words)-3)] // no tabs or breaks
				if n%10 == 0 && r.IntN(20) == 0 {
					row[j] = words[len(words)-3+r.IntN(3)]
				}
			}
			rows = append(rows, row)
		}
		var got, want bytes.Buffer
		if err := writeTable(&got, rows); err != nil {
			t.Fatal(err)
		}
		if err := writeTabwriter(&want, rows); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("table %d:\n got %q\nwant %q", n, got.String(), want.String())
		}
	}
}
