package library

import (
	"errors"
	"slices"
	"sort"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

// memStore is an in-memory app.Store holding only library entries.
type memStore struct {
	app.Store // nil: the plan methods are not used here
	lib       map[string]app.LibraryEntry
}

func newMemStore() *memStore { return &memStore{lib: map[string]app.LibraryEntry{}} }

func (s *memStore) LibraryEntries() ([]app.LibraryEntry, error) {
	var out []app.LibraryEntry
	for _, e := range s.lib {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *memStore) SaveLibraryEntry(e app.LibraryEntry) error { s.lib[e.ID] = e; return nil }

func (s *memStore) DeleteLibraryEntry(id string) error {
	if _, ok := s.lib[id]; !ok {
		return app.ErrNotFound
	}
	delete(s.lib, id)
	return nil
}

// merged loads the library with store's entries merged over it.
func merged(t *testing.T, s *memStore) *Library {
	t.Helper()
	l := load(t)
	user, err := s.LibraryEntries()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Merge(user); err != nil {
		t.Fatalf("Merge: %v", err)
	}
	return l
}

func callsKPI() app.LibraryEntry {
	return app.LibraryEntry{
		ID:          "zalo-oa-messages",
		Name:        app.Text{VI: norm.NFD.String("Số tin nhắn Zalo OA") + " "},
		Unit:        app.Count,
		Direction:   app.Higher,
		Aggregation: app.Sum,
		Department:  "sales",
		DataSource:  "zalo",
		Effort:      app.Low,
		Impact:      app.High,
	}
}

func TestSaveCustom(t *testing.T) {
	s := newMemStore()
	if err := SaveCustom(s, callsKPI()); err != nil {
		t.Fatalf("SaveCustom: %v", err)
	}
	stored := s.lib["zalo-oa-messages"]
	if !stored.Custom || stored.Name.VI != "Số tin nhắn Zalo OA" || !norm.NFC.IsNormalString(stored.Name.VI) {
		t.Errorf("stored %+v, want Custom and an NFC, trimmed name", stored)
	}
	l := merged(t, s)
	all := l.Entries()
	if all[len(all)-1].ID != "zalo-oa-messages" {
		t.Errorf("custom entry is not listed after the built-ins")
	}
	if got := ids(l.Filter(Filter{Query: "tin nhan zalo"})); !slices.Equal(got, []string{"zalo-oa-messages"}) {
		t.Errorf("search for the custom entry = %v", got)
	}
	if c := l.Custom(); len(c) != 1 || c[0].ID != "zalo-oa-messages" {
		t.Errorf("Custom() = %v", ids(c))
	}
	if l.IsBuiltin("zalo-oa-messages") || !l.IsBuiltin("cac") {
		t.Error("IsBuiltin is wrong")
	}
}

func TestSaveCustomRefused(t *testing.T) {
	cases := map[string]struct {
		edit  func(e *app.LibraryEntry)
		field string
	}{
		"built-in id":       {func(e *app.LibraryEntry) { e.ID = "conversion-rate" }, "id"},
		"bad id":            {func(e *app.LibraryEntry) { e.ID = "Zalo OA" }, "id"},
		"no name":           {func(e *app.LibraryEntry) { e.Name = app.Text{} }, "name"},
		"no unit":           {func(e *app.LibraryEntry) { e.Unit = "" }, "unit"},
		"unknown direction": {func(e *app.LibraryEntry) { e.Direction = "up" }, "direction"},
		"ratio without parts": {func(e *app.LibraryEntry) {
			e.Aggregation = app.Ratio
			e.Numerator = app.Text{EN: "replies"}
		}, "denominator"},
		"unknown department": {func(e *app.LibraryEntry) { e.Department = "legal" }, "department"},
		"hide unknown id":    {func(e *app.LibraryEntry) { *e = app.LibraryEntry{ID: "nothing-here", Hidden: true} }, "id"},
	}
	for name, c := range cases {
		s := newMemStore()
		e := callsKPI()
		c.edit(&e)
		err := SaveCustom(s, e)
		var ee *EntryError
		if !errors.As(err, &ee) || !errors.Is(err, app.ErrInvalid) {
			t.Errorf("%s: err = %v, want an *EntryError", name, err)
			continue
		}
		if !slices.ContainsFunc(ee.Fields, func(f *app.FieldError) bool { return f.Field == c.field }) {
			t.Errorf("%s: %v does not name field %s", name, err, c.field)
		}
		if len(s.lib) != 0 {
			t.Errorf("%s: something was saved", name)
		}
	}
}

func TestHideBuiltin(t *testing.T) {
	s := newMemStore()
	if err := Hide(s, "cpc"); err != nil {
		t.Fatalf("Hide: %v", err)
	}
	if m := s.lib["cpc"]; !m.Hidden || m.Custom || m.Name != (app.Text{}) {
		t.Errorf("stored marker %+v", m)
	}
	l := merged(t, s)
	if slices.Contains(ids(l.Entries()), "cpc") {
		t.Error("hidden built-in is still listed")
	}
	if e, ok := l.Get("cpc"); !ok || !e.Hidden || e.Name.EN == "" {
		t.Errorf("Get(cpc) = %+v, %v; want the full entry marked hidden", e, ok)
	}
	if !slices.Contains(ids(l.Filter(Filter{IncludeHidden: true})), "cpc") {
		t.Error("IncludeHidden does not list the hidden built-in")
	}
	for _, sg := range l.Suggest("marketing-efficiency") {
		if sg.Entry.ID == "cpc" {
			t.Error("Suggest proposes a hidden entry")
		}
	}
	if err := Unhide(s, "cpc"); err != nil {
		t.Fatalf("Unhide: %v", err)
	}
	if err := Unhide(s, "cpc"); err != nil {
		t.Errorf("second Unhide: %v", err)
	}
	if !slices.Contains(ids(merged(t, s).Entries()), "cpc") {
		t.Error("unhidden built-in is not listed")
	}
}

func TestHideCustomAndDelete(t *testing.T) {
	s := newMemStore()
	if err := SaveCustom(s, callsKPI()); err != nil {
		t.Fatal(err)
	}
	if err := Hide(s, "zalo-oa-messages"); err != nil {
		t.Fatalf("Hide: %v", err)
	}
	if e := s.lib["zalo-oa-messages"]; !e.Hidden || !e.Custom || e.Name.VI == "" {
		t.Errorf("hidden custom entry stored as %+v", e)
	}
	if slices.Contains(ids(merged(t, s).Entries()), "zalo-oa-messages") {
		t.Error("hidden custom entry is listed")
	}
	if err := Unhide(s, "zalo-oa-messages"); err != nil || s.lib["zalo-oa-messages"].Hidden {
		t.Errorf("Unhide: %v, stored %+v", err, s.lib["zalo-oa-messages"])
	}
	if err := Hide(s, "no-such-kpi"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Hide(unknown) = %v, want ErrNotFound", err)
	}
	if err := Delete(s, "conversion-rate"); !errors.Is(err, ErrBuiltin) {
		t.Errorf("Delete(built-in) = %v, want ErrBuiltin", err)
	}
	if err := Delete(s, "zalo-oa-messages"); err != nil {
		t.Errorf("Delete(custom) = %v", err)
	}
	if len(s.lib) != 0 {
		t.Errorf("store still holds %v", s.lib)
	}
	if err := Delete(s, "zalo-oa-messages"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Delete(unknown) = %v, want ErrNotFound", err)
	}
}

func TestMergeSkipsBadEntries(t *testing.T) {
	l := load(t)
	clash := callsKPI()
	clash.ID, clash.Custom = "cac", true
	bad := callsKPI()
	bad.ID, bad.Custom, bad.Unit = "bad-unit", true, "furlongs"
	orphan := app.LibraryEntry{ID: "retired-builtin", Hidden: true}
	good := callsKPI()
	err := l.Merge([]app.LibraryEntry{clash, bad, orphan, good})
	if err == nil {
		t.Fatal("Merge accepted a clashing and an invalid entry")
	}
	if e, _ := l.Get("cac"); e.Custom || e.Name.EN != "Customer acquisition cost (CAC)" {
		t.Errorf("the built-in cac was replaced: %+v", e)
	}
	if _, ok := l.Get("bad-unit"); ok {
		t.Error("invalid entry was merged")
	}
	if e, ok := l.Get("zalo-oa-messages"); !ok || !e.Custom {
		t.Error("valid entry was not merged next to bad ones")
	}
	// merging again replaces the user's part rather than adding to it
	if err := l.Merge(nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Get("zalo-oa-messages"); ok {
		t.Error("Merge(nil) kept the earlier custom entry")
	}
}

func TestNewID(t *testing.T) {
	s := newMemStore()
	if err := SaveCustom(s, callsKPI()); err != nil {
		t.Fatal(err)
	}
	l := merged(t, s)
	cases := map[string]struct{ name, want string }{
		"vietnamese":       {"Số cuộc gọi", "so-cuoc-goi"},
		"clash built-in":   {"Conversion rate", "conversion-rate-2"},
		"clash custom":     {"Zalo OA messages", "zalo-oa-messages-2"},
		"nothing usable":   {"→ ÷ ×", "kpi"},
		"capitals and đ":   {"ĐIỂM Đánh giá", "diem-danh-gia"},
		"exact built-in":   {"cac", "cac-2"},
		"punctuation only": {"(CAC)", "cac-2"},
	}
	for name, c := range cases {
		if got := l.NewID(c.name); got != c.want {
			t.Errorf("%s: NewID(%q) = %q, want %q", name, c.name, got, c.want)
		}
	}
}

func TestConcurrentMergeAndSearch(t *testing.T) {
	l := load(t)
	done := make(chan bool)
	go func() {
		for range 50 {
			if err := l.Merge([]app.LibraryEntry{callsKPI(), {ID: "cpc", Hidden: true}}); err != nil {
				t.Error(err)
			}
		}
		done <- true
	}()
	for range 50 {
		l.Filter(Filter{Query: "ty le"})
		l.Get("cpc")
	}
	<-done
}
