package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

type bonusOut struct {
	Mode     string
	Pool     float64
	Total    float64
	Feasible bool
	Pools    []poolJSON
	Rows     []bonusJSON
}

func bonusJSONOf(t *testing.T, args ...string) bonusOut {
	t.Helper()
	var b bonusOut
	if err := json.Unmarshal([]byte(mustKPI(t, append(args, "--json")...)), &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func demoDB(t *testing.T, n string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "b.db")
	mustKPI(t, "--db", db, "demo", "--people", n)
	return db
}

func TestBonusCommandSolvesThePoolExactly(t *testing.T) {
	db := demoDB(t, "40")
	g := []string{"--db", db, "--today", "2026-12-31", "bonus"}
	b := bonusJSONOf(t, append(g, "--pool", "1,2 tỷ", "--mode", "fit", "--cap", "4x", "--floor", "500000", "--step", "1000")...)
	if !b.Feasible || b.Pool != 1_200_000_000 || b.Total != 1_200_000_000 || len(b.Rows) != 40 {
		t.Fatalf("pool %.0f total %.0f feasible %v rows %d", b.Pool, b.Total, b.Feasible, len(b.Rows))
	}
	var sum float64
	for _, r := range b.Rows {
		sum += r.Final
		if r.Final != r.Rounded+float64(r.Extra)*1000 || int64(r.Final)%1000 != 0 {
			t.Fatalf("%s: rounded %.0f + %d steps is not %.0f", r.Code, r.Rounded, r.Extra, r.Final)
		}
	}
	if sum != 1_200_000_000 {
		t.Fatalf("rows sum to %.0f", sum)
	}
	// nothing was saved without --save
	if b := bonusJSONOf(t, g...); b.Mode != "none" {
		t.Fatalf("the policy was saved without --save: %s", b.Mode)
	}
	mustKPI(t, append(g, "--pool", "900000000", "--mode", "cap", "--save")...)
	if b := bonusJSONOf(t, g...); b.Mode != "cap" || b.Pool != 900_000_000 || b.Total > 900_000_000 {
		t.Fatalf("saved policy: %s pool %.0f total %.0f", b.Mode, b.Pool, b.Total)
	}
	if code, _, errs := kpi(t, append(g, "--pool", "lots")...); code != exitUsage || !strings.Contains(errs, "--pool") {
		t.Fatalf("a bad pool: exit %d %s", code, errs)
	}
}

func TestBonusWorkbookAndRegulation(t *testing.T) {
	db := demoDB(t, "12")
	dir := t.TempDir()
	book, html, regx := filepath.Join(dir, "b.xlsx"), filepath.Join(dir, "r.html"), filepath.Join(dir, "r.xlsx")
	mustKPI(t, "--db", db, "--today", "2026-12-31", "bonus", "--pool", "200tr", "--mode", "fit", "--step", "1000", "--out", book,
		"--regulation", html, "--lang", "vi")
	mustKPI(t, "--db", db, "bonus", "--regulation", regx, "--pool", "200tr", "--mode", "fit")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Quỹ thưởng" || got[2] != "Quy chế thưởng" {
		t.Fatalf("sheets %v", got)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"@page { size: A4", "Quy chế thưởng", "Bonus regulation", "Quỹ thưởng 200 000 000 VND được chi hết", "break-after: page"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the regulation page lacks %q", want)
		}
	}
	r, err := excelize.OpenFile(regx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := r.GetSheetList(); len(got) != 2 || got[0] != "Quy chế thưởng" || got[1] != "Bonus regulation" {
		t.Fatalf("regulation sheets %v", got)
	}
}

func TestCalibrateFromTheCommandLine(t *testing.T) {
	db := demoDB(t, "20")
	g := []string{"--db", db, "--today", "2026-12-31"}
	b := bonusJSONOf(t, append(g, "bonus")...)
	var who bonusJSON
	for _, r := range b.Rows {
		if r.Band == "Fair" {
			who = r
			break
		}
	}
	if code, _, errs := kpi(t, append(g, "calibrate", "override", who.Code, "Excellent")...); code == 0 || !strings.Contains(errs, "reason") {
		t.Fatalf("override without a reason: exit %d %s", code, errs)
	}
	mustKPI(t, append(g, "calibrate", "override", who.Code, "Excellent", "--reason", "carried the team")...)
	after := bonusJSONOf(t, append(g, "bonus")...)
	for _, r := range after.Rows {
		if r.Code == who.Code && (r.Band != "Excellent" || !r.Overridden || r.Multiplier != 1.5 || *r.Score != *who.Score) {
			t.Fatalf("after the override %+v", r)
		}
	}
	out := mustKPI(t, append(g, "calibrate", "show")...)
	if !strings.Contains(out, "override: "+who.Code+" Fair to Excellent") || !strings.Contains(out, "carried the team") {
		t.Fatalf("show:\n%s", out)
	}
	mustKPI(t, append(g, "calibrate", "sign-off")...)
	// signed off: a bigger pool does not change what the signed rows pay
	if b := bonusJSONOf(t, append(g, "bonus", "--pool", "999999999999", "--mode", "fit")...); b.Total != after.Total {
		t.Fatalf("signed total moved from %.0f to %.0f", after.Total, b.Total)
	}
	if code, _, errs := kpi(t, append(g, "calibrate", "undo", who.Code)...); code == 0 || !strings.Contains(errs, "signed off") {
		t.Fatalf("undo while signed off: exit %d %s", code, errs)
	}
	mustKPI(t, append(g, "calibrate", "reopen", "--reason", "late review")...)
	mustKPI(t, append(g, "calibrate", "undo", who.Code)...)
	for _, r := range bonusJSONOf(t, append(g, "bonus")...).Rows {
		if r.Code == who.Code && (r.Band != "Fair" || r.Overridden) {
			t.Fatalf("after undo %+v", r)
		}
	}
}
