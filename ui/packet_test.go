package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
	"kpiplanner/storage/fileio"
	"kpiplanner/storage/xlsx"
)

// packetDialogs answers the file dialogs of the packet flows: the folder,
// the file to open and the file to save.
type packetDialogs struct{ folder, open, save string }

func (d *packetDialogs) Save(_ fyne.Window, _ FileRequest, done func(FileChoice, error)) {
	done(FileChoice{Path: d.save}, nil)
}

func (d *packetDialogs) Open(_ fyne.Window, _ FileRequest, done func(FileChoice, error)) {
	done(FileChoice{Path: d.open}, nil)
}

func (d *packetDialogs) Folder(_ fyne.Window, _ FileRequest, done func(FileChoice, error)) {
	done(FileChoice{Path: d.folder}, nil)
}

// packetUI opens a UI in lang over the database at path (created when
// missing), answering file dialogs with d.
func packetUI(t *testing.T, lang, path string, d *packetDialogs) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, store, lib, Options{Sync: true, Lang: lang, Today: testToday, OpenStore: openStore, Files: xlsx.Files{}, Dialogs: d})
	u.win.Resize(smallWindow)
	u.openHome()
	return u
}

// hrCompany fills the workspace of ws with seedOrg's units and people, the
// heads of KD (Bình) and NS (Châu), a person in NS, and a submitted plan
// for An and Dũng (KD-MN, under KD) and for Giang (NS): the KD packet
// carries 2 plans, the NS packet 1.
func hrCompany(t *testing.T, u *UI) map[string]*app.Plan {
	t.Helper()
	units, people := seedOrg(t, u)
	giang := &app.Employee{Code: "NV0005", Name: "Lê Thu Giang", Unit: units["NS"].UID, Position: "Chuyên viên", Level: 2, Currency: "VND"}
	if err := u.ws.SavePerson(giang); err != nil {
		t.Fatal(err)
	}
	people["NV0005"] = giang
	for code, head := range map[string]string{"KD": "NV0001", "NS": "NV0003"} {
		unit := units[code]
		unit.Head = people[head].UID
		if err := u.ws.SaveUnit(unit); err != nil {
			t.Fatal(err)
		}
	}
	plans := map[string]*app.Plan{}
	for _, code := range []string{"NV0002", "NV0004", "NV0005"} {
		p := submittedFixture()
		p.Name = "KPI 2026 " + people[code].Name
		p.PersonUID = people[code].UID
		p.Person.Name = people[code].Name
		if err := u.ws.Save(p); err != nil {
			t.Fatalf("save the plan of %s: %v", code, err)
		}
		plans[code] = p
	}
	return plans
}

func TestSendPacketsForAUnit(t *testing.T) {
	dir := t.TempDir()
	u := packetUI(t, "vi", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{folder: dir})
	hrCompany(t, u)
	u.openOrg()
	o := u.cur.(*orgScreen)
	for id, unit := range o.reg.Org.Units {
		if unit.Code == "KD" {
			o.tree.Select(string(id))
		}
	}
	tapButton(t, u, "Gửi cho quản lý…")
	if !strings.Contains(overlayText(u), "Đã chọn 1/4 đơn vị") {
		t.Fatalf("the send dialog says %q, want KD chosen", overlayText(u))
	}
	checkFits(t, u, "send dialog")
	tapButton(t, u, "Chọn thư mục…")
	tapButton(t, u, "Tiếp tục") // no password
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("the folder holds %v (%v), want one packet", files, err)
	}
	path := filepath.Join(dir, files[0].Name())
	if !strings.HasSuffix(path, packet.Ext) || !strings.Contains(overlayText(u), path) {
		t.Fatalf("wrote %s; the summary says %q", path, overlayText(u))
	}
	p, err := workspace.ReadPacket(fileio.Files{}, path, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.For.Unit != "KD" || len(p.Items) != 2 || !strings.Contains(p.For.Name, "Huỳnh Văn Bình") {
		t.Fatalf("the packet is for %+v with %d plans, want KD's head with An's and Dũng's", p.For, len(p.Items))
	}
}

