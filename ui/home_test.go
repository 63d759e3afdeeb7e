package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
	"kpiplanner/storage"
)

// homeTestUI opens a UI in lang over a new, empty bbolt file.
func homeTestUI(t *testing.T, lang string) (*UI, *storage.DB) {
	t.Helper()
	u, store := testUI(t, lang)
	t.Cleanup(func() {
		if u.inSample() {
			_ = u.ws.Store().Close()
		}
	})
	u.win.Resize(fyne.NewSize(1200, 760))
	u.openHome()
	return u, store
}

// tapButton taps the first visible button on the window (or its overlays) labelled text.
func tapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	c := u.win.Canvas()
	objs := test.LaidOutObjects(c.Content())
	for _, o := range c.Overlays().List() {
		objs = append(test.LaidOutObjects(o), objs...)
	}
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no enabled button %q", text)
}

func TestHomeFirstRunSampleCompany(t *testing.T) {
	u, store := homeTestUI(t, "vi")
	h := u.home
	if h.stack.Objects[0] != h.welcome {
		t.Fatal("an empty database does not show the welcome")
	}
	tapButton(t, u, "Mở công ty mẫu")
	if plans, err := store.Plans(); err != nil || len(plans) != 0 {
		t.Fatalf("the sample company went into the user's own workspace: %d plans, %v", len(plans), err)
	}
	plans, err := u.ws.Store().Plans()
	if err != nil || len(plans) != 61 || u.ws.Store().Path() != SamplePath(store.Path(), "vi") {
		t.Fatalf("sample company: %d plans in %s, %v", len(plans), u.ws.Store().Path(), err)
	}
	h = u.home
	if h.stack.Objects[0] != h.list || len(h.rows) != 61 || h.count.Text != "61/61 kế hoạch" {
		t.Fatalf("list shows %d rows, count %q", len(h.rows), h.count.Text)
	}
	// Filter by the department of the first row and by text.
	dept := h.rows[0].Department
	h.dept.SetSelected(dept)
	for _, r := range h.rows {
		if r.Department != dept {
			t.Fatalf("row of %s under filter %s", r.Department, dept)
		}
	}
	h.onClearFilters()
	test.Type(h.search, h.rows[5].Person)
	if len(h.rows) == 0 || !strings.Contains(h.rows[0].Person, h.search.Text) {
		t.Fatalf("search %q found %d rows", h.search.Text, len(h.rows))
	}
}

func TestHomeDeleteConfirmAndUndo(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	store := u.ws.Store()
	h := u.home
	h.table.Select(widget.TableCellID{Row: 0, Col: 0})
	victim := h.selected
	if victim == 0 {
		t.Fatal("selecting a row does not select its plan")
	}
	tapButton(t, u, "Delete")
	if _, err := store.Plan(victim); err != nil {
		t.Fatal("deleted before confirmation")
	}
	tapButton(t, u, "Yes")
	if _, err := store.Plan(victim); err == nil {
		t.Fatal("plan not deleted after confirmation")
	}
	if len(h.rows) != 60 || !strings.Contains(u.status.Text, "Ctrl+Z") {
		t.Fatalf("%d rows, status %q", len(h.rows), u.status.Text)
	}
	u.onUndo()
	if _, err := store.Plan(victim); err != nil {
		t.Fatalf("undo did not restore the plan: %v", err)
	}
	if len(h.rows) != 61 || !strings.HasPrefix(u.status.Text, "Undone: Delete plan") {
		t.Fatalf("after undo: %d rows, status %q", len(h.rows), u.status.Text)
	}
}

func TestHomeSortByTotal(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	h := u.home
	h.onSort(workspace.ByTotal) // totals sort from the highest down first
	for i := 1; i < len(h.rows); i++ {
		if h.rows[i].HasTotal && h.rows[i].Total > h.rows[i-1].Total {
			t.Fatalf("row %d total %g above row %d total %g", i, h.rows[i].Total, i-1, h.rows[i-1].Total)
		}
	}
	h.onSort(workspace.ByTotal) // and flip on the second tap
	if h.rows[0].HasTotal && h.rows[0].Total > h.rows[len(h.rows)-1].Total {
		t.Fatal("second tap did not flip the order")
	}
}

func TestLanguageSwitchRebuildsScreens(t *testing.T) {
	u, _ := homeTestUI(t, "vi")
	if got := u.items[navSettings].label; got != "Cài đặt" {
		t.Fatalf("vi nav label %q", got)
	}
	u.onLanguageChanged("en")
	if got := u.items[navSettings].label; got != "Settings" {
		t.Fatalf("after switching to English the nav says %q", got)
	}
	if v, _ := u.ws.Store().Setting(settingLang); v != "en" {
		t.Fatalf("language setting saved as %q", v)
	}
}

func TestSecondWindowShowsInUse(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "kpi.db")
	first, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, err = storage.Open(path)
	if err == nil {
		t.Fatal("a second open of the same file succeeded")
	}
	w := StartupErrorWindow(a, err, "vi")
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "đang được một cửa sổ") {
			found = true
		}
	}
	if !found {
		t.Errorf("the startup window does not say the file is in use in Vietnamese")
	}
}

func TestClosingTheWindowKeepsTheWizardDraft(t *testing.T) {
	u, store := homeTestUI(t, "en")
	u.newPlan()
	w := u.cur.(*wizardScreen)
	w.d.Plan.Person.Name = "Trần Thị Bích"
	u.onClose()
	plans, err := store.Plans()
	if err != nil || len(plans) != 1 || plans[0].Person.Name != "Trần Thị Bích" || plans[0].Status != "draft" {
		t.Fatalf("after closing: %d plans, %v", len(plans), err)
	}
	if step, _ := store.Setting("wizard.step." + fmt.Sprint(plans[0].ID)); step != "goal" {
		t.Errorf("saved step %q", step)
	}
}
