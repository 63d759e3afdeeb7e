package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
	"kpiplanner/storage/fileio"
)

// managerReturns opens the packet at in in a new manager workspace, sets
// the targets of KPIs of the plan of person (by KPI id), and writes the
// return packet to out.
func managerReturns(t *testing.T, in, out, person string, targets map[string]float64) {
	t.Helper()
	store, err := storage.Open(filepath.Join(t.TempDir(), "manager.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ws := workspace.New(store)
	p, err := workspace.ReadPacket(fileio.Files{}, in, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ws.OpenPacket(p); err != nil {
		t.Fatal(err)
	}
	setTargets(t, ws, person, targets)
	if _, err := ws.ReturnPacket(fileio.Files{}, out, workspace.PacketOptions{}); err != nil {
		t.Fatal(err)
	}
}

// setTargets changes the targets of the plan of person in ws.
func setTargets(t *testing.T, ws *workspace.Workspace, person string, targets map[string]float64) {
	t.Helper()
	plans, err := ws.Store().Plans()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		if p.Person.Name != person {
			continue
		}
		for i := range p.KPIs {
			if v, ok := targets[p.KPIs[i].ID]; ok {
				p.KPIs[i].Target = v
			}
		}
		if err := ws.Change(p, ""); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no plan of %s", person)
}

// targetsOf returns the targets of the plan of person, by KPI id.
func targetsOf(t *testing.T, s app.Store, person string) map[string]float64 {
	t.Helper()
	plans, err := s.Plans()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		if p.Person.Name == person {
			out := map[string]float64{}
			for _, k := range p.KPIs {
				out[k.ID] = k.Target
			}
			return out
		}
	}
	t.Fatalf("no plan of %s", person)
	return nil
}

// Two returned packets, each with a clean change and a conflict: the
// preview lists them before anything is saved; HR takes theirs for An's
// conflict and keeps ours for the whole NS packet; Apply lands exactly that.
func TestCollectTwoPacketsWithAConflict(t *testing.T) {
	sent, returns := t.TempDir(), t.TempDir()
	d := &packetDialogs{folder: returns}
	u := packetUI(t, "en", filepath.Join(t.TempDir(), "hr.db"), d)
	hrCompany(t, u)
	for _, w := range sendAll(t, u, sent) {
		switch w.For.Unit {
		case "KD": // An's k1 and k2: 6000 and 60 in the packet
			managerReturns(t, w.Path, filepath.Join(returns, "1-kd.kpip"), "Hồ Thị An", map[string]float64{"k1": 7000, "k2": 70})
		case "NS": // Giang's k1 and k3: 6000 and 4 in the packet
			managerReturns(t, w.Path, filepath.Join(returns, "2-ns.kpip"), "Lê Thu Giang", map[string]float64{"k1": 8000, "k3": 5})
		}
	}
	// Meanwhile HR changed both k1 targets: two conflicts.
	setTargets(t, u.ws, "Hồ Thị An", map[string]float64{"k1": 6500})
	setTargets(t, u.ws, "Lê Thu Giang", map[string]float64{"k1": 5000})
	u.openHome()

	tapButton(t, u, "Packets…")
	tapButton(t, u, "Collect packets…")
	tapButton(t, u, "A folder…")
	p, ok := u.cur.(*mergePreview)
	if !ok {
		t.Fatalf("the screen is %T, want the merge preview; %s", u.cur, overlayText(u))
	}
	checkFits(t, u, "collect preview")
	// Nothing saved yet.
	if got := targetsOf(t, u.ws.Store(), "Hồ Thị An"); got["k1"] != 6500 || got["k2"] != 60 {
		t.Fatalf("the preview saved something: %v", got)
	}
	if !strings.Contains(p.summary.Text, "2 changes that merge cleanly, 2 conflicts (2 without a choice)") {
		t.Fatalf("summary: %q", p.summary.Text)
	}
	rows := previewRows(p)
	texts := strings.Join(rows.texts, "\n")
	for _, want := range []string{"Khách hàng mới: Target | was 60 | now 70", "Doanh thu mới: Target (both started from 6,000) | ours: 6,500 | theirs: 7,000",
		"Doanh thu mới: Target (both started from 6,000) | ours: 5,000 | theirs: 8,000", "Tỷ lệ chuyển đổi: Target | was 4 | now 5"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the preview does not show %q:\n%s", want, texts)
		}
	}
	tapButton(t, u, "Apply") // refused: conflicts left
	if !strings.Contains(overlayText(u), "2 conflicts have no choice yet") {
		t.Fatalf("Apply with conflicts left: %q", overlayText(u))
	}
	u.win.Canvas().Overlays().Top().Hide()
	for _, r := range rows.conflicts {
		if strings.Contains(r.line.plan.Name, "Hồ Thị An") {
			r.choice.SetSelected("Take theirs")
		}
	}
	for _, r := range rows.packets {
		if r.line.packet == 1 {
			test.Tap(r.ours) // keep ours for the whole NS packet
		}
	}
	if !strings.Contains(p.summary.Text, "(0 without a choice)") {
		t.Fatalf("summary after the choices: %q", p.summary.Text)
	}
	tapButton(t, u, "Apply")
	if !strings.Contains(overlayText(u), "2 plans changed") {
		t.Fatalf("after Apply: %q", overlayText(u))
	}
	checkTargets(t, u.ws.Store(), "Hồ Thị An", map[string]float64{"k1": 7000, "k2": 70, "k3": 4, "k4": 2})    // theirs, clean
	checkTargets(t, u.ws.Store(), "Lê Thu Giang", map[string]float64{"k1": 5000, "k2": 60, "k3": 5, "k4": 2}) // ours, clean
	checkTargets(t, u.ws.Store(), "Đặng Quốc Dũng", map[string]float64{"k1": 6000, "k2": 60, "k3": 4, "k4": 2})
	// An's history names the packet for both fields taken from it.
	var an app.UID
	for _, r := range rows.conflicts {
		if strings.Contains(r.line.plan.Name, "Hồ Thị An") {
			an = r.line.plan.UID
		}
	}
	hist, err := u.ws.Store().History(an)
	if err != nil {
		t.Fatal(err)
	}
	fromPacket := map[string]string{}
	for _, e := range hist {
		if strings.Contains(e.Source, "1-kd.kpip") {
			fromPacket[e.Path] = e.New
		}
	}
	if fromPacket["kpis[k1].target"] != "7000" || fromPacket["kpis[k2].target"] != "70" || len(fromPacket) != 2 {
		t.Errorf("history entries naming the packet: %v", fromPacket)
	}
}

func checkTargets(t *testing.T, s app.Store, person string, want map[string]float64) {
	t.Helper()
	got := targetsOf(t, s, person)
	for id, v := range want {
		if got[id] != v {
			t.Errorf("%s: %s target %v, want %v", person, id, got[id], v)
		}
	}
}

// shownRows are the preview's rows on screen.
type shownRows struct {
	texts     []string // each row's columns joined by " | "
	conflicts []*mergeRow
	packets   []*mergeRow
}

func previewRows(p *mergePreview) shownRows {
	var out shownRows
	for _, o := range test.LaidOutObjects(p.list) {
		r, ok := o.(*mergeRow)
		if !ok || !r.Visible() {
			continue
		}
		var cols []string
		for _, c := range r.cells {
			if c.Visible() && c.Text != "" {
				cols = append(cols, c.Text)
			}
		}
		out.texts = append(out.texts, strings.Join(cols, " | "))
		switch r.line.kind {
		case lineConflict:
			out.conflicts = append(out.conflicts, r)
		case linePacket:
			out.packets = append(out.packets, r)
		}
	}
	return out
}
