package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

func openOrgScreen(t *testing.T, u *UI) *orgScreen {
	t.Helper()
	u.openOrg()
	o, ok := u.cur.(*orgScreen)
	if !ok {
		t.Fatalf("openOrg showed %T", u.cur)
	}
	return o
}

func unitByCode(t *testing.T, u *UI, code string) *app.OrgUnit {
	t.Helper()
	units, err := u.ws.Units()
	if err != nil {
		t.Fatal(err)
	}
	for i := range units {
		if units[i].Code == code {
			return &units[i]
		}
	}
	t.Fatalf("no unit %s stored", code)
	return nil
}

func TestOrgTreeShowsUnitsHeadsAndHeadcounts(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, people := seedOrg(t, u)
	kd := units["KD"]
	kd.Head = people["NV0001"].UID
	if err := u.ws.SaveUnit(kd); err != nil {
		t.Fatal(err)
	}
	o := openOrgScreen(t, u)
	if got := o.childUIDs(""); !slices.Equal(got, []string{string(units["CTY"].UID)}) {
		t.Fatalf("top level %v, want the company only", got)
	}
	// Kinh doanh before Nhân sự
	if got := o.childUIDs(string(units["CTY"].UID)); !slices.Equal(got, []string{string(kd.UID), string(units["NS"].UID)}) {
		t.Errorf("under the company %v", got)
	}
	// NV0001 in KD; NV0002 and NV0004 in its team
	if got, want := o.nodeText(kd.UID), "Kinh doanh (KD) · Huỳnh Văn Bình · 3 người"; got != want {
		t.Errorf("node %q, want %q", got, want)
	}
	o.tree.Select(string(kd.UID))
	if !strings.Contains(o.detail.Text, "1 người trực tiếp, 3 người tính cả") {
		t.Errorf("detail %q", o.detail.Text)
	}
}

func TestOrgMoveAUnitOnlyOutsideItsOwnSubtree(t *testing.T) {
	u, _ := testUI(t, "en")
	units, _ := seedOrg(t, u)
	o := openOrgScreen(t, u)
	o.tree.Select(string(units["KD"].UID))
	test.Tap(o.actions[1]) // Move…
	d := o.dialog
	if d == nil || d.parent == nil {
		t.Fatal("Move asked nothing")
	}
	if slices.Contains(d.parent.uids, units["KD"].UID) || slices.Contains(d.parent.uids, units["KD-MN"].UID) {
		t.Errorf("Move offers KD or its own team as the new parent: %v", d.parent.sel.Options)
	}
	if d.parent.value() != units["CTY"].UID {
		t.Errorf("Move starts from %q, want the present parent", d.parent.value())
	}
	d.parent.set(units["NS"].UID)
	d.dlg.Confirm()
	if got := unitByCode(t, u, "KD").Parent; got != units["NS"].UID {
		t.Errorf("KD's parent %q, want NS", got)
	}
	if !slices.Contains(o.childUIDs(string(units["NS"].UID)), string(units["KD"].UID)) {
		t.Error("the tree does not show KD under NS")
	}
}

func TestOrgRefusalShownInTheDialog(t *testing.T) {
	u, _ := testUI(t, "en")
	units, _ := seedOrg(t, u)
	o := openOrgScreen(t, u)
	o.tree.Select(string(units["NS"].UID))
	test.Tap(o.actions[0]) // Rename…
	d := o.dialog
	d.code.SetText("KD")
	d.dlg.Confirm()
	if o.dialog == nil || !d.problem.Visible() || !strings.Contains(d.problem.Text, "unit code KD is already used") {
		t.Errorf("problem %q shown %v", d.problem.Text, d.problem.Visible())
	}
	d.code.SetText("HR")
	d.name.SetText("Nhân sự & Hành chính")
	d.dlg.Confirm()
	if got := unitByCode(t, u, "HR"); got.UID != units["NS"].UID || got.Name != "Nhân sự & Hành chính" {
		t.Errorf("renamed unit %+v", got)
	}
}

func TestOrgAddUnitUnderTheSelectedAndSetHead(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, people := seedOrg(t, u)
	o := openOrgScreen(t, u)
	o.tree.Select(string(units["KD"].UID))
	test.Tap(o.actionAdd)
	d := o.dialog
	if d.parent.value() != units["KD"].UID {
		t.Errorf("a new unit goes under %q, want the selected KD", d.parent.value())
	}
	d.code.SetText("KD-MB")
	d.name.SetText("Kinh doanh miền Bắc")
	d.dlg.Confirm()
	mb := unitByCode(t, u, "KD-MB")
	if mb.Parent != units["KD"].UID {
		t.Errorf("KD-MB parent %q", mb.Parent)
	}
	if o.sel != mb.UID {
		t.Errorf("the new unit is not selected")
	}
	test.Tap(o.actions[2]) // Set head…
	o.dialog.head.entry.SetText("dang quoc")
	o.dialog.dlg.Confirm()
	if got := unitByCode(t, u, "KD-MB").Head; got != people["NV0004"].UID {
		t.Errorf("head %q, want Đặng Quốc Dũng", got)
	}
}

