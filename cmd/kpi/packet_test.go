package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
)

// withWorkspace opens db, runs fn on a workspace over it, and closes it
// again (the kpi commands open the file themselves).
func withWorkspace(t *testing.T, db string, fn func(ws *workspace.Workspace)) {
	t.Helper()
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ws := workspace.New(s)
	ws.Source = "screen"
	fn(ws)
}

// testPlan is a valid plan of person e: three KPIs (k1 in group A, k2 in
// B, k3 in C), target 100, weight 1, monthly from January to June 2026.
func testPlan(e app.Employee, status app.Status) *app.Plan {
	p := app.NewPlan()
	p.Name, p.PersonUID, p.Status = "Plan "+e.Name, e.UID, status
	p.Person = app.Person{Name: e.Name, BaseBonus: 1000, Currency: "VND"}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 6, 30), Frequency: app.Monthly}
	p.Goal.Text = "Grow"
	for i, g := range app.Groups {
		k := app.CustomKPI("k"+string(rune('1'+i)), "KPI "+string(g))
		k.Target, k.Group = 100, g
		p.KPIs = append(p.KPIs, k)
	}
	return p
}

// hrCompany makes HR's workspace: units CTY (head H), SALES (head M1:
// people A1, A2), OPS (head M2: person B1); plans for A1 (draft), A2
// (submitted) and B1 (draft). It returns the plans by person code.
func hrCompany(t *testing.T, db string) map[string]*app.Plan {
	t.Helper()
	plans := map[string]*app.Plan{}
	withWorkspace(t, db, func(ws *workspace.Workspace) {
		must(t, ws.SetIdentity("HR Hoa", "hr-laptop"))
		cty, sales, ops := &app.OrgUnit{Code: "CTY", Name: "Company"}, &app.OrgUnit{Code: "SALES", Name: "Sales"}, &app.OrgUnit{Code: "OPS", Name: "Operations"}
		must(t, ws.SaveUnits([]*app.OrgUnit{cty}))
		sales.Parent, ops.Parent = cty.UID, cty.UID
		must(t, ws.SaveUnits([]*app.OrgUnit{sales, ops}))
		people := []*app.Employee{{Code: "H", Name: "Hoa", Unit: cty.UID}, {Code: "M1", Name: "Minh", Unit: sales.UID},
			{Code: "A1", Name: "An", Unit: sales.UID}, {Code: "A2", Name: "Anh", Unit: sales.UID},
			{Code: "M2", Name: "Mai", Unit: ops.UID}, {Code: "B1", Name: "Binh", Unit: ops.UID}}
		if _, err := ws.SavePeople(people); err != nil {
			t.Fatal(err)
		}
		cty.Head, sales.Head, ops.Head = people[0].UID, people[1].UID, people[4].UID
		must(t, ws.SaveUnits([]*app.OrgUnit{cty, sales, ops}))
		for _, x := range []struct {
			e      *app.Employee
			status app.Status
		}{{people[2], app.Draft}, {people[3], app.Submitted}, {people[5], app.Draft}, {people[1], app.Draft}} {
			p := testPlan(*x.e, x.status)
			must(t, p.Validate())
			must(t, ws.Save(p))
			plans[x.e.Code] = p
		}
	})
	return plans
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// planOf returns the plan of uid in ws.
func planOf(t *testing.T, ws *workspace.Workspace, uid app.UID) *app.Plan {
	t.Helper()
	plans, err := ws.Store().Plans()
	must(t, err)
	for _, p := range plans {
		if p.UID == uid {
			return p
		}
	}
	t.Fatalf("no plan %s", uid)
	return nil
}

// TestPacketThreeLaptops is the whole flow on real files: HR sends a packet
// to each unit head; each manager opens it and edits; HR meanwhile edits
// one of the same fields (a conflict), approves a submitted plan (its
// targets are then refused) and closes February (its actuals are refused);
// the managers return their packets; HR's merge lists the conflict and
// saves nothing (exit 3), then with --take theirs saves everything allowed
// in one go, with history naming packet, maker and device; merging again
// changes nothing.
func TestPacketThreeLaptops(t *testing.T) {
	dir := t.TempDir()
	hr, m1, m2 := filepath.Join(dir, "hr.db"), filepath.Join(dir, "m1.db"), filepath.Join(dir, "m2.db")
	out := filepath.Join(dir, "share")
	must(t, os.Mkdir(out, 0o700))
	plans := hrCompany(t, hr)
	a1, a2, b1, own := plans["A1"], plans["A2"], plans["B1"], plans["M1"]

	got := mustKPI(t, "packet", "export", "--unit", "SALES,OPS", "--out", out, "--db", hr)
	if !strings.Contains(got, "SALES-M1.kpip: 2 plan(s) for Minh") || !strings.Contains(got, "OPS-M2.kpip: 1 plan(s) for Mai") {
		t.Fatalf("export printed:\n%s", got) // SALES: A1 and A2, the head M1's own plan left out
	}
	mustKPI(t, "whoami", "--set-user", "Minh", "--set-device", "m1-laptop", "--db", m1)
	mustKPI(t, "whoami", "--set-user", "Mai", "--set-device", "m2-laptop", "--db", m2)
	if got := mustKPI(t, "packet", "open", filepath.Join(out, "SALES-M1.kpip"), "--db", m1); !strings.Contains(got, "2 plan(s) added, 0 updated") {
		t.Fatalf("open printed:\n%s", got)
	}
	mustKPI(t, "packet", "open", filepath.Join(out, "OPS-M2.kpip"), "--db", m2)

	// The managers edit on their laptops.
	withWorkspace(t, m1, func(ws *workspace.Workspace) {
		bases, err := ws.PacketBases()
		must(t, err)
		if b := bases[a1.UID]; b.From != "HR Hoa" || b.Device != "hr-laptop" || b.Base == nil {
			t.Errorf("A1's plan is not marked as from HR: %+v", b)
		}
		p := planOf(t, ws, a1.UID)
		p.KPI("k1").Target = 120
		must(t, ws.Save(p))
		must(t, ws.SetActual(p, "k1", app.Actual{Period: 2, Value: 30, Comment: "March"})) // 2026-03: open
		must(t, ws.SetActual(p, "k2", app.Actual{Period: 1, Value: 7}))                    // 2026-02: HR closes it meanwhile
		q := planOf(t, ws, a2.UID)
		q.KPI("k3").Target = 150 // submitted here; HR approves it meanwhile
		q.KPI("k3").Note = "stretch"
		must(t, ws.Save(q))
	})
	withWorkspace(t, m2, func(ws *workspace.Workspace) {
		p := planOf(t, ws, b1.UID)
		p.KPI("k2").Weight = 2
		p.KPI("k1").Name = "Revenue"
		must(t, ws.Save(p))
	})
	// HR, meanwhile.
	var a2Rev uint64
	withWorkspace(t, hr, func(ws *workspace.Workspace) {
		p := planOf(t, ws, b1.UID)
		p.KPI("k2").Weight = 3
		must(t, ws.Save(p))
		q, err := ws.Transition(planOf(t, ws, a2.UID).ID, app.Approve, "")
		must(t, err)
		a2Rev = q.Revision
		must(t, ws.ClosePeriod("", "2026-02"))
	})

	r1, r2 := filepath.Join(out, "from-m1.kpip"), filepath.Join(out, "from-m2.kpip")
	mustKPI(t, "packet", "return", "--out", r1, "--db", m1)
	mustKPI(t, "packet", "return", "--out", r2, "--db", m2)

	before := snapshot(t, hr)
	code, stdout, stderr := kpi(t, "packet", "merge", r1, r2, "--db", hr)
	if code != exitConflicts || !strings.Contains(stderr, "1 conflict(s) have no side: nothing was saved") {
		t.Fatalf("merge with a conflict: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`change   kpis[k1].target: "100" to "120"`,
		`change   kpis[k1].actuals[2026-03].value: "" to "30"`,
		`change   kpis[k1].actuals[2026-03].comment: "" to "March"`,
		`refused  kpis[k2].actuals[2026-02].value: "" to "7": period 2026-02 is closed`,
		`refused  kpis[k3].target: "100" to "150": the plan is approved here: its terms cannot change`,
		`change   kpis[k3].note: "" to "stretch"`,
		`CONFLICT kpis[k2].weight: base "1", ours "3", theirs "2"`,
		`change   kpis[k1].name: "KPI A" to "Revenue"`,
		"0 plan(s) to create, 5 change(s), 1 conflict(s), 2 refused",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("merge plan lacks %q:\n%s", want, stdout)
		}
	}
	if after := snapshot(t, hr); after != before {
		t.Fatalf("a merge with unresolved conflicts changed the database")
	}

	got = mustKPI(t, "packet", "merge", r1, r2, "--take", "theirs", "--db", hr)
	if !strings.Contains(got, "merged: 0 plan(s) created, 3 changed (6 field(s))") {
		t.Fatalf("merge --take theirs printed:\n%s", got)
	}
	withWorkspace(t, hr, func(ws *workspace.Workspace) {
		p := planOf(t, ws, a1.UID)
		if k := p.KPI("k1"); k.Target != 120 || len(k.Actuals) != 1 || k.Actuals[0] != (app.Actual{Period: 2, Value: 30, Comment: "March"}) {
			t.Errorf("A1 k1 = target %v, actuals %+v; want 120 and March 30", k.Target, k.Actuals)
		}
		if k := p.KPI("k2"); len(k.Actuals) != 0 {
			t.Errorf("A1 k2 got the refused February actual: %+v", k.Actuals)
		}
		if p.Revision != 5 { // the later of HR's 1 and Minh's 4 (opened at 1, saved 3 times), plus the merge
			t.Errorf("A1 revision = %d, want 5", p.Revision)
		}
		q := planOf(t, ws, a2.UID)
		if k := q.KPI("k3"); k.Target != 100 || k.Note != "stretch" || q.Status != app.Approved || q.Revision != a2Rev+1 {
			t.Errorf("A2 k3 = target %v note %q status %s rev %d; want 100, stretch, approved, %d", k.Target, k.Note, q.Status, q.Revision, a2Rev+1)
		}
		b := planOf(t, ws, b1.UID)
		if b.KPI("k2").Weight != 2 || b.KPI("k1").Name != "Revenue" {
			t.Errorf("B1 = weight %v name %q; want 2 (theirs) and Revenue", b.KPI("k2").Weight, b.KPI("k1").Name)
		}
		if o := planOf(t, ws, own.UID); o.Revision != 1 {
			t.Errorf("M1's own plan, in no packet, changed: revision %d", o.Revision)
		}
		h, err := ws.History(p.ID)
		must(t, err)
		var merged []app.HistoryEntry
		for _, e := range h {
			if strings.HasPrefix(e.Source, "packet") {
				merged = append(merged, e)
			}
		}
		want := []app.HistoryEntry{
			{Path: "kpis[k1].target", Old: "100", New: "120"},
			{Path: "kpis[k1].actuals[2026-03].value", New: "30"},
			{Path: "kpis[k1].actuals[2026-03].comment", New: "March"},
		}
		if len(merged) != len(want) {
			t.Fatalf("A1's merge history = %+v, want %d entries", merged, len(want))
		}
		for i, w := range want {
			e := merged[i]
			if e.Path != w.Path || e.Old != w.Old || e.New != w.New || e.User != "Minh" || e.Device != "m1-laptop" ||
				e.Source != "packet from-m1.kpip" || e.Reason != "merged by HR Hoa on hr-laptop" {
				t.Errorf("history %d = %+v, want %s %q to %q by Minh on m1-laptop from packet from-m1.kpip", i, e, w.Path, w.Old, w.New)
			}
		}
	})

	// The same packets again: nothing changes.
	mid := snapshot(t, hr)
	got = mustKPI(t, "packet", "merge", r1, r2, "--db", hr)
	if !strings.Contains(got, "merged before: nothing to do") || !strings.Contains(got, "merged: 0 plan(s) created, 0 changed") {
		t.Errorf("second merge printed:\n%s", got)
	}
	if snapshot(t, hr) != mid {
		t.Errorf("merging the same packets again changed the database")
	}
}

// snapshot is the HR database's plans and histories as text, to tell
// whether anything changed.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	withWorkspace(t, db, func(ws *workspace.Workspace) {
		plans, err := ws.Store().Plans()
		must(t, err)
		for _, p := range plans {
			b.WriteString(string(p.UID) + " rev " + strconv.FormatUint(p.Revision, 10) + "\n")
			for _, e := range app.Diff(nil, p) {
				b.WriteString(e.Path + "=" + e.New + "\n")
			}
			h, err := ws.History(p.ID)
			must(t, err)
			b.WriteString("history " + strconv.Itoa(len(h)) + "\n")
		}
	})
	return b.String()
}

