package xlsx

import (
	"archive/zip"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/files"
	"kpiplanner/app/progress"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/fileio"
)

// Options tune an export (see files.Options).
type Options = files.Options

// MaxRows is the most rows a worksheet holds; longer sheets continue on
// sheets named "Name (2)", "Name (3)"… that repeat the header rows.
const MaxRows = 1_048_576

// fastZipRows is the row count above which the file is compressed for speed
// rather than size.
const fastZipRows = 50_000

// Write writes wb to path as an .xlsx workbook, through a temporary file
// renamed into place; when ctx is cancelled it stops between rows and
// leaves no file behind.
func Write(ctx context.Context, path string, wb *sheet.Workbook, opts Options) error {
	if err := write(ctx, path, wb, opts, limits{maxRows: MaxRows, bulkRows: bulkRows}); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

// limits are the sheet sizes that change how a workbook is written; tests
// lower them to exercise continuation sheets and bulk writing.
type limits struct {
	maxRows  int // rows per worksheet
	bulkRows int // sheets of this many rows or more are written in bulk
}

func write(ctx context.Context, path string, wb *sheet.Workbook, opts Options, lim limits) error {
	if len(wb.Sheets) == 0 {
		return fmt.Errorf("the workbook has no sheet")
	}
	m := progress.NewMeter(ctx, wb.NumRows(), opts.Progress)
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if wb.NumRows() > fastZipRows {
		f.SetZipWriter(fastZip)
	}
	w := &writer{f: f, st: newStyles(f), m: m, used: map[string]bool{}, maxRows: lim.maxRows, bulkRows: lim.bulkRows}
	return w.write(path, wb, opts.Password)
}

// write lays out every sheet and writes the file.
func (w *writer) write(path string, wb *sheet.Workbook, password string) error {
	for _, s := range wb.Sheets {
		w.used[lower(s.Name)] = true
	}
	var bulks []*bulk
	defer func() {
		for _, b := range bulks {
			b.stop()
		}
	}()
	for i, s := range wb.Sheets {
		if w.isBulk(s) {
			b, err := w.bulkSheet(s, i == 0)
			if err != nil {
				return fmt.Errorf("sheet %s: %w", s.Name, err)
			}
			bulks = append(bulks, b)
			continue
		}
		if err := w.sheet(s, i == 0); err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	if err := w.m.Err(); err != nil {
		return err
	}
	err := fileio.WriteFile(path, func(out io.Writer) error {
		return w.writeWorkbook(out, bulks, password)
	})
	if err != nil {
		return err
	}
	w.m.Done()
	return nil
}

// fastZip compresses at deflate's fastest level.
func fastZip(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := flatePool.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledFlate{fw}, nil
		}
		fw, err := flate.NewWriter(out, flate.BestSpeed)
		return pooledFlate{fw}, err
	})
	return z
}

// flatePool keeps the compressors of written zip entries: each is about a
// megabyte, and a workbook has a dozen entries.
var flatePool sync.Pool

// pooledFlate returns its compressor to flatePool once closed.
type pooledFlate struct{ *flate.Writer }

// Close ends the entry's deflate stream and hands the compressor back.
func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// writer streams a workbook's sheets into an excelize file.
type writer struct {
	f        *excelize.File
	st       *styles
	m        *progress.Meter
	used     map[string]bool // sheet names taken, lower-cased
	maxRows  int
	bulkRows int // sheets of this many rows or more are written in bulk

	cells  []excelize.Cell
	vals   []any
	styles []colStyle     // the last style id per column, to skip map look-ups
	sst    *sharedStrings // the bulk sheets' text, when the workbook has no table of its own
}

// colStyle caches a column's last style.
type colStyle struct {
	style  sheet.Style
	kind   sheet.Kind
	format string
	id     int
}

