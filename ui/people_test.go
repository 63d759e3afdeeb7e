package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/roster"
	"kpiplanner/app/workspace"
)

// seedOrg stores a small company through the workspace: Công ty (CTY) with
// Kinh doanh (KD) and its team Kinh doanh miền Nam (KD-MN), and Nhân sự
// (NS); and four people. It returns the units and people by code.
func seedOrg(t *testing.T, u *UI) (map[string]*app.OrgUnit, map[string]*app.Employee) {
	t.Helper()
	units := map[string]*app.OrgUnit{}
	for _, x := range []struct{ code, name, parent string }{
		{"CTY", "Công ty", ""}, {"KD", "Kinh doanh", "CTY"}, {"KD-MN", "Kinh doanh miền Nam", "KD"}, {"NS", "Nhân sự", "CTY"},
	} {
		unit := &app.OrgUnit{Code: x.code, Name: x.name}
		if x.parent != "" {
			unit.Parent = units[x.parent].UID
		}
		if err := u.ws.SaveUnit(unit); err != nil {
			t.Fatalf("save unit %s: %v", x.code, err)
		}
		units[x.code] = unit
	}
	people := map[string]*app.Employee{}
	for _, x := range []struct{ code, name, unit, pos string }{
		{"NV0001", "Huỳnh Văn Bình", "KD", "Trưởng phòng"},
		{"NV0002", "Hồ Thị An", "KD-MN", "Nhân viên kinh doanh"},
		{"NV0003", "Dương Minh Châu", "NS", "Chuyên viên nhân sự"},
		{"NV0004", "Đặng Quốc Dũng", "KD-MN", "Nhân viên kinh doanh"},
	} {
		e := &app.Employee{Code: x.code, Name: x.name, Unit: units[x.unit].UID, Position: x.pos, Level: 2, Currency: "VND"}
		if err := u.ws.SavePerson(e); err != nil {
			t.Fatalf("save person %s: %v", x.code, err)
		}
		people[x.code] = e
	}
	return units, people
}

// openPeopleScreen opens the People screen over what is stored.
func openPeopleScreen(t *testing.T, u *UI) *peopleScreen {
	t.Helper()
	u.openPeople()
	s, ok := u.cur.(*peopleScreen)
	if !ok {
		t.Fatalf("openPeople showed %T", u.cur)
	}
	return s
}

func shownNames(s *peopleScreen) []string {
	var out []string
	for _, e := range s.rows {
		out = append(out, e.Name)
	}
	return out
}

func personByCode(t *testing.T, u *UI, code string) *app.Employee {
	t.Helper()
	people, err := u.ws.People()
	if err != nil {
		t.Fatal(err)
	}
	for i := range people {
		if people[i].Code == code {
			return &people[i]
		}
	}
	t.Fatalf("no person %s stored", code)
	return nil
}

func TestPeopleSortedTheVietnameseWay(t *testing.T) {
	u, _ := testUI(t, "vi")
	seedOrg(t, u)
	s := openPeopleScreen(t, u)
	// D before Đ; Hồ before Huỳnh (o before u)
	want := []string{"Dương Minh Châu", "Đặng Quốc Dũng", "Hồ Thị An", "Huỳnh Văn Bình"}
	if got := shownNames(s); !slices.Equal(got, want) {
		t.Errorf("by full name %v, want %v", got, want)
	}
	test.Tap(s.byGiven) // An, Bình, Châu, Dũng
	want = []string{"Hồ Thị An", "Huỳnh Văn Bình", "Dương Minh Châu", "Đặng Quốc Dũng"}
	if got := shownNames(s); !slices.Equal(got, want) {
		t.Errorf("by given name %v, want %v", got, want)
	}
}