// sendAll writes the packets of units KD and NS into dir, as HR does.
func sendAll(t *testing.T, u *UI, dir string) []workspace.WrittenPacket {
	t.Helper()
	w, err := u.ws.ExportPackets(context.Background(), fileio.Files{}, workspace.PacketSelection{Units: []string{"KD", "NS"}}, dir, workspace.PacketOptions{})
	if err != nil || len(w) != 2 {
		t.Fatalf("export: %v, %v", w, err)
	}
	return w
}

func TestOpenPacketShowsThePlansFromHR(t *testing.T) {
	dir := t.TempDir()
	hr := packetUI(t, "en", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{})
	hrCompany(t, hr)
	written := sendAll(t, hr, dir)
	var kd string
	for _, w := range written {
		if w.For.Unit == "KD" {
			kd = w.Path
		}
	}
	m := packetUI(t, "en", filepath.Join(t.TempDir(), "manager.db"), &packetDialogs{open: kd})
	tapButton(t, m, "Packets…")
	tapButton(t, m, "Open packet…")
	if !strings.Contains(overlayText(m), "2 plans added") {
		t.Fatalf("after opening: %q", overlayText(m))
	}
	h := m.home
	if len(h.rows) != 2 {
		t.Fatalf("the plans list shows %d plans, want the packet's 2", len(h.rows))
	}
	for i := range h.rows {
		if got := h.cellText(h.rows[i], workspace.ByPerson); !strings.HasSuffix(got, "· from HR") {
			t.Errorf("row %d shows %q, not marked as coming from HR", i, got)
		}
	}
	checkFits(t, m, "plans list with packet plans")
	m.openPlan(h.rows[0].ID)
	if _, ok := m.cur.(*planScreen); !ok {
		t.Fatalf("the plan opened in %T, want the plan screen", m.cur)
	}
	if _, ok := findWidget(m.win, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "From HR: ") && l.Visible() }); !ok {
		t.Fatal("the plan screen shows no from-HR mark")
	}
}

// enterPassword types pw into the password prompt on top and presses Enter.
func enterPassword(t *testing.T, u *UI, pw string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			test.Type(e, pw)
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			return
		}
	}
	t.Fatalf("no password prompt: %s", overlayText(u))
}

func TestOpenEncryptedPacketAsksForThePassword(t *testing.T) {
	dir := t.TempDir()
	hr := packetUI(t, "vi", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{})
	hrCompany(t, hr)
	w, err := hr.ws.ExportPackets(context.Background(), fileio.Files{}, workspace.PacketSelection{Units: []string{"NS"}}, dir, workspace.PacketOptions{Password: "mật khẩu"})
	if err != nil || len(w) != 1 {
		t.Fatalf("export: %v %v", w, err)
	}
	m := packetUI(t, "vi", filepath.Join(t.TempDir(), "manager.db"), &packetDialogs{open: w[0].Path})
	tapButton(t, m, "Gói dữ liệu…")
	tapButton(t, m, "Mở gói dữ liệu…")
	if !strings.Contains(overlayText(m), "Hãy nhập mật khẩu") && !strings.Contains(overlayText(m), "mật khẩu") {
		t.Fatalf("no password asked: %q", overlayText(m))
	}
	enterPassword(t, m, "sai")
	if !strings.Contains(overlayText(m), "Sai mật khẩu") {
		t.Fatalf("after a wrong password: %q", overlayText(m))
	}
	if plans, _ := m.ws.Store().Plans(); len(plans) != 0 {
		t.Fatalf("a wrong password brought %d plans in", len(plans))
	}
	enterPassword(t, m, "mật khẩu")
	if !strings.Contains(overlayText(m), "Đã thêm 1 kế hoạch") {
		t.Fatalf("after the right password: %q", overlayText(m))
	}
	if got := m.home.cellText(m.home.rows[0], workspace.ByPerson); got != "Lê Thu Giang · từ Nhân sự" {
		t.Fatalf("the plans list shows %q", got)
	}
}

