package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// fuzzGrid splits text into a grid: rows by newline, cells by tab.
func fuzzGrid(text string) Grid {
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return TextGrid(rows)
}

// gridText is g as tab-separated text, the form the fuzz targets take.
func gridText(g Grid) string {
	lines := make([]string, len(g))
	for i, r := range g {
		cells := make([]string, len(r))
		for j, c := range r {
			cells[j] = c.Text
		}
		lines[i] = strings.Join(cells, "\t")
	}
	return strings.Join(lines, "\n")
}

// fuzzLangs are the import options of each language.
func fuzzLangs(f *testing.F) map[string]ImportOptions {
	out := map[string]ImportOptions{}
	for _, l := range []string{"en", "vi"} {
		tr, err := i18n.New(l)
		if err != nil {
			f.Fatal(err)
		}
		out[l] = ImportOptions{T: tr.T, ParseNumber: tr.ParseNumber, ParseDate: tr.ParseDate}
	}
	return out
}

// checkErrors fails t unless every problem names a row of g (row 0, the
// whole file, only alone) and says which in its message.
func checkErrors(t *testing.T, errs Errors, g Grid) {
	t.Helper()
	for _, e := range errs {
		switch {
		case e.Row < 0 || e.Row > len(g):
			t.Fatalf("problem in row %d of a %d-row grid: %v", e.Row, len(g), e)
		case e.Row == 0 && len(errs) > 1:
			t.Fatalf("a whole-file problem among others: %v", errs)
		case e.Row > 0 && !strings.HasPrefix(e.Error(), "row "):
			t.Fatalf("problem %q does not name its row", e.Error())
		}
	}
}

// FuzzReadCSV: any bytes either fail with an error naming the line, or
// read as a grid that our own CSV writer writes back to the same grid.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"KPI code,KPI,Unit,Value type,2026-01\r\nk1,Revenue,Currency,Actual,5\r\n",
		"\uFEFFKPI code;KPI;2026-01\nk1;Revenue;1,5\n",
		"Title line\nKPI code\tName\nk1\tx\n",
		"a,\"b\nc\",d\n\"stray\"quote,x\n",
		"'=1+2,'+84,x\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			if !strings.Contains(err.Error(), "line") && !strings.Contains(err.Error(), "row") && !isFileLimit(err) {
				t.Fatalf("CSV error %q names neither the line nor the row", err)
			}
			return
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, textSheet(g), nil); err != nil {
			t.Fatalf("write back: %v", err)
		}
		again, err := ReadCSV(&b)
		if err != nil {
			t.Fatalf("our own CSV does not read back: %v\n%q", err, b.String())
		}
		if w, g := comparable(g), comparable(again); !reflect.DeepEqual(g, w) {
			t.Fatalf("written and read back, the grid changes:\n got %q\nwant %q", g, w)
		}
	})
}

// textSheet is a sheet of g's text cells.
func textSheet(g Grid) *Sheet {
	rows := make([]Row, len(g))
	for i, r := range g {
		rows[i] = make(Row, len(r))
		for j, c := range r {
			rows[i][j] = Str(c.Text, Plain)
		}
	}
	s := &Sheet{Name: "Fuzz"}
	s.SetRows(rows)
	return s
}

// comparable is g's text without what CSV cannot keep: blank rows (a
// blank line is no record), trailing empty cells, carriage returns, and the
// ' marks that guard formula-like text (so a cell "'=x" reads back as "=x",
// and "\r'0" — guarded for its carriage return — as "0").
func comparable(g Grid) [][]string {
	var out [][]string
	for _, r := range g {
		var cells []string
		for _, c := range r {
			s := strings.ReplaceAll(c.Text, "\r", "")
			cells = append(cells, strings.TrimLeft(s, "'"))
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			out = append(out, cells)
		}
	}
	return out
}