func TestPeopleAddThenFindWithoutAccents(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, _ := seedOrg(t, u)
	s := openPeopleScreen(t, u)
	test.Tap(s.add)
	f := s.form
	if f == nil {
		t.Fatal("Add person opened no form")
	}
	if f.code.Text != "NV0005" {
		t.Errorf("suggested code %q, want NV0005 (after NV0004)", f.code.Text)
	}
	test.Type(f.name, "Nguyễn Thị Lan")
	f.unit.set(units["NS"].UID)
	test.Type(f.position, "Chuyên viên tuyển dụng")
	test.Type(f.level, "3")
	test.Type(f.manager.entry, "duong minh") // accent-free, finds Dương Minh Châu
	test.Type(f.joined, "01/02/2025")
	test.Type(f.bonus, "12.000.000")
	test.Type(f.email, "lan@example.com")
	test.Tap(f.save)
	if s.form != nil {
		t.Fatalf("the form stayed open: %q %q", f.general.Text, problemsOf(f))
	}
	e := personByCode(t, u, "NV0005")
	boss := personByCode(t, u, "NV0003")
	if e.Name != "Nguyễn Thị Lan" || e.Unit != units["NS"].UID || e.Level != 3 || e.Manager != boss.UID ||
		e.BaseBonus != 12_000_000 || e.Joined != app.NewDate(2025, 2, 1) || e.Email != "lan@example.com" {
		t.Errorf("stored %+v", e)
	}
	test.Type(s.search, "nguyen thi")
	if got := shownNames(s); !slices.Equal(got, []string{"Nguyễn Thị Lan"}) {
		t.Errorf("search nguyen thi shows %v, want Nguyễn Thị Lan", got)
	}
	s.search.SetText("NGUYỄN")
	if len(s.rows) != 1 {
		t.Errorf("search NGUYỄN shows %v", shownNames(s))
	}
}

func problemsOf(f *personForm) string {
	var b strings.Builder
	for name, l := range f.problems {
		if l.Visible() {
			b.WriteString(name + ": " + l.Text + "; ")
		}
	}
	return b.String()
}

func TestPeopleFormShowsEachRefusalByItsField(t *testing.T) {
	u, _ := testUI(t, "en")
	seedOrg(t, u)
	s := openPeopleScreen(t, u)
	test.Tap(s.add)
	f := s.form
	f.code.SetText("NV0002") // Hồ Thị An's
	test.Type(f.name, "Trần Văn Khoa")
	test.Tap(f.save)
	if s.form == nil {
		t.Fatal("a duplicate code closed the form")
	}
	if l := f.problems["code"]; !l.Visible() || !strings.Contains(l.Text, "NV0002") || !strings.Contains(l.Text, "Hồ Thị An") {
		t.Errorf("code problem %q (shown %v), want it to name NV0002 and Hồ Thị An", l.Text, l.Visible())
	}
	f.code.SetText("NV0009")
	f.joined.SetText("2025-02-31")
	test.Tap(f.save)
	if l := f.problems["joined"]; !l.Visible() || l.Text == "" {
		t.Errorf("a date that does not exist is not marked on the join date")
	}
	if f.problems["code"].Visible() {
		t.Errorf("the code's old problem is still shown: %q", f.problems["code"].Text)
	}
	f.joined.SetText("2025-03-01")
	f.left.SetText("2025-01-01")
	test.Tap(f.save)
	if l := f.problems["left"]; !l.Visible() || !strings.Contains(l.Text, "join date") {
		t.Errorf("leave before join: problem %q", l.Text)
	}
	if _, err := u.ws.People(); err != nil {
		t.Fatal(err)
	}
	if people, _ := u.ws.People(); len(people) != 4 {
		t.Errorf("%d people stored after refusals, want 4", len(people))
	}
}

