package storage

import (
	"errors"
	"reflect"
	"testing"

	"kpiplanner/app"
)

func TestLibraryEntries(t *testing.T) {
	db := openTemp(t)
	custom := app.LibraryEntry{ID: "my-ctr", Name: app.Text{VI: "Tỷ lệ nhấp", EN: "Click-through rate"},
		Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio,
		Numerator: app.Text{EN: "clicks"}, Denominator: app.Text{EN: "impressions"},
		Department: "digital-marketing", Perspective: "customer", Tier: "operational",
		Leading: true, Effort: app.Low, Impact: app.High, Custom: true}
	hidden := app.LibraryEntry{ID: "builtin-likes", Hidden: true}
	for _, e := range []app.LibraryEntry{custom, hidden} {
		if err := db.SaveLibraryEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.LibraryEntries()
	if err != nil {
		t.Fatal(err)
	}
	if want := []app.LibraryEntry{hidden, custom}; !reflect.DeepEqual(got, want) { // ordered by id
		t.Errorf("entries = %+v, want %+v", got, want)
	}

	custom.Name.EN = "CTR"
	if err := db.SaveLibraryEntry(custom); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteLibraryEntry(hidden.ID); err != nil {
		t.Fatal(err)
	}
	got, err = db.LibraryEntries()
	if err != nil {
		t.Fatal(err)
	}
	if want := []app.LibraryEntry{custom}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries after replace and delete = %+v, want %+v", got, want)
	}
	if err := db.DeleteLibraryEntry(hidden.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleting a missing entry: error = %v, want ErrNotFound", err)
	}
	if err := db.SaveLibraryEntry(app.LibraryEntry{}); err == nil {
		t.Error("saving an entry without an id succeeded")
	}
}

func TestSettings(t *testing.T) {
	db := openTemp(t)
	steps := []struct {
		set, value string // set a value first when set != ""
		key, want  string
	}{
		{key: "lang", want: ""}, // unset
		{set: "lang", value: "vi", key: "lang", want: "vi"},
		{set: "lang", value: "en", key: "lang", want: "en"},
		{set: "theme", value: "dark", key: "lang", want: "en"},
		{set: "lang", value: "", key: "lang", want: ""}, // empty removes
		{key: "theme", want: "dark"},
	}
	for i, s := range steps {
		if s.set != "" {
			if err := db.SetSetting(s.set, s.value); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Setting(s.key)
		if err != nil {
			t.Fatal(err)
		}
		if got != s.want {
			t.Errorf("step %d: Setting(%q) = %q, want %q", i, s.key, got, s.want)
		}
	}
}
