package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"kpiplanner/app"
)

// TestCompanyRoundTripProperty saves random people, units, plans (half of
// them referring to a person), history entries, log entries and period
// closes in one Update, reopens the file and reads everything back.
func TestCompanyRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	path := filepath.Join(t.TempDir(), "company.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	units := make([]app.OrgUnit, 6)
	people := make([]app.Employee, 30)
	plans := make([]*app.Plan, 40)
	var hist, logs []app.HistoryEntry
	closes := make([]app.PeriodClose, 5)
	err = db.Update(func(tx app.Tx) error {
		for i := range units {
			units[i] = randomUnit(r, fmt.Sprintf("U%02d", len(units)-i)) // codes in reverse order of saving
			if err := tx.SaveUnit(&units[i]); err != nil {
				return err
			}
		}
		for i := range people {
			people[i] = randomEmployee(r, app.CodeFor(len(people)-i))
			people[i].Unit = units[i%len(units)].UID
			if err := tx.SavePerson(&people[i]); err != nil {
				return err
			}
		}
		for i := range plans {
			plans[i] = randomPlan(r)
			if i%2 == 0 {
				plans[i].PersonUID = people[i%len(people)].UID
			}
			if err := tx.SavePlan(plans[i]); err != nil {
				return err
			}
		}
		for i := range closes {
			fill(r, reflect.ValueOf(&closes[i]).Elem())
			closes[i].Month = fmt.Sprintf("2026-%02d", 1+i)
			closes[i].Unit = []app.UID{"", units[1].UID}[i%2]
			if err := tx.AppendPeriodClose(closes[i]); err != nil {
				return err
			}
		}
		hist, logs = randomEntries(r, plans, 200), randomEntries(r, plans, 20)
		if err := tx.AppendHistory(hist); err != nil {
			return err
		}
		return tx.AppendLog(logs)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkRegistry(t, db, people, units, closes)
	checkPlansResolved(t, db, plans, app.NewRegistry(people, units, closes))
	checkHistory(t, db, plans, hist, logs)
}

// randomEntries returns n random entries of the given plans, seq unset.
func randomEntries(r *rand.Rand, plans []*app.Plan, n int) []app.HistoryEntry {
	out := make([]app.HistoryEntry, n)
	for i := range out {
		fill(r, reflect.ValueOf(&out[i]).Elem())
		out[i].Plan, out[i].Seq = plans[r.IntN(len(plans))].UID, 0
	}
	return out
}

func checkRegistry(t *testing.T, db *DB, people []app.Employee, units []app.OrgUnit, closes []app.PeriodClose) {
	t.Helper()
	gotPeople, err := db.People()
	if err != nil {
		t.Fatal(err)
	}
	for i := range gotPeople { // saved as NV0030 … NV0001: read back by code
		if want := people[len(people)-1-i]; !reflect.DeepEqual(gotPeople[i], want) {
			t.Errorf("person %d:\n got %+v\nwant %+v", i, gotPeople[i], want)
		}
	}
	gotUnits, err := db.Units()
	if err != nil {
		t.Fatal(err)
	}
	for i := range gotUnits {
		if want := units[len(units)-1-i]; !reflect.DeepEqual(gotUnits[i], want) {
			t.Errorf("unit %d:\n got %+v\nwant %+v", i, gotUnits[i], want)
		}
	}
	if len(gotPeople) != len(people) || len(gotUnits) != len(units) {
		t.Errorf("%d people, %d units; want %d, %d", len(gotPeople), len(gotUnits), len(people), len(units))
	}
	gotCloses, err := db.PeriodCloses()
	if err != nil || !reflect.DeepEqual(gotCloses, closes) {
		t.Errorf("period closes (%v):\n got %+v\nwant %+v", err, gotCloses, closes)
	}
}

// checkPlansResolved checks each plan reads back as saved, with its derived
// fields as reg resolves them, through Plans, Plan, PlanByUID and Tx.Plan.
func checkPlansResolved(t *testing.T, db *DB, plans []*app.Plan, reg *app.Registry) {
	t.Helper()
	all, err := db.Plans()
	if err != nil || len(all) != len(plans) {
		t.Fatalf("Plans: %d, %v; want %d", len(all), err, len(plans))
	}
	for i, saved := range plans {
		copied := *saved // Resolve sets value fields only
		want := &copied
		reg.Resolve(want)
		if want.PersonUID != "" && (want.Person.Code == "" || want.Person.Unit == "") {
			t.Fatalf("plan %d: the registry did not resolve person %s", want.ID, want.PersonUID)
		}
		one, err := db.Plan(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		byUID, err := db.PlanByUID(want.UID)
		if err != nil {
			t.Fatal(err)
		}
		var inTx *app.Plan
		err = db.Update(func(tx app.Tx) error {
			var err error
			inTx, err = tx.Plan(want.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]*app.Plan{"Plans": all[i], "Plan": one, "PlanByUID": byUID, "Tx.Plan": inTx} {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: plan %d:\n got %+v\nwant %+v", name, want.ID, got, want)
			}
		}
	}
}

func checkHistory(t *testing.T, db *DB, plans []*app.Plan, hist, logs []app.HistoryEntry) {
	t.Helper()
	byPlan := map[app.UID][]app.HistoryEntry{}
	for _, e := range hist {
		if want := uint64(len(byPlan[e.Plan]) + 1); e.Seq != want {
			t.Errorf("entry of plan %s numbered %d, want %d", e.Plan, e.Seq, want)
		}
		byPlan[e.Plan] = append(byPlan[e.Plan], e)
	}
	for _, p := range plans {
		got, err := db.History(p.UID)
		if err != nil {
			t.Fatal(err)
		}
		if want := byPlan[p.UID]; !reflect.DeepEqual(got, want) {
			t.Errorf("history of plan %d:\n got %+v\nwant %+v", p.ID, got, want)
		}
	}
	got, err := db.WorkspaceLog()
	for i := range logs {
		if logs[i].Seq != uint64(i+1) {
			t.Errorf("log entry %d numbered %d", i+1, logs[i].Seq)
		}
	}
	if err != nil || !reflect.DeepEqual(got, logs) {
		t.Errorf("workspace log (%v):\n got %+v\nwant %+v", err, got, logs)
	}
}

// TestUpdateAllOrNothing: when fn fails, nothing it wrote lands and the ids,
// uids and seqs given to new records are taken back; the error is fn's own.
func TestUpdateAllOrNothing(t *testing.T) {
	db := openTemp(t)
	kept := richPlan()
	if err := db.SavePlan(kept); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	plan, person, unit := richPlan(), app.Employee{Code: "NV0001", Name: "Lan"}, app.OrgUnit{Code: "SALES", Name: "Sales"}
	entries := []app.HistoryEntry{{Plan: kept.UID, Path: "name", New: "x"}}
	err := db.Update(func(tx app.Tx) error {
		for _, step := range []func() error{
			func() error { return tx.SaveUnit(&unit) },
			func() error { person.Unit = unit.UID; return tx.SavePerson(&person) },
			func() error { plan.PersonUID = person.UID; return tx.SavePlan(plan) },
			func() error { return tx.AppendHistory(entries) },
			func() error { return tx.AppendLog([]app.HistoryEntry{{Path: "plan"}}) },
			func() error { return tx.AppendPeriodClose(app.PeriodClose{Month: "2026-01", Closed: true}) },
			func() error {
				return tx.SaveActuals(kept.ID, "leads", []app.Actual{{Period: 0, Value: 1, Comment: "x"}})
			},
			func() error { return tx.SetSetting("user", "lan") },
			func() error { return tx.DeletePlan(kept.ID) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		if entries[0].Seq != 1 || plan.ID != 2 || person.UID == "" || unit.UID == "" {
			t.Errorf("inside: seq %d, plan id %d, person %q, unit %q; want them given", entries[0].Seq, plan.ID, person.UID, unit.UID)
		}
		return fmt.Errorf("step 10: %w", boom)
	})
	if !errors.Is(err, boom) || strings.HasPrefix(err.Error(), "storage") {
		t.Errorf("error %v, want fn's own", err)
	}
	if plan.ID != 0 || plan.UID != "" || person.UID != "" || unit.UID != "" || entries[0].Seq != 0 {
		t.Errorf("after the failure: plan %d %q, person %q, unit %q, seq %d; want all reset", plan.ID, plan.UID, person.UID, unit.UID, entries[0].Seq)
	}
	assertEmptyCompany(t, db)
	got, err := db.Plans()
	if err != nil || len(got) != 1 {
		t.Fatalf("%d plans (%v), want only the kept one", len(got), err)
	}
	assertPlan(t, got[0], kept)
	if v, _ := db.Setting("user"); v != "" {
		t.Errorf("setting user = %q, want unset", v)
	}
}

// TestFailedCallTakesBackItsGifts: a Tx call that fails gives nothing to
// its record, even when fn carries on and the transaction commits.
func TestFailedCallTakesBackItsGifts(t *testing.T) {
	db := openTemp(t)
	lan := app.Employee{Code: "NV0001", Name: "Lan"}
	twin := app.Employee{Code: "NV0001", Name: "Lan's twin"}
	entries := []app.HistoryEntry{{Plan: app.NewUID(), Path: "a"}, {Plan: "not a uid", Path: "b"}}
	update(t, db, func(tx app.Tx) error {
		if err := tx.SavePerson(&lan); err != nil {
			return err
		}
		if err := tx.SavePerson(&twin); err == nil {
			t.Error("a second NV0001 was saved")
		}
		if err := tx.AppendHistory(entries); err == nil {
			t.Error("an entry of plan \"not a uid\" was appended")
		}
		return nil // carry on: commit
	})
	if twin.UID != "" || entries[0].Seq != 0 {
		t.Errorf("failed calls left uid %q, seq %d; want none", twin.UID, entries[0].Seq)
	}
	if h, err := db.History(entries[0].Plan); err != nil || len(h) != 0 {
		t.Errorf("history of the failed append: %+v, %v; want none written", h, err)
	}
	if people, _ := db.People(); len(people) != 1 || people[0] != lan {
		t.Errorf("people %+v, want only Lan", people)
	}
}

func assertEmptyCompany(t *testing.T, db *DB) {
	t.Helper()
	people, err1 := db.People()
	units, err2 := db.Units()
	closes, err3 := db.PeriodCloses()
	logs, err4 := db.WorkspaceLog()
	if err := errors.Join(err1, err2, err3, err4); err != nil || len(people)+len(units)+len(closes)+len(logs) > 0 {
		t.Errorf("left behind: %d people, %d units, %d closes, %d log entries (%v)", len(people), len(units), len(closes), len(logs), err)
	}
}

// TestCodesAreUnique: a second person or unit with a taken code is refused
// naming the code; changing a code frees the old one.
func TestCodesAreUnique(t *testing.T) {
	db := openTemp(t)
	lan := app.Employee{Code: "NV0001", Name: "Lan"}
	sales := app.OrgUnit{Code: "SALES", Name: "Sales"}
	update(t, db, func(tx app.Tx) error { return errors.Join(tx.SavePerson(&lan), tx.SaveUnit(&sales)) })
	binh := app.Employee{Code: "NV0001", Name: "Bình"}
	err := db.Update(func(tx app.Tx) error { return tx.SavePerson(&binh) })
	if !errors.Is(err, app.ErrInvalid) || !strings.Contains(err.Error(), "employee code NV0001 is already used by Lan") {
		t.Errorf("duplicate employee code: %v, want ErrInvalid naming NV0001 and Lan", err)
	}
	if binh.UID != "" {
		t.Errorf("refused person kept uid %s", binh.UID)
	}
	other := app.OrgUnit{Code: "SALES", Name: "Sales 2"}
	if err := db.Update(func(tx app.Tx) error { return tx.SaveUnit(&other) }); !errors.Is(err, app.ErrInvalid) ||
		!strings.Contains(err.Error(), "unit code SALES is already used by Sales") {
		t.Errorf("duplicate unit code: %v", err)
	}
	lan.Code = "NV0100" // frees NV0001
	update(t, db, func(tx app.Tx) error { return errors.Join(tx.SavePerson(&lan), tx.SavePerson(&binh)) })
	people, err := db.People()
	if err != nil || len(people) != 2 || people[0].Name != "Bình" || people[0].Code != "NV0001" || people[1].Code != "NV0100" {
		t.Errorf("people after the code change: %+v, %v; want Bình NV0001, Lan NV0100", people, err)
	}
	bad := app.Employee{Code: "NV 2", Name: ""}
	if err := db.Update(func(tx app.Tx) error { return tx.SavePerson(&bad) }); !errors.Is(err, app.ErrInvalid) ||
		!strings.Contains(err.Error(), "code") || !strings.Contains(err.Error(), "name") {
		t.Errorf("invalid person: %v, want ErrInvalid naming code and name", err)
	}
}

// update runs fn in db.Update and fails the test on an error.
func update(t *testing.T, db *DB, fn func(app.Tx) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// TestDeleteRefusals: a person a plan refers to, a unit a person or unit
// refers to cannot be deleted; once free they can.
func TestDeleteRefusals(t *testing.T) {
	db := openTemp(t)
	root := app.OrgUnit{Code: "COMPANY", Name: "Company"}
	sales := app.OrgUnit{Code: "SALES", Name: "Sales"}
	lan := app.Employee{Code: "NV0001", Name: "Lan"}
	p := richPlan()
	update(t, db, func(tx app.Tx) error {
		if err := tx.SaveUnit(&root); err != nil {
			return err
		}
		sales.Parent = root.UID
		if err := tx.SaveUnit(&sales); err != nil {
			return err
		}
		lan.Unit = sales.UID
		if err := tx.SavePerson(&lan); err != nil {
			return err
		}
		p.PersonUID = lan.UID
		return tx.SavePlan(p)
	})
	for name, tc := range map[string]struct {
		del  func(app.Tx) error
		want string
	}{
		"person of a plan":  {func(tx app.Tx) error { return tx.DeletePerson(lan.UID) }, "NV0001 (Lan) cannot be deleted: plans refer to the person (1 in all, such as plan 1: Marketing"},
		"unit of a person":  {func(tx app.Tx) error { return tx.DeleteUnit(sales.UID) }, "unit SALES (Sales) cannot be deleted: NV0001 (Lan) belongs to it"},
		"parent of a unit":  {func(tx app.Tx) error { return tx.DeleteUnit(root.UID) }, "unit COMPANY (Company) cannot be deleted: unit SALES (Sales) is part of it"},
		"unknown person":    {func(tx app.Tx) error { return tx.DeletePerson(app.NewUID()) }, "not found"},
		"unknown unit":      {func(tx app.Tx) error { return tx.DeleteUnit(app.NewUID()) }, "not found"},
		"unknown plan":      {func(tx app.Tx) error { return tx.DeletePlan(99) }, "not found"},
		"history of a typo": {func(tx app.Tx) error { return tx.AppendHistory([]app.HistoryEntry{{Plan: "p1"}}) }, "uid \"p1\""},
	} {
		if err := db.Update(tc.del); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error containing %q", name, err, tc.want)
		}
	}
	if err := db.Update(func(tx app.Tx) error { return tx.DeletePerson(lan.UID) }); !errors.Is(err, app.ErrInvalid) {
		t.Errorf("refusal %v does not match ErrInvalid", err)
	}
	// Moving the plan to nobody frees the person; then the units free in turn.
	p.PersonUID = ""
	update(t, db, func(tx app.Tx) error {
		return errors.Join(tx.SavePlan(p), tx.DeletePerson(lan.UID), tx.DeleteUnit(sales.UID), tx.DeleteUnit(root.UID))
	})
	assertEmptyCompany(t, db)
	again := app.Employee{Code: "NV0001", Name: "Lan again"} // the deleted person's code is free
	update(t, db, func(tx app.Tx) error { return tx.SavePerson(&again) })
}