func TestPeopleFilterByUnitSubtreePositionLevelStatus(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, _ := seedOrg(t, u)
	s := openPeopleScreen(t, u)
	pickUnit(t, s.unit, s.reg, units["KD"].UID)
	// Kinh doanh and its team Kinh doanh miền Nam
	if got, want := shownNames(s), []string{"Đặng Quốc Dũng", "Hồ Thị An", "Huỳnh Văn Bình"}; !slices.Equal(got, want) {
		t.Errorf("unit KD shows %v, want %v", got, want)
	}
	s.position.SetSelected("Nhân viên kinh doanh")
	if got, want := shownNames(s), []string{"Đặng Quốc Dũng", "Hồ Thị An"}; !slices.Equal(got, want) {
		t.Errorf("KD sales staff %v, want %v", got, want)
	}
	test.Tap(s.clear)
	if len(s.rows) != 4 {
		t.Errorf("cleared filters show %v", shownNames(s))
	}
	s.level.SetSelected("2")
	if len(s.rows) != 4 {
		t.Errorf("level 2 shows %v, want all four", shownNames(s))
	}
}

// pickUnit selects unit uid in a select filled with the registry's unit labels.
func pickUnit(t *testing.T, sel *widget.Select, r *roster.Roster, uid app.UID) {
	t.Helper()
	i := slices.Index(r.UnitOrder, uid)
	if i < 0 {
		t.Fatalf("unit %s is not offered", uid)
	}
	sel.SetSelectedIndex(i)
}

func TestPeopleBulkEditOfASelection(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, people := seedOrg(t, u)
	s := openPeopleScreen(t, u)
	if !s.bulk.Disabled() {
		t.Error("bulk edit enabled with nobody selected")
	}
	for i, e := range s.rows { // Hồ Thị An and Đặng Quốc Dũng
		if e.Code == "NV0002" || e.Code == "NV0004" {
			s.onPick(i, true)
		}
	}
	if s.bulk.Disabled() || !strings.Contains(s.bulk.Text, "2") {
		t.Fatalf("bulk button %q disabled %v with two picked", s.bulk.Text, s.bulk.Disabled())
	}
	test.Tap(s.bulk)
	f := s.bulkForm
	f.unit.set(units["NS"].UID)
	f.level.SetText("4")
	f.manager.entry.SetText("NV0003")
	if !f.setUnit.Checked || !f.setLevel.Checked || !f.setMgr.Checked || f.setPos.Checked {
		t.Errorf("ticks unit %v level %v manager %v position %v", f.setUnit.Checked, f.setLevel.Checked, f.setMgr.Checked, f.setPos.Checked)
	}
	f.dlg.Confirm()
	for _, code := range []string{"NV0002", "NV0004"} {
		e := personByCode(t, u, code)
		if e.Unit != units["NS"].UID || e.Level != 4 || e.Manager != people["NV0003"].UID || e.Position != "Nhân viên kinh doanh" {
			t.Errorf("%s after the bulk edit: %+v", code, e)
		}
	}
	if e := personByCode(t, u, "NV0001"); e.Unit != units["KD"].UID || e.Level != 2 {
		t.Errorf("a person not selected changed: %+v", e)
	}
	if len(s.picked) != 0 {
		t.Errorf("the selection was kept after the edit: %v", s.picked)
	}
}

func TestPeopleBulkEditRefusedShowsWhy(t *testing.T) {
	u, _ := testUI(t, "en")
	_, people := seedOrg(t, u)
	boss := people["NV0001"]
	if _, err := u.ws.BulkEdit([]app.UID{people["NV0002"].UID}, workspace.PersonEdit{Manager: &boss.UID}); err != nil {
		t.Fatal(err)
	}
	s := openPeopleScreen(t, u)
	for i, e := range s.rows {
		if e.Code == "NV0001" {
			s.onPick(i, true)
		}
	}
	test.Tap(s.bulk)
	f := s.bulkForm
	f.manager.entry.SetText("NV0002") // reports to NV0001: a loop
	f.dlg.Confirm()
	if !strings.Contains(f.problem.Text, "reports to them") {
		t.Errorf("problem %q, want the loop named", f.problem.Text)
	}
	if e := personByCode(t, u, "NV0001"); e.Manager != "" {
		t.Errorf("refused edit was stored: %+v", e)
	}
}

