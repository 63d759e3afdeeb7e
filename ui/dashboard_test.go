package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/dashboard"
	"kpiplanner/app/demo"
	"kpiplanner/app/library"
	"kpiplanner/app/score"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// dashboardTestUI opens a UI in lang over a new bbolt file holding a demo
// company of people, with the dashboards open; it returns the plans as stored.
func dashboardTestUI(t *testing.T, lang string, people int) (*UI, *dashboardScreen, []*app.Plan) {
	t.Helper()
	return dashboardTestUIWith(t, lang, demo.Company(people, 1))
}

// dashboardTestUIWith is dashboardTestUI over the given plans.
func dashboardTestUIWith(t *testing.T, lang string, saved []*app.Plan) (*UI, *dashboardScreen, []*app.Plan) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := storage.Open(filepath.Join(t.TempDir(), "kpi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.SavePlans(saved); err != nil {
		t.Fatal(err)
	}
	plans, err := store.Plans()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, store, lib, Options{Sync: true, Lang: lang, Files: xlsx.Files{}})
	u.openDashboards()
	s, ok := u.cur.(*dashboardScreen)
	if !ok {
		t.Fatalf("current screen is %T, want the dashboards", u.cur)
	}
	relayout(u, fyne.NewSize(1200, 760))
	return u, s, plans
}

// relayout resizes the window to size; the test canvas lays out again only on a resize.
func relayout(u *UI, size fyne.Size) {
	u.win.Resize(size.AddWidthHeight(1, 1))
	u.win.Resize(size)
}

