package sheet

import (
	"bytes"
	"strings"
	"testing"

	"kpiplanner/app"
)

func TestWriteCSV(t *testing.T) {
	a, b3 := 0.1, 0.2
	s := &Sheet{Name: "T"}
	s.SetRows([]Row{
		{Str("=1+2", Plain), Str("+84 90", Plain), Str("-5 points", Plain), Str("@sum", Plain), Str("\tx", Plain), Str("\rx", Plain)},
		{Str("a,b", Plain), Str(`say "hi"`, Plain), Num(-5, Plain, ""), Num(a+b3, Plain, ""), Blank(Input)},
		{Formula("H6*M6", 330, true, Number, Computed, ""), Formula(`""`, 0, false, Number, Computed, ""), TextFormula("x", "Good", Total)},
		{Cell{Kind: Percent, Num: 1.0666666666666667}, Cell{Kind: Money, Num: 12345000}, Cell{Kind: Date, Num: Serial(app.NewDate(2026, 3, 1))}},
	})
	var b bytes.Buffer
	if err := WriteCSV(&b, s, nil); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF" +
		`'=1+2,'+84 90,'-5 points,'@sum,"'` + "\tx\",\"'\rx\"\r\n" + // tabs and CRs are quoted and kept
		`"a,b","say ""hi""",-5,0.30000000000000004` + "\r\n" +
		"330,,Good\r\n" +
		"1.0666666666666667,12345000,2026-03-01\r\n"
	if b.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", b.String(), want)
	}
	g, err := ReadCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := g[0][0].Text; got != "=1+2" {
		t.Errorf("read back %q: the ' of formula-like text was not removed", got)
	}
	if got := g[1][1].Text; got != `say "hi"` {
		t.Errorf("read back %q", got)
	}
}

func TestReadCSVSeparators(t *testing.T) {
	for name, in := range map[string]string{
		"comma":     "KPI,2026-01\nRevenue,\"1,5\"\n",
		"semicolon": "\uFEFFKPI;2026-01\r\nRevenue;1,5\r\n",
		"tab":       "KPI\t2026-01\nRevenue\t1,5\n",
	} {
		g, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(g) != 2 || g[0][0].Text != "KPI" || g[1][1].Text != "1,5" {
			t.Errorf("%s: %+v", name, g)
		}
	}
}
