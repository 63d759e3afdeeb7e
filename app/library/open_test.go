package library_test

import (
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/smart"
	"kpiplanner/storage"
)

var _ smart.Catalog = (*library.Library)(nil)

func TestOpenMergesStoredEntries(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := app.LibraryEntry{ID: "zalo-messages", Custom: true,
		Name:        app.Text{VI: "Số tin nhắn Zalo OA", EN: "Zalo OA messages"},
		Description: app.Text{VI: "Số tin nhắn khách gửi qua Zalo OA", EN: "Messages customers send through Zalo OA"},
		Formula:     app.Text{VI: "đếm tin nhắn", EN: "count of messages"},
		Unit:        app.Count, Direction: app.Higher, Aggregation: app.Sum, Department: "customer-service",
		Perspective: "customer", Tier: "operational", DataSource: "zalo", Effort: app.Low, Impact: app.Low}
	if err := library.SaveCustom(s, e); err != nil {
		t.Fatal(err)
	}
	if err := library.Hide(s, "page-views"); err != nil {
		t.Fatal(err)
	}
	l, err := library.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := l.Get("zalo-messages"); !ok || got.Name.EN != "Zalo OA messages" {
		t.Errorf("custom entry missing: %+v", got)
	}
	for _, x := range l.Entries() {
		if x.ID == "page-views" {
			t.Error("hidden built-in still listed")
		}
	}
	if !l.InGoalSet("lead-generation", "mql") || l.InGoalSet("lead-generation", "page-views") || l.InGoalSet("nope", "mql") {
		t.Error("InGoalSet")
	}
}
