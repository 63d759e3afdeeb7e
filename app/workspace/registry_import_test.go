package workspace_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/registry"
	"kpiplanner/app/sheet"
	"kpiplanner/app/workspace"
)

// memRegistry is an in-memory app.Store holding only people, units, the
// workspace log and settings: enough for registry imports.
type memRegistry struct {
	app.Store // nil: other methods are not used
	people    []app.Employee
	units     []app.OrgUnit
	log       []app.HistoryEntry
	settings  map[string]string
	fail      error // returned by the next Update's fn, after its writes
}

func (m *memRegistry) People() ([]app.Employee, error) { return slices.Clone(m.people), nil }
func (m *memRegistry) Units() ([]app.OrgUnit, error)   { return slices.Clone(m.units), nil }
func (m *memRegistry) WorkspaceLog() ([]app.HistoryEntry, error) {
	return slices.Clone(m.log), nil
}
func (m *memRegistry) Setting(k string) (string, error) { return m.settings[k], nil }

func (m *memRegistry) Update(fn func(app.Tx) error) error {
	tx := &memTx{people: slices.Clone(m.people), units: slices.Clone(m.units), log: slices.Clone(m.log)}
	if err := fn(tx); err != nil {
		return err
	}
	if m.fail != nil {
		return m.fail
	}
	m.people, m.units, m.log = tx.people, tx.units, tx.log
	slices.SortFunc(m.people, func(a, b app.Employee) int { return strings.Compare(a.Code, b.Code) })
	slices.SortFunc(m.units, func(a, b app.OrgUnit) int { return strings.Compare(a.Code, b.Code) })
	return nil
}

type memTx struct {
	app.Tx
	people []app.Employee
	units  []app.OrgUnit
	log    []app.HistoryEntry
}

func (tx *memTx) SavePerson(e *app.Employee) error {
	if e.UID == "" {
		e.UID = app.NewUID()
	}
	for i := range tx.people {
		if tx.people[i].UID == e.UID {
			tx.people[i] = *e
			return nil
		}
		if tx.people[i].Code == e.Code {
			return errors.New("duplicate code " + e.Code)
		}
	}
	tx.people = append(tx.people, *e)
	return nil
}

func (tx *memTx) SaveUnit(u *app.OrgUnit) error {
	if u.UID == "" {
		u.UID = app.NewUID()
	}
	if u.Parent != "" && !slices.ContainsFunc(tx.units, func(x app.OrgUnit) bool { return x.UID == u.Parent }) {
		return errors.New("parent written after its child: " + u.Code)
	}
	for i := range tx.units {
		if tx.units[i].UID == u.UID {
			tx.units[i] = *u
			return nil
		}
	}
	tx.units = append(tx.units, *u)
	return nil
}

func (tx *memTx) AppendLog(es []app.HistoryEntry) error { tx.log = append(tx.log, es...); return nil }