// sheet writes s through excelize's stream writer.
func (w *writer) sheet(s *sheet.Sheet, first bool) error {
	sw, err := w.start(s, s.Name, first, true)
	if err != nil {
		return err
	}
	if s.Rows != nil {
		n := 0
		for r := range s.Rows {
			if n == w.maxRows {
				return fmt.Errorf("more than %d rows", w.maxRows)
			}
			if err := w.row(sw, n, r); err != nil {
				return err
			}
			n++
			if err := w.m.Row(); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// continuation returns an unused name for part n of a long sheet.
func (w *writer) continuation(base string, n int) string {
	return sheet.SheetName(base+" ("+strconv.Itoa(n)+")", w.used)
}

// start creates a worksheet, sets its page, print and chart options, and
// returns a stream writer with its columns and frozen panes set.
func (w *writer) start(s *sheet.Sheet, name string, first, charts bool) (*excelize.StreamWriter, error) {
	var err error
	if first {
		err = w.f.SetSheetName(w.f.GetSheetName(0), name)
	} else {
		_, err = w.f.NewSheet(name)
	}
	if err != nil {
		return nil, err
	}
	if err := w.page(s, name, charts); err != nil {
		return nil, err
	}
	if charts {
		for _, c := range s.Charts {
			if err := w.f.AddChart(name, sheet.Ref(c.Col, c.Row), chart(c)); err != nil {
				return nil, fmt.Errorf("chart: %w", err)
			}
		}
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range s.Cols {
		if c.Width > 0 {
			if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
				return nil, err
			}
		}
		if c.Hidden {
			if err := sw.SetColVisible(i+1, i+1, false); err != nil {
				return nil, err
			}
		}
	}
	if p := panes(s.FreezeRows, s.FreezeCols); p != nil {
		if err := sw.SetPanes(p); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// page sets A4 landscape, fit to one page wide, the rows repeated on every
// printed page and the printed columns.
func (w *writer) page(s *sheet.Sheet, name string, charts bool) error {
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if err := w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	q := sheet.QuoteSheet(name)
	if s.FreezeRows > 0 {
		ref := q + "!$1:$" + strconv.Itoa(s.FreezeRows)
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref, Scope: name}); err != nil {
			return err
		}
	}
	if s.PrintCols > 0 {
		last := max(s.NumRows, 1)
		if charts {
			for _, c := range s.Charts {
				last = max(last, c.Row+c.Height/20+1)
			}
		}
		ref := q + "!$A$1:" + sheet.Abs(s.PrintCols-1, min(last, w.maxRows)-1)
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: ref, Scope: name}); err != nil {
			return err
		}
	}
	return nil
}

// panes returns frozen panes keeping rows and cols in view, or nil.
func panes(rows, cols int) *excelize.Panes {
	if rows <= 0 && cols <= 0 {
		return nil
	}
	top := sheet.Ref(max(cols, 0), max(rows, 0))
	p := &excelize.Panes{Freeze: true, XSplit: max(cols, 0), YSplit: max(rows, 0), TopLeftCell: top}
	switch {
	case rows > 0 && cols > 0:
		p.ActivePane = "bottomRight"
	case rows > 0:
		p.ActivePane = "bottomLeft"
	default:
		p.ActivePane = "topRight"
	}
	p.Selection = []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: p.ActivePane}}
	return p
}

// chart returns a horizontal bar chart of c, first category on top.
func chart(c sheet.Chart) *excelize.Chart {
	ch := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: c.Series.String(), Categories: c.Categories.String(), Values: c.Values.String(),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}},
		}},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Dimension:    excelize.ChartDimension{Width: uint(c.Width), Height: uint(c.Height)},
		Legend:       excelize.ChartLegend{Position: "none"},
		XAxis:        excelize.ChartAxis{ReverseOrder: true},
		YAxis:        excelize.ChartAxis{MajorGridLines: true},
		ShowBlanksAs: "gap",
	}
	if c.Percent {
		ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
	}
	return ch
}

// row writes one row of cells at 0-based row r.
func (w *writer) row(sw *excelize.StreamWriter, r int, row sheet.Row) error {
	if len(w.cells) < len(row) {
		w.cells = make([]excelize.Cell, len(row))
		w.vals = make([]any, len(row))
	}
	for len(w.styles) < len(row) {
		w.styles = append(w.styles, colStyle{id: -1})
	}
	vals := w.vals[:len(row)]
	for i := range row {
		c := &row[i]
		if c.Kind == sheet.Empty && c.Formula == "" && c.Style == sheet.Plain {
			vals[i] = nil
			continue
		}
		if err := checkCellText(c, i, r); err != nil {
			return err
		}
		id, err := w.style(i, c)
		if err != nil {
			return err
		}
		w.cells[i] = excelize.Cell{StyleID: id, Formula: c.Formula, Value: value(c)}
		vals[i] = &w.cells[i]
	}
	return sw.SetRow("A"+strconv.Itoa(r+1), vals)
}

// style returns the style id of c in column col, from the column's cache
// when c looks like the column's previous cell.
func (w *writer) style(col int, c *sheet.Cell) (int, error) {
	cs := &w.styles[col]
	if cs.id >= 0 && cs.style == c.Style && cs.kind == c.Kind && cs.format == c.Format {
		return cs.id, nil
	}
	id, err := w.st.id(c)
	if err != nil {
		return 0, err
	}
	*cs = colStyle{style: c.Style, kind: c.Kind, format: c.Format, id: id}
	return id, nil
}

// value returns what excelize writes for c: its text, its number, or nil
// for a blank (NaN and infinities are written blank).
func value(c *sheet.Cell) any {
	switch c.Kind {
	case sheet.Text:
		return c.Str
	case sheet.Number, sheet.Percent, sheet.Money, sheet.Date:
		if math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
			return nil
		}
		return c.Num
	}
	return nil
}

// lower folds a sheet name the way SheetName compares names.
func lower(s string) string { return strings.ToLower(s) }