func TestPeriodCloseAndReopenWithAReason(t *testing.T) {
	u, _ := testUI(t, "en")
	units, _ := seedOrg(t, u)
	o := openOrgScreen(t, u)
	p := o.periods
	if p.month.Text != "2026-02" {
		t.Errorf("month offered %q, want the one before today (2026-03-15)", p.month.Text)
	}
	test.Tap(p.close)
	p.month.SetText("2026-01")
	p.scope.set(units["KD"].UID)
	test.Tap(p.close)
	closes, err := u.ws.Store().PeriodCloses()
	if err != nil {
		t.Fatal(err)
	}
	if len(closes) != 2 || closes[0].Month != "2026-02" || closes[0].Unit != "" || !closes[0].Closed ||
		closes[1].Month != "2026-01" || closes[1].Unit != units["KD"].UID {
		t.Fatalf("closes %+v", closes)
	}
	if !strings.HasPrefix(p.records.Text, "2026-01 closed for Kinh doanh on 2026-") {
		t.Errorf("records %q", p.records.Text)
	}
	test.Tap(p.reopen)
	typeReason(t, u, "late invoices from the southern branch")
	closes, _ = u.ws.Store().PeriodCloses()
	if len(closes) != 3 || closes[2].Closed || closes[2].Reason != "late invoices from the southern branch" {
		t.Fatalf("after reopen %+v", closes)
	}
	if !strings.Contains(p.records.Text, "reopened for Kinh doanh") || !strings.Contains(p.records.Text, "late invoices") {
		t.Errorf("records %q", p.records.Text)
	}
}

// typeReason writes reason into the reason dialog on top and presses OK.
func typeReason(t *testing.T, u *UI, reason string) {
	t.Helper()
	typeInDialog(t, u, reason, u.T("OK"))
}

// typeInDialog writes text into the multi-line entry of the dialog on top
// (whose button is disabled while it is empty) and presses button.
func typeInDialog(t *testing.T, u *UI, text, button string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no reason was asked for")
	}
	var entry *widget.Entry
	var ok *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Entry:
			if w.MultiLine {
				entry = w
			}
		case *widget.Button:
			if w.Text == button {
				ok = w
			}
		}
	}
	if entry == nil || ok == nil {
		t.Fatalf("the dialog on top has no text entry or %s: %s", button, overlayText(u))
	}
	if entry.Validator != nil && !ok.Disabled() {
		t.Errorf("%s is enabled before a reason is written", button)
	}
	test.Type(entry, text)
	test.Tap(ok)
}

func TestOrgApproveTheSubmittedPlansOfAUnit(t *testing.T) {
	u, store := testUI(t, "en")
	units, people := seedOrg(t, u)
	plans := map[string]*app.Plan{}
	for _, x := range []struct {
		code   string
		status app.Status
	}{{"NV0001", app.Submitted}, {"NV0002", app.Submitted}, {"NV0003", app.Submitted}, {"NV0004", app.Draft}} {
		p := submittedFixture()
		p.Name, p.Status, p.PersonUID = "Plan of "+x.code, x.status, people[x.code].UID
		if err := u.ws.Save(p); err != nil {
			t.Fatal(err)
		}
		plans[x.code] = p
	}
	o := openOrgScreen(t, u)
	o.tree.Select(string(units["KD"].UID))
	test.Tap(o.approveBtn)
	if msg := overlayText(u); !strings.Contains(msg, "Approve the 2 submitted plans of Kinh doanh") {
		t.Fatalf("asked %q", msg)
	}
	tapButton(t, u, "Yes")
	// NV0001 in KD and NV0002 in its team; NV0003 is in NS, NV0004's plan a draft
	for code, want := range map[string]app.Status{"NV0001": app.Approved, "NV0002": app.Approved, "NV0003": app.Submitted, "NV0004": app.Draft} {
		if got := storedPlan(t, store, plans[code].ID).Status; got != want {
			t.Errorf("plan of %s is %s, want %s", code, got, want)
		}
	}
	if !strings.Contains(u.status.Text, "Approved 2 plans; 0 skipped") {
		t.Errorf("status line %q", u.status.Text)
	}
}