// FuzzParseActuals: any grid of text gives, in each language, either
// problems that name their row, or actuals that make a valid plan; and a
// grid both languages accept means the same numbers in both.
func FuzzParseActuals(f *testing.F) {
	p := importPlan()
	f.Add(gridText(gridOf(ActualsTemplate(p, nil, true))))
	for _, s := range []string{
		"KPI code\tKPI\tValue type\t2026-01\t2026-02\nk1\tRevenue\tActual\t1.500\t12,5\ncr\t\tNumerator\t3\t4\ncr\t\tDenominator\t100\t0",
		"KPI\tPeriod\tActual\nRevenue\t2026-03\t1 000\nTỷ lệ hoàn thành dự án\t2026-06\t1",
		"Person\tKPI\tPeriod\tActual\nTrần Thị Bình\tk1\t2026-01\t5\nSomeone else\tk1\t2026-01\t7",
		"KPI code\t2026-13\nk1\t1",
	} {
		f.Add(s)
	}
	langs := fuzzLangs(f)
	f.Fuzz(func(t *testing.T, text string) {
		g := fuzzGrid(text)
		got := map[string]*app.Plan{}
		for lang, o := range langs {
			pv := ParseActuals(p, g, o)
			checkErrors(t, pv.Errors, g)
			q, err := pv.Apply()
			if (err == nil) != (len(pv.Errors) == 0) {
				t.Fatalf("%s: Apply error %v with %d problems", lang, err, len(pv.Errors))
			}
			if err != nil {
				continue
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("%s: the import makes an invalid plan: %v", lang, err)
			}
			got[lang] = q
		}
		if en, vi := got["en"], got["vi"]; en != nil && vi != nil && !reflect.DeepEqual(en.KPIs, vi.KPIs) {
			t.Fatalf("the same file means different actuals in English and Vietnamese:\n en %+v\n vi %+v", en.KPIs, vi.KPIs)
		}
	})
}

// FuzzParseKPIs: any grid of text gives either problems that name their
// row, or KPIs that make a valid plan and whose own KPI sheet reads back
// to the same KPIs.
func FuzzParseKPIs(f *testing.F) {
	p := importPlan()
	f.Add(gridText(gridOf(KPISheet(p, nil))))
	for _, s := range []string{
		"Tên KPI\tĐơn vị\tChiều đánh giá\tMục tiêu\tTrọng số\tNhóm\tCách tổng hợp\tThang điểm\nDoanh thu\tVND\tgiảm\t150.000\t1\tC\ttrung bình\t80%: 50; 100%: 100",
		"KPI code\tName\tDirection\tTarget\tRange low\tRange high\tTolerance\nk9\tTemp\tRange\t5\t4\t6\t1\nk1\tRevenue\tHigher\t1,500",
		"Name\nRevenue\nRevenue",
	} {
		f.Add(s)
	}
	langs := fuzzLangs(f)
	f.Fuzz(func(t *testing.T, text string) {
		g := fuzzGrid(text)
		for lang, o := range langs {
			pv := ParseKPIs(p, g, o)
			checkErrors(t, pv.Errors, g)
			q, err := pv.Apply()
			if (err == nil) != (len(pv.Errors) == 0) {
				t.Fatalf("%s: Apply error %v with %d problems", lang, err, len(pv.Errors))
			}
			if err != nil {
				continue
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("%s: the import makes an invalid plan: %v", lang, err)
			}
			again, err := ParseKPIs(q, gridOf(KPISheet(q, o.T)), o).Apply()
			if err != nil || !reflect.DeepEqual(again.KPIs, q.KPIs) {
				t.Fatalf("%s: the imported KPIs' own sheet does not read back to them: %v\n got %+v\nwant %+v", lang, err, again, q.KPIs)
			}
		}
	})
}

// isFileLimit reports whether err is about the whole file (too large, too
// many cells), which no line or row can be named for.
func isFileLimit(err error) bool {
	m := err.Error()
	return strings.Contains(m, "the file is larger") || strings.Contains(m, "more than") || strings.Contains(m, "cannot be read")
}
