package ui

import (
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/bonus"
	"kpiplanner/app/sheet"
)

// The exported pool workbook holds every person's final amount as the
// screen shows it; their sum is the pool.
func TestBonusExportWritesThePoolWorkbook(t *testing.T) {
	u, s := bonusUI(t, "vi", 20)
	setPolicy(t, u, s, 30_000_000, bonus.ModeFit)
	s.onScope()
	p := s.pool
	c, unit, _ := s.scope()
	path := filepath.Join(t.TempDir(), "pool.xlsx")
	p.exportTo(saveTarget{path: path}, c, unit)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%v (status %q)", err, u.status.Text)
	}
	defer f.Close()
	_, lay := sheet.BonusPool(p.res, p.policy, nil, bonus.Regulation{}, u.tr.T)
	sum := 0.0
	for i, r := range p.rows {
		got := rawCell(t, f, lay.Sheet, sheet.Ref(sheet.PoFinal, lay.FirstRow+i))
		x, err := strconv.ParseFloat(got, 64)
		if err != nil || x != r.Final {
			t.Errorf("row %d (%s): final %q in the workbook, %v on screen", i, r.Name, got, r.Final)
		}
		sum += x
	}
	if sum != 30_000_000 {
		t.Errorf("the workbook's finals add up to %.0f, want the pool 30 000 000", sum)
	}
	if !strings.Contains(u.status.Text, path) {
		t.Errorf("status %q does not say where the file went", u.status.Text)
	}
}

// The regulation is written as a printable page in both languages.
func TestBonusRegulationPage(t *testing.T) {
	u, s := bonusUI(t, "en", 5)
	setPolicy(t, u, s, 10_000_000, bonus.ModeFit)
	c, unit, _ := s.scope()
	path := filepath.Join(t.TempDir(), "quy-che.html")
	s.pool.writeRegulation(u.newTask("Export", "…"), saveTarget{path: path}, c, unit)
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (status %q)", err, u.status.Text)
	}
	reg, vi, en, err := regulationOf(u, c, unit)
	if err != nil {
		t.Fatal(err)
	}
	// both languages' titles, and the pool's rule with its amount
	for _, want := range []string{"<html", html.EscapeString(vi.Msg(reg.Title)), html.EscapeString(en.Msg(reg.Title)), "10 000 000"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the regulation page lacks %q", want)
		}
	}
}
