package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

func TestWizardStepValidation(t *testing.T) {
	cases := map[string]struct {
		lang, name, end string
		wantName        string // the error under the name ("" none)
		wantEnd         string
	}{
		"vi empty name": {"vi", "", "30/06/2026", "Họ tên nhân viên: không được để trống", ""},
		"en empty name": {"en", "", "2026-06-30", "Employee name: is required", ""},
		"vi bad date":   {"vi", "Lan", "31/02/2026", "", `"31/02/2026" không phải là ngày có thật trên lịch`},
		"en end before": {"en", "Lan", "2026-03-01", "", "Cycle end: must not be before the start (2026-04-01)"},
		"en slash date": {"en", "Lan", "30/06/2026", "", `"30/06/2026" is not a date: write it as year-month-day, e.g. 2026-11-23`},
	}
	for name, c := range cases {
		u, _ := wizTestUI(t, c.lang)
		w := openWizard(t, u)
		g := step[*goalStep](t, w)
		retype(u, entryOf(g.name), c.name)
		retype(u, entryOf(g.end), c.end)
		test.Tap(w.next)
		if w.d.Step() != wizard.Goal || w.message.Text == "" {
			t.Errorf("%s: Next moved to %s (message %q)", name, w.d.Step(), w.message.Text)
		}
		for _, f := range []struct {
			fl   *wizField
			want string
		}{{g.name, c.wantName}, {g.end, c.wantEnd}} {
			if got := f.fl.err.Text; got != f.want {
				t.Errorf("%s: %s error %q, want %q", name, f.fl.key, got, f.want)
			}
		}
		if dept := fieldOf(t, g.form, "person.department"); dept.err.Text == "" {
			t.Errorf("%s: no error under the empty department", name)
		}
	}
}

func TestWizardGoalHintIsLive(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	w := openWizard(t, u)
	g := step[*goalStep](t, w)
	test.Type(g.goalText, "Tăng doanh thu")
	if !g.hints.Visible() || !strings.Contains(g.hints.Text, "Thêm con số") || !strings.Contains(g.hints.Text, "Thêm thời hạn") {
		t.Errorf("hints for a goal with neither: %q", g.hints.Text)
	}
	test.Type(g.goalText, " 20%")
	if strings.Contains(g.hints.Text, "Thêm con số") || !strings.Contains(g.hints.Text, "Thêm thời hạn") {
		t.Errorf("hints once a number is typed: %q", g.hints.Text)
	}
	test.Type(g.goalText, " trong 6 tháng")
	if g.hints.Visible() {
		t.Errorf("hints for a complete goal: %q", g.hints.Text)
	}
}

func TestWizardGroupSumLabel(t *testing.T) {
	u, _ := wizTestUI(t, "en")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	test.Tap(w.next)
	test.Tap(w.next)
	fillTargets(t, u, w)
	test.Tap(w.next)
	g := step[*groupsStep](t, w)
	cases := []struct {
		a, b, c string
		want    string
		ok      bool
	}{
		{"50", "30", "20", "Total: 100 of 100, correct", true},
		{"60", "30", "20", "Total: 110 — the group weights must add up to 100", false},
		{"60", "25", "15", "Total: 100 of 100, correct", true},
		{"60", "25", "12.5", "Total: 97.5 — the group weights must add up to 100", false},
	}
	for _, c := range cases {
		retype(u, entryOf(g.weights[app.GroupA]), c.a)
		retype(u, entryOf(g.weights[app.GroupB]), c.b)
		retype(u, entryOf(g.weights[app.GroupC]), c.c)
		imp := widget.SuccessImportance
		if !c.ok {
			imp = widget.DangerImportance
		}
		if g.sum.Text != c.want || g.sum.Importance != imp {
			t.Errorf("%s/%s/%s: %q (importance %d), want %q", c.a, c.b, c.c, g.sum.Text, g.sum.Importance, c.want)
		}
	}
	test.Tap(w.next)
	// The live sum says the weights do not add up; the message bar does not say it again.
	if w.d.Step() != wizard.Groups || strings.Contains(w.message.Text, "100") || w.message.Text == "" {
		t.Errorf("Next with weights summing to 97.5 moved to %s: %q", w.d.Step(), w.message.Text)
	}
	// k1's share: group A 60 × 1 / 2 KPIs of weight 1 = 30 %.
	if got := g.shares["k1"].Text; got != "30.0%" {
		t.Errorf("share of k1 %q, want 30.0%%", got)
	}
}

// goldenDraft is a draft at the SMART step whose KPIs do not depend on the
// library's wording: two custom KPIs, one filled in, one not.
func goldenDraft(t *testing.T, u *UI) *wizard.Draft {
	d := wizard.New(u.lib, "vi", wizToday)
	d.Plan.Person.Name, d.Plan.Person.Department = "Nguyễn Thị Lan", "Marketing"
	d.Plan.Goal.Text = "Tăng doanh thu từ khách hàng mới 20% trong 6 tháng"
	d.SetGoalType("lead-generation")
	d.Plan.KPIs = nil
	a, _ := d.AddCustom("Doanh thu từ khách hàng mới")
	d.AddCustom("Số cuộc gọi")
	k := d.Plan.KPI(a)
	k.Unit, k.Baseline, k.Target, k.DataSource, k.Owner = app.Currency, app.Float(800), 1000, "accounting", "Lan"
	d.Place(a, app.High, app.High)
	for range 2 { // goal, KPIs
		if d.Next() != nil {
			t.Fatalf("golden draft stuck at %s", d.Step())
		}
	}
	if d.Step() != wizard.SMART {
		t.Fatalf("golden draft stuck at %s", d.Step())
	}
	return d
}

func TestWizardStep3Golden(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	w := &wizardScreen{u: u, d: goldenDraft(t, u)}
	win := test.NewWindow(w.view())
	defer win.Close()
	win.Resize(fyne.NewSize(1000, 640))
	test.AssertImageMatches(t, "wizard_step3_vi.png", win.Canvas().Capture())
}
