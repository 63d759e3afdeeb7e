package main

import (
	"bufio"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// writeTable writes rows as text/tabwriter lays them out with minwidth 0,
// padding 2 and spaces (tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)): every
// column but the last as wide as its widest cell (in runes) plus 2. It does
// not keep a copy of every cell as tabwriter does, which for the 50 000
// rows of kpi list took longer than scoring them. Rows with a cell holding
// a tab, line feed, vertical tab or form feed (which tabwriter reads as
// layout) go through tabwriter itself, so the output is the same.
func writeTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if strings.ContainsAny(cell, "\t\n\v\f") {
				return writeTabwriter(w, rows)
			}
			if i == len(row)-1 {
				break
			}
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	spaces := strings.Repeat(" ", 64)
	for _, row := range rows {
		for i, cell := range row {
			bw.WriteString(cell)
			if i == len(row)-1 {
				break
			}
			for pad := widths[i] + 2 - utf8.RuneCountInString(cell); pad > 0; pad -= len(spaces) {
				bw.WriteString(spaces[:min(pad, len(spaces))])
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// writeTabwriter writes rows through text/tabwriter, cells separated by tabs.
func writeTabwriter(w io.Writer, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, row := range rows {
		if _, err := io.WriteString(tw, strings.Join(row, "\t")+"\n"); err != nil {
			return err
		}
	}
	return tw.Flush()
}