// TestPacketBadFilesChangeNothing: a truncated, tampered, newer, foreign
// or renamed file, or a wrong password, is refused by open and merge with
// a clear message, exit 1, and no change to the database; an encrypted
// packet opens with --password-file or the prompt.
func TestPacketBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	hr, m1 := filepath.Join(dir, "hr.db"), filepath.Join(dir, "m1.db")
	hrCompany(t, hr)
	pass := writeFile(t, "pass.txt", "s3cret\n")
	mustKPI(t, "packet", "export", "--people", "A1", "--out", dir, "--password-file", pass, "--db", hr)
	sealed, err := os.ReadFile(filepath.Join(dir, "A1.kpip"))
	must(t, err)
	mustKPI(t, "packet", "export", "--people", "B1", "--out", dir, "--db", hr)
	plain, err := os.ReadFile(filepath.Join(dir, "B1.kpip"))
	must(t, err)
	doc := mustKPI(t, "export-json", "--db", hr)
	bad := map[string]struct{ data, msg string }{
		"truncated.kpip": {string(plain[:len(plain)/3]), "the packet is cut short"},
		"tampered.kpip":  {strings.Replace(string(plain), `"Binh"`, `"Bình"`, 1), "the packet was changed after it was written (its SHA-256 does not match)"},
		"newer.kpip":     {strings.Replace(string(plain), "kpiplanner/packet@1", "kpiplanner/packet@7", 1), "this packet was made by a newer KPI Planner"},
		"notes.kpip":     {"just some notes\n", "this file is not a KPI Planner packet"},
		"plans.kpip":     {doc, "this is a plan document (kpiplanner/plan@3), not a packet"},
	}
	wrong := writeFile(t, "wrong.txt", "guess\n")
	for _, db := range []string{hr, m1} {
		withWorkspace(t, db, func(*workspace.Workspace) {}) // creates the manager's empty database
		before := snapshot(t, db)
		for name, b := range bad {
			path := filepath.Join(dir, name)
			must(t, os.WriteFile(path, []byte(b.data), 0o600))
			for _, cmd := range []string{"open", "merge"} {
				code, _, stderr := kpi(t, "packet", cmd, path, "--db", db)
				if code != exitUser || !strings.Contains(stderr, name+": "+b.msg) {
					t.Errorf("packet %s %s: exit %d, %s", cmd, name, code, stderr)
				}
			}
		}
		code, _, stderr := kpi(t, "packet", "open", filepath.Join(dir, "A1.kpip"), "--password-file", wrong, "--db", db)
		if code != exitUser || !strings.Contains(stderr, "wrong password: the packet cannot be opened with it") {
			t.Errorf("wrong password: exit %d, %s", code, stderr)
		}
		if snapshot(t, db) != before {
			t.Errorf("a refused packet changed %s", db)
		}
	}
	if strings.Contains(string(sealed), "An") && strings.Contains(string(sealed), "Plan An") {
		t.Error("the encrypted packet shows its plan's name")
	}
	mustKPI(t, "packet", "open", filepath.Join(dir, "A1.kpip"), "--password-file", pass, "--db", m1)
	stdin = strings.NewReader("s3cret\n")
	defer func() { stdin = os.Stdin }()
	m2 := filepath.Join(dir, "m2.db")
	if got := mustKPI(t, "packet", "open", filepath.Join(dir, "A1.kpip"), "--db", m2); !strings.Contains(got, "1 plan(s) added") {
		t.Errorf("open with the password typed at the prompt: %s", got)
	}
}
