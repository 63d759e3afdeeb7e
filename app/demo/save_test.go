package demo_test

import (
	"path/filepath"
	"testing"

	"kpiplanner/app/demo"
	"kpiplanner/storage"
)

func TestSaveTwiceSharesUnitsAndContinuesCodes(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Save(s, 5, 1, "en"); err != nil {
		t.Fatal(err)
	}
	plans, err := demo.Save(s, 3, 2, "vi")
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.People()
	units, _ := s.Units()
	if len(people) != 8 || people[7].Code != "NV0008" {
		t.Fatalf("%d people, last %+v", len(people), people[len(people)-1])
	}
	if len(units) != 8 { // the root and 7 departments, once: codes are the same in both languages
		t.Fatalf("%d units, want 8", len(units))
	}
	p, err := s.Plan(plans[0].ID)
	if err != nil || p.Person.Code == "" || p.Person.Unit == "" {
		t.Fatalf("a demo plan's person view = %+v, %v", p.Person, err)
	}
}