func TestApplyRegistryImportWritesUnitsThenPeopleInOneTransaction(t *testing.T) {
	m := &memRegistry{settings: map[string]string{workspace.SettingUser: "Lan", workspace.SettingDevice: "hr-laptop"},
		units:  []app.OrgUnit{{UID: "c", Code: "CO", Name: "Company"}},
		people: []app.Employee{{UID: "p1", Code: "NV1", Name: "An", Unit: "c", Position: "Director"}}}
	w := workspace.New(m)
	w.Now = func() time.Time { return time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC) }
	units := sheet.TextGrid([][]string{{"Mã đơn vị", "Tên đơn vị", "Đơn vị cha", "Trưởng đơn vị"},
		{"TEAM", "Team", "SALES", "NV2"}, {"SALES", "Sales", "CO", "NV1"}})
	people := sheet.TextGrid([][]string{{"Mã NV", "Họ tên", "Mã đơn vị", "Chức danh", "Mã quản lý"},
		{"NV2", "Bình", "TEAM", "Rep", "NV1"}, {"NV1", "An", "CO", "CEO", ""}})
	cur := registry.Current{People: m.people, Units: m.units}
	pv := registry.Parse(cur, units, people, registry.Options{})
	if err := w.ApplyRegistryImport(pv, "/tmp/hr/people.xlsx"); err != nil {
		t.Fatal(err)
	}
	got, _ := w.People()
	us, _ := w.Units()
	if len(got) != 2 || len(us) != 3 {
		t.Fatalf("people %+v units %+v", got, us)
	}
	byCode := map[string]app.UID{}
	for _, u := range us {
		byCode[u.Code] = u.UID
	}
	if got[1].Code != "NV2" || got[1].Unit != byCode["TEAM"] || got[1].Manager != "p1" || got[0].Position != "CEO" {
		t.Errorf("people = %+v", got)
	}
	log, _ := m.WorkspaceLog()
	var lines []string
	for _, e := range log {
		lines = append(lines, e.User+"@"+e.Device+" "+e.Source+" "+e.At.Format(time.RFC3339)+" "+e.Path+" "+e.Old+">"+e.New)
	}
	want := []string{
		"Lan@hr-laptop people.xlsx 2026-03-12T09:30:00Z units[TEAM] >Team",
		"Lan@hr-laptop people.xlsx 2026-03-12T09:30:00Z units[SALES] >Sales",
		"Lan@hr-laptop people.xlsx 2026-03-12T09:30:00Z people[NV2] >Bình",
		"Lan@hr-laptop people.xlsx 2026-03-12T09:30:00Z people[NV1].position Director>CEO",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	// The same preview again: the registry has changed since.
	if err := w.ApplyRegistryImport(pv, ""); !errors.Is(err, app.ErrRefused) {
		t.Errorf("stale preview applied: %v", err)
	}
}

func TestApplyRegistryImportRefusesProblemsAndLandsNothingOnFailure(t *testing.T) {
	m := &memRegistry{}
	w := workspace.New(m)
	bad := registry.Parse(registry.Current{}, nil, sheet.TextGrid([][]string{{"Employee code", "Name", "Level"}, {"E1", "Ann", "x"}}), registry.Options{})
	if err := w.ApplyRegistryImport(bad, ""); !errors.Is(err, app.ErrInvalid) || !strings.Contains(err.Error(), "row 2, Level") {
		t.Errorf("preview with a problem: %v", err)
	}
	good := registry.Parse(registry.Current{}, nil, sheet.TextGrid([][]string{{"Employee code", "Name"}, {"E1", "Ann"}, {"E2", "Bob"}}), registry.Options{})
	m.fail = errors.New("disk full")
	if err := w.ApplyRegistryImport(good, ""); err == nil || err.Error() != "disk full" {
		t.Errorf("failed commit: %v", err)
	}
	if len(m.people)+len(m.log) != 0 {
		t.Errorf("a failed import left %d people and %d log entries", len(m.people), len(m.log))
	}
}

// TestApplyRegistryImportOnStorage applies a units table naming heads who
// are new people of the same import, against the real database.
func TestApplyRegistryImportOnStorage(t *testing.T) {
	w := open(t)
	units := sheet.TextGrid([][]string{{"Unit code", "Unit name", "Parent unit code", "Head's employee code"},
		{"TEAM", "Team", "CO", "E2"}, {"CO", "Company", "", "E1"}})
	people := sheet.TextGrid([][]string{{"Employee code", "Name", "Unit code", "Manager code"},
		{"E2", "Bob", "TEAM", "E1"}, {"E1", "Ann", "CO", ""}})
	pv := registry.Parse(registry.Current{}, units, people, registry.Options{})
	if err := w.ApplyRegistryImport(pv, "org.csv"); err != nil {
		t.Fatal(err)
	}
	ps, _ := w.People()
	us, _ := w.Units()
	if len(ps) != 2 || len(us) != 2 || us[0].Code != "CO" || us[0].Head != ps[0].UID || us[1].Parent != us[0].UID || ps[1].Manager != ps[0].UID || ps[1].Unit != us[1].UID {
		t.Fatalf("people %+v\nunits %+v", ps, us)
	}
	log, err := w.Store().WorkspaceLog()
	if err != nil || len(log) != 4 || log[0].Source != "org.csv" {
		t.Errorf("log %+v, %v", log, err)
	}
	// The same tables again: nothing to import.
	again := registry.Parse(registry.Current{People: ps, Units: us}, units, people, registry.Options{})
	if err := w.ApplyRegistryImport(again, ""); !errors.Is(err, registry.ErrNothing) {
		t.Errorf("re-import: %v", err)
	}
}