// checkLabel fails when a label does not read want.
func checkLabel(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// checkChart fails unless b shows a chart drawn at b's size.
func checkChart(t *testing.T, what string, b *chartBox) {
	t.Helper()
	size := b.root.Size()
	if b.img.Image == nil || len(b.png) == 0 {
		t.Errorf("%s: no chart shown (laid out at %v)", what, size)
		return
	}
	got := b.img.Image.Bounds().Size()
	if got.X != int(size.Width) || got.Y != int(size.Height) || size.Width < chartSmallSize.Width {
		t.Errorf("%s: chart of %v pixels in a box of %v", what, got, size)
	}
	if b.busy.Visible() {
		t.Errorf("%s: still shows the placeholder", what)
	}
}

// checkSummaryCards checks the cards against the numbers app/dashboard computed.
func checkSummaryCards(t *testing.T, u *UI, c *summaryCards, s dashboard.Summary) {
	t.Helper()
	checkLabel(t, "people", c.people.value.Text, u.tr.FormatNumber(float64(s.People), 0))
	checkLabel(t, "mean total", c.mean.value.Text, u.tr.FormatNumber(s.Mean, 1))
	checkLabel(t, "median", c.mean.note.Text, u.T("Median %s", u.tr.FormatNumber(s.Median, 1)))
	checkLabel(t, "bonus pool", c.pool.value.Text, u.poolText(s.Pool))
	if len(s.Pool) != 1 || c.pool.value.Text != u.tr.FormatMoney(s.Pool[0].Sum, "VND") {
		t.Errorf("bonus pool %q from %v, want one VND amount", c.pool.value.Text, s.Pool)
	}
	for i, r := range s.Ratings {
		row := c.ratings.lines.Objects[i].(*fyne.Container)
		checkLabel(t, "rating name", row.Objects[0].(*canvas.Text).Text, u.T(r.Name))
		checkLabel(t, "rating "+r.Name, row.Objects[1].(*canvas.Text).Text, u.tr.FormatNumber(float64(r.Count), 0))
	}
}

func TestDashboardReaders(t *testing.T) {
	u, s, plans := dashboardTestUI(t, "en", 40)
	c := dashboard.New(plans, score.PickOfficial(testToday()))

	d := c.Director("")
	checkSummaryCards(t, u, s.director.cards, d.Summary)
	checkChart(t, "score distribution", s.director.dist)
	checkChart(t, "department comparison", s.director.depts)
	if len(d.Top) != dashboard.TopN || len(s.director.top.rows.Objects) != len(d.Top) {
		t.Errorf("top KPIs: %d rows for %d ranked", len(s.director.top.rows.Objects), len(d.Top))
	}

	s.reader.SetSelectedIndex(readerHead)
	relayout(u, fyne.NewSize(1200, 760))
	dept := c.Departments()[0]
	checkLabel(t, "department", s.department(), dept)
	tm := c.Team(dept)
	checkSummaryCards(t, u, s.team.cards, tm.Summary)
	checkChart(t, "team distribution", s.team.dist)
	if len(s.team.members.data) != len(tm.Members) || s.team.members.data[0][0].text != tm.Members[0].Name {
		t.Errorf("members table has %d rows, want %d starting with %s", len(s.team.members.data), len(tm.Members), tm.Members[0].Name)
	}

	s.reader.SetSelectedIndex(readerSpecialist)
	relayout(u, fyne.NewSize(1200, 760))
	first := c.People(dept)[0]
	sp, _ := c.Specialist(first.PlanID)
	checkLabel(t, "total score", s.spec.total.value.Text, u.tr.FormatNumber(sp.Result.Official, 2))
	checkLabel(t, "bonus", s.spec.bonus.value.Text, u.tr.FormatMoney(sp.Result.Bonus, sp.Person.Currency))
	checkChart(t, "target vs actual", s.spec.target)
	checkChart(t, "group contribution", s.spec.groups)
	if len(s.spec.trends) != len(sp.KPIs) {
		t.Fatalf("%d trend charts for %d KPIs", len(s.spec.trends), len(sp.KPIs))
	}
	for _, b := range s.spec.trends {
		checkChart(t, "trend", b)
	}
}

func TestDashboardPeriodAndDepartment(t *testing.T) {
	u, s, plans := dashboardTestUI(t, "vi", 40)
	s.period.SetSelectedIndex(4) // the options are official, the whole cycle, then 2026-01, 2026-02, 2026-03…
	checkLabel(t, "period", s.period.Selected, "2026-03")
	if s.choice.Kind != score.ChooseThrough || s.choice.End != app.NewDate(2026, 3, 31) {
		t.Fatalf("window %+v, want through 2026-03-31", s.choice)
	}
	c := dashboard.New(plans, s.choice.Pick(testToday()))
	dept := c.Departments()[1]
	s.dept.SetSelectedIndex(2) // after "Whole company"
	relayout(u, fyne.NewSize(1200, 760))
	checkLabel(t, "department", s.department(), dept)
	d := c.Director(dept)
	checkSummaryCards(t, u, s.director.cards, d.Summary)
	checkChart(t, "score distribution", s.director.dist)
	for i, k := range d.Top {
		row := s.director.top.rows.Objects[i].(*fyne.Container)
		checkLabel(t, "top KPI", row.Objects[0].(*widget.Label).Text, k.Name)
		checkLabel(t, "top KPI score", row.Objects[1].(*widget.Label).Text, u.tr.FormatNumber(k.MeanScore, 1))
	}

	// a department head keeps the department; the specialist sees its first person
	s.reader.SetSelectedIndex(readerHead)
	checkLabel(t, "head's department", s.department(), dept)
	tm := c.Team(dept)
	if len(s.team.off.data) != len(tm.OffTrack) {
		t.Errorf("off-track table has %d rows, want %d", len(s.team.off.data), len(tm.OffTrack))
	}
	s.reader.SetSelectedIndex(readerSpecialist)
	first := c.People(dept)[0]
	checkLabel(t, "person", s.person.Selected, joinNonEmpty(" · ", first.Name, first.Position))
	sp, _ := c.Specialist(first.PlanID)
	checkLabel(t, "up to", s.spec.total.note.Text, u.T("Up to %s", "2026-03"))
	if len(s.spec.anomalies.rows.Objects) != len(sp.Anomalies) {
		t.Errorf("%d anomaly rows, want %d", len(s.spec.anomalies.rows.Objects), len(sp.Anomalies))
	}
	for i, a := range sp.Anomalies {
		row := s.spec.anomalies.rows.Objects[i].(*fyne.Container)
		checkLabel(t, "anomaly", row.Objects[0].(*widget.Label).Text, u.tr.Msg(a.Msg))
	}
}

func TestDashboardWithoutPlans(t *testing.T) {
	u, s, _ := dashboardTestUI(t, "en", 0)
	if s.body.Objects[0] == s.director.root {
		t.Error("the director's view shows without plans")
	}
	checkLabel(t, "message", s.message.Text, u.T("There are no active plans yet. Create a plan, or open the sample company from the Plans screen."))
}

// goldenCompany is three plans of the plan screen's fixture, with people
// and actuals of their own, for renders that must not follow the demo data.
func goldenCompany() []*app.Plan {
	people := []app.Person{
		{Name: "Nguyễn Thị Lan", Department: "Marketing", Position: "Trưởng nhóm", BaseBonus: 10_000_000, Currency: "VND"},
		{Name: "Trần Văn Minh", Department: "Marketing", Position: "Chuyên viên", BaseBonus: 8_000_000, Currency: "VND"},
		{Name: "Lê Thu Hà", Department: "Kinh doanh", Position: "Chuyên viên", BaseBonus: 9_000_000, Currency: "VND"},
	}
	var out []*app.Plan
	for i, who := range people {
		p := planWithActuals()
		p.Person = who
		for j := range p.KPIs {
			for k := range p.KPIs[j].Actuals {
				p.KPIs[j].Actuals[k].Value *= 1 - 0.15*float64(i) // each person a little behind the one before
			}
		}
		out = append(out, p)
	}
	return out
}

// TestDashboardGolden keeps renders of the director's cards and a
// specialist's KPI table (not the charts, which charts/ tests).
func TestDashboardGolden(t *testing.T) {
	_, s, _ := dashboardTestUIWith(t, "vi", goldenCompany())
	w := test.NewWindow(s.director.cards.root)
	w.Resize(fyne.NewSize(960, 150))
	test.AssertImageMatches(t, "dashboard_cards_vi.png", w.Canvas().Capture())
	w.Close()
	s.reader.SetSelectedIndex(readerSpecialist)
	w = test.NewWindow(s.spec.kpis.view())
	defer w.Close()
	w.Resize(fyne.NewSize(960, s.spec.kpis.view().MinSize().Height))
	test.AssertImageMatches(t, "dashboard_kpis_vi.png", w.Canvas().Capture())
}

// TestDashboardScreenshots writes each reader's view at 1200×760 in both
// languages to $DASHBOARD_SHOTS for a person to look at.
func TestDashboardScreenshots(t *testing.T) {
	dir := os.Getenv("DASHBOARD_SHOTS")
	if dir == "" {
		t.Skip("set DASHBOARD_SHOTS to a directory to write the dashboards' screenshots")
	}
	for _, lang := range []string{"vi", "en"} {
		u, s, _ := dashboardTestUI(t, lang, 40)
		for i, name := range []string{"director", "head", "specialist"} {
			s.reader.SetSelectedIndex(i)
			relayout(u, fyne.NewSize(1200, 760))
			writePNG(t, filepath.Join(dir, "dashboard_"+lang+"_"+name+".png"), u.win)
		}
		relayout(u, fyne.NewSize(1200, 2200)) // the specialist's whole page, trends included
		writePNG(t, filepath.Join(dir, "dashboard_"+lang+"_specialist_tall.png"), u.win)
		min := u.win.Content().MinSize()
		t.Logf("%s minimum size %v", lang, min)
		relayout(u, min)
		writePNG(t, filepath.Join(dir, "dashboard_"+lang+"_specialist_min.png"), u.win)
		u.applyTheme(themeLight)
		u.openDashboards()
		relayout(u, fyne.NewSize(1200, 760))
		writePNG(t, filepath.Join(dir, "dashboard_"+lang+"_director_light.png"), u.win)
	}
}
