package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
)

// smallWindow is the smallest screen the app must work on.
var smallWindow = fyne.NewSize(1024, 600)

// checkFits fails when the window's content asks for more than the small window.
func checkFits(t *testing.T, u *UI, what string) {
	t.Helper()
	if m := u.win.Content().MinSize(); m.Width > smallWindow.Width || m.Height > smallWindow.Height {
		t.Errorf("%s: the window needs at least %.0f×%.0f, more than %.0f×%.0f", what, m.Width, m.Height,
			smallWindow.Width, smallWindow.Height)
	}
}

// Regression: the window refused to be smaller than 692 px tall (the
// scorecard's bottom block, the wizard's steps), and the specialist
// dashboard was wider than 1024.
func TestEveryScreenFits1024x600(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		u, _ := companyUI(t, lang, 60)
		seedOrg(t, u)
		for _, s := range u.Tour() {
			s.Show()
			checkFits(t, u, lang+" "+s.Name)
		}
	}
}

// Regression: error messages grew the window. Problems under the grid, in
// the KPI table, the wizard's refusal and a provisional note must not make
// the window need more than 1024×600, and its size stays as it was.
func TestErrorsDoNotGrowTheWindow(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		p := planFixture()
		p.KPIs[0].Name = "Doanh thu từ khách hàng mới của kênh đối tác trong khu vực phía Nam, tính theo hợp đồng đã ký"
		u, _, s := planTestUI(t, lang, p)
		u.win.Resize(smallWindow)
		before := u.win.Canvas().Size()
		for r := range s.grid.cells {
			for c := range s.grid.cells[r] {
				typeCell(u, s.grid.cells[r][c], "abc", fyne.KeyTab)
			}
		}
		if s.grid.problems.Text == "" {
			t.Fatalf("%s: no problems shown for bad cells", lang)
		}
		checkFits(t, u, lang+" grid with a problem in every cell")
		// a long provisional note under the bonus
		s.card.note.SetText(strings.Repeat(p.KPIs[0].Name+", ", 6))
		s.card.note.Show()
		checkFits(t, u, lang+" provisional note")
		s.tabs.SelectIndex(1)
		for _, r := range s.kpis.rows {
			for _, e := range r.entries {
				test.Type(e, "x")
			}
		}
		checkFits(t, u, lang+" KPI table with problems")
		if got := u.win.Canvas().Size(); got != before {
			t.Errorf("%s: the window went from %v to %v", lang, before, got)
		}

		w := openWizard(t, u)
		test.Tap(w.next) // an empty goal: every required field is flagged
		if !w.failed {
			t.Fatalf("%s: Next on an empty goal was not refused", lang)
		}
		checkFits(t, u, lang+" wizard refused")
		if got := u.win.Canvas().Size(); got != before {
			t.Errorf("%s: the window went from %v to %v with the wizard's errors", lang, before, got)
		}
	}
}

// Regression: the plans list had no Bonus column and cut names with no way
// to read them; the selected plan now shows in full below the list.
func TestHomeListBonusColumnAndFullDetail(t *testing.T) {
	u, plans := companyUI(t, "vi", 5)
	h := u.home
	col := -1
	for i, c := range homeColumns {
		if c == workspace.ByBonus {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no Bonus column")
	}
	if h.table.StickyColumnCount != 2 || homeColumns[0] != workspace.ByPerson || homeColumns[1] != workspace.ByTotal {
		t.Errorf("person and total are not the sticky columns")
	}
	var row int
	for i, r := range h.rows {
		if r.HasTotal {
			row = i
			break
		}
	}
	r := h.rows[row]
	if got, want := h.cellText(r, workspace.ByBonus), u.tr.FormatMoney(r.Bonus, r.Currency); got != want {
		t.Errorf("bonus cell %q, want %q", got, want)
	}
	h.table.Select(widget.TableCellID{Row: row, Col: 0})
	for _, s := range []string{r.Person, r.Name, r.Department, u.tr.FormatMoney(r.Bonus, r.Currency)} {
		if !strings.Contains(h.detail.Text, s) {
			t.Errorf("detail line %q lacks %q", h.detail.Text, s)
		}
	}
	_ = plans
}

// Regression: columns were cut at the default size: each column is at
// least as wide as its longest text, up to homeColumnMax.
func TestHomeColumnsFitTheirText(t *testing.T) {
	u, _ := companyUI(t, "vi", 60)
	h := u.home
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	for i, col := range homeColumns {
		for _, r := range h.all {
			need := fyne.MeasureText(h.cellText(r, col), theme.TextSize(), fyne.TextStyle{}).Width + pad
			if w := h.widths[i]; w < min(need, homeColumnMax)-0.5 {
				t.Errorf("column %s is %.0f wide, %q needs %.0f", h.columnTitle(col), w, h.cellText(r, col), need)
				break
			}
		}
	}
}

// Regression: a KPI name cut in the grid could not be read: the line under
// the grid names the focused cell's KPI in full.
func TestGridHintNamesTheFocusedKPI(t *testing.T) {
	p := planFixture()
	p.KPIs[1].Name = "Khách hàng mới từ kênh đối tác trong khu vực phía Nam, theo hợp đồng đã ký"
	u, _, s := planTestUI(t, "vi", p)
	u.win.Canvas().Focus(s.grid.cells[1][0])
	if !strings.Contains(s.grid.hint.Text, p.KPIs[1].Name) {
		t.Errorf("hint %q does not name %q", s.grid.hint.Text, p.KPIs[1].Name)
	}
}