func TestPeopleArchiveALeaver(t *testing.T) {
	u, _ := testUI(t, "vi")
	seedOrg(t, u)
	s := openPeopleScreen(t, u)
	for i, e := range s.rows {
		if e.Code == "NV0003" {
			s.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	test.Tap(s.archive)
	f := s.archiveForm
	if f == nil {
		t.Fatal("Archive asked nothing")
	}
	if f.date.Text != "15/03/2026" {
		t.Errorf("leave date offered %q, want today 15/03/2026", f.date.Text)
	}
	f.date.SetText("28/02/2026")
	f.dlg.Confirm()
	if e := personByCode(t, u, "NV0003"); e.Left != app.NewDate(2026, 2, 28) {
		t.Errorf("left %v, want 2026-02-28", e.Left)
	}
	if slices.Contains(shownNames(s), "Dương Minh Châu") {
		t.Error("a leaver is still in the active list")
	}
	s.status.SetSelectedIndex(int(roster.Left))
	if got := shownNames(s); !slices.Equal(got, []string{"Dương Minh Châu"}) {
		t.Errorf("leavers %v", got)
	}
}

func TestPeoplePlansButtonSearchesThePlansList(t *testing.T) {
	u, _ := testUI(t, "vi")
	_, people := seedOrg(t, u)
	p := submittedFixture()
	p.PersonUID = people["NV0002"].UID
	if err := u.ws.Save(p); err != nil {
		t.Fatal(err)
	}
	s := openPeopleScreen(t, u)
	for i, e := range s.rows {
		if e.Code == "NV0002" {
			s.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	test.Tap(s.plans)
	if u.cur != u.home || u.home.search.Text != "Hồ Thị An" {
		t.Fatalf("showing %T, search %q", u.cur, u.home.search.Text)
	}
	if len(u.home.rows) != 1 || u.home.rows[0].ID != p.ID {
		t.Errorf("plans list shows %+v", u.home.rows)
	}
}

func TestPeopleEditKeepsThePersonAndShowsTheirValues(t *testing.T) {
	u, _ := testUI(t, "vi")
	units, people := seedOrg(t, u)
	an := people["NV0002"]
	an.Manager, an.BaseBonus, an.Joined = people["NV0001"].UID, 8_500_000, app.NewDate(2024, 7, 1)
	if err := u.ws.SavePerson(an); err != nil {
		t.Fatal(err)
	}
	s := openPeopleScreen(t, u)
	for i, e := range s.rows {
		if e.Code == "NV0002" {
			s.table.Select(widget.TableCellID{Row: i, Col: 2})
		}
	}
	if !strings.Contains(s.detail.Text, "quản lý: Huỳnh Văn Bình") || !strings.Contains(s.detail.Text, "vào làm ngày 01/07/2024") {
		t.Errorf("detail %q", s.detail.Text)
	}
	test.Tap(s.edit)
	f := s.form
	if f.code.Text != "NV0002" || f.name.Text != "Hồ Thị An" || f.unit.value() != units["KD-MN"].UID ||
		f.manager.entry.Text != "Huỳnh Văn Bình (NV0001)" || f.bonus.Text != "8.500.000" || f.joined.Text != "01/07/2024" {
		t.Fatalf("form shows %q %q %q %q %q %q", f.code.Text, f.name.Text, f.unit.value(), f.manager.entry.Text, f.bonus.Text, f.joined.Text)
	}
	f.code.SetText("KD0002")
	f.name.SetText("Hồ Thị Ân")
	test.Tap(f.save)
	e := personByCode(t, u, "KD0002")
	if e.UID != an.UID || e.Name != "Hồ Thị Ân" || e.Manager != people["NV0001"].UID || e.BaseBonus != 8_500_000 {
		t.Errorf("edited person %+v", e)
	}
	if people, _ := u.ws.People(); len(people) != 4 {
		t.Errorf("%d people after an edit, want 4", len(people))
	}
}