func TestReturnToHRWritesTheReturnPacket(t *testing.T) {
	dir := t.TempDir()
	hr := packetUI(t, "en", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{})
	plans := hrCompany(t, hr)
	w, err := hr.ws.ExportPackets(context.Background(), fileio.Files{}, workspace.PacketSelection{Units: []string{"NS"}}, dir, workspace.PacketOptions{})
	if err != nil || len(w) != 1 {
		t.Fatalf("export: %v %v", w, err)
	}
	out := filepath.Join(t.TempDir(), "return.kpip")
	m := packetUI(t, "en", filepath.Join(t.TempDir(), "manager.db"), &packetDialogs{open: w[0].Path, save: out})
	tapButton(t, m, "Packets…")
	tapButton(t, m, "Open packet…")
	m.win.Canvas().Overlays().Top().Hide()
	tapButton(t, m, "Packets…")
	tapButton(t, m, "Return to HR…")
	tapButton(t, m, "Continue") // no password
	if !strings.Contains(overlayText(m), out) || !strings.Contains(overlayText(m), "1 plans") {
		t.Fatalf("after the return: %q", overlayText(m))
	}
	p, err := workspace.ReadPacket(fileio.Files{}, out, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != packet.Return || len(p.Items) != 1 || p.Items[0].Plan.UID != plans["NV0005"].UID || p.Items[0].Base == nil {
		t.Fatalf("the return packet: kind %s, %d plans", p.Kind, len(p.Items))
	}
}

func TestSendPacketsToChosenPeople(t *testing.T) {
	dir := t.TempDir()
	u := packetUI(t, "en", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{folder: dir})
	hrCompany(t, u)
	u.openPeople()
	s := u.cur.(*peopleScreen)
	for row, e := range s.rows {
		if e.Code == "NV0002" || e.Code == "NV0005" {
			s.onPick(row, true) // what ticking the row's box does
		}
	}
	checkFits(t, u, "staff screen with the send button")
	tapButton(t, u, "Send packets to the selected…")
	tapButton(t, u, "Continue")
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 2 {
		t.Fatalf("the folder holds %v (%v), want one packet per person", files, err)
	}
	got := map[string]int{}
	for _, f := range files {
		p, err := workspace.ReadPacket(fileio.Files{}, filepath.Join(dir, f.Name()), "")
		if err != nil {
			t.Fatal(err)
		}
		got[strings.Join(p.For.People, ",")] = len(p.Items)
	}
	if got["NV0002"] != 1 || got["NV0005"] != 1 {
		t.Fatalf("packets for %v, want NV0002 and NV0005 with their own plan each", got)
	}
}

// TestOpenFileOpensADoubleClickedPacket: the file given on the command line
// (a double-clicked .kpip) opens as Open packet… does; another file is
// refused with a message naming it, and nothing is added.
func TestOpenFileOpensADoubleClickedPacket(t *testing.T) {
	dir := t.TempDir()
	hr := packetUI(t, "en", filepath.Join(t.TempDir(), "hr.db"), &packetDialogs{})
	hrCompany(t, hr)
	var kd string
	for _, w := range sendAll(t, hr, dir) {
		if w.For.Unit == "KD" {
			kd = w.Path
		}
	}
	m := packetUI(t, "en", filepath.Join(t.TempDir(), "manager.db"), &packetDialogs{})
	m.OpenFile(filepath.Join(dir, "plans.xlsx"))
	if got := overlayText(m); !strings.Contains(got, "plans.xlsx is not a packet (.kpip)") || len(m.home.rows) != 0 {
		t.Fatalf("a workbook given as the file: %q, %d plans", got, len(m.home.rows))
	}
	m.win.Canvas().Overlays().Top().Hide()
	m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())
	m.OpenFile(kd)
	if !strings.Contains(overlayText(m), "2 plans added") || len(m.home.rows) != 2 {
		t.Fatalf("after opening the packet: %q, %d plans", overlayText(m), len(m.home.rows))
	}
}
