package main

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/plandoc"
	"kpiplanner/app/sheet"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// What each format legitimately does not carry, with the reason. Every
// other field of a random plan must come back exactly.
var (
	notInStorage = map[string]string{
		"Person.Code":   "derived on load from the people registry (the plan's person is not in it here)",
		"Person.Unit":   "derived on load from the people registry",
		"ClosedPeriods": "derived on load from the period closes",
		"UnitTotals":    "derived on load from the unit plan (the team component)",
	}
	notInPlanDoc = map[string]string{
		"ID":            "a plan document's numeric id is local to a workspace and never trusted across workspaces (the uid is)",
		"Person.Code":   "derived on load from the people registry (person_uid is carried)",
		"Person.Unit":   "derived on load from the people registry (person_uid is carried)",
		"ClosedPeriods": "derived on load from the period closes of the workspace",
		"UnitTotals":    "derived on load from the unit plan of the workspace (the team component)",
	}
	notInKPISheet = map[string]string{
		"KPIs[].Actuals": "the KPI sheet holds definitions; actuals travel in the actuals template",
	}
)

// propertyPlans is how many random plans each round trip sees.
const propertyPlans = 25

// failLimit stops a round trip after this many failing plans: one new field
// forgotten by a format fails every plan the same way.
const failLimit = 3

// tooMany reports whether t has failed failLimit times, counting this one.
func tooMany(t *testing.T, fails *int) bool {
	t.Helper()
	if *fails++; *fails >= failLimit {
		t.Errorf("stopping after %d failing plans", failLimit)
		return true
	}
	return false
}

// TestRandomPlansHaveEveryFieldSet checks the generator itself: a field
// added to the domain types gets a value, or this names it.
func TestRandomPlansHaveEveryFieldSet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range propertyPlans {
		unset := unsetFields(*randomPlan(r))
		if len(unset) > 0 {
			t.Fatalf("random plan %d leaves fields at zero: %s (teach randomPlan to set them)", i, strings.Join(unset, ", "))
		}
	}
}

// TestRoundTripRandomPlansThroughStorage saves random plans into a bbolt
// file, reopens it and reads them back.
func TestRoundTripRandomPlansThroughStorage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	path := filepath.Join(t.TempDir(), "k.db")
	want := make([]*app.Plan, propertyPlans)
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		want[i] = randomPlan(r)
		want[i].ID = app.PlanID(i + 1)
		if err := db.SavePlan(want[i].Clone()); err != nil {
			t.Fatalf("save plan %d: %v", i+1, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = storage.Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fails := 0
	for _, w := range want {
		got, err := db.Plan(w.ID)
		if err != nil {
			t.Fatalf("read plan %d: %v", w.ID, err)
		}
		if d := diff(*got, *w, notInStorage); len(d) > 0 {
			t.Errorf("plan %d loses fields in storage:\n  %s", w.ID, strings.Join(d, "\n  "))
			if tooMany(t, &fails) {
				return
			}
		}
	}
}

// TestRoundTripRandomPlansThroughPlanDocument encodes random plans as a
// plan document and decodes them.
func TestRoundTripRandomPlansThroughPlanDocument(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	want := make([]*app.Plan, propertyPlans)
	for i := range want {
		want[i] = randomPlan(r)
		want[i].ID = app.PlanID(i + 1) // a document's ids are unique
	}
	b, err := plandoc.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := plandoc.Unmarshal(b)
	if err != nil || len(got) != len(want) {
		t.Fatalf("decode: %d plans, %v", len(got), err)
	}
	fails := 0
	for i := range want {
		if d := diff(*got[i], *want[i], notInPlanDoc); len(d) > 0 {
			t.Errorf("plan %d loses fields in the plan document (not carried: %s):\n  %s",
				i, notCarried(notInPlanDoc), strings.Join(d, "\n  "))
			if tooMany(t, &fails) {
				return
			}
		}
	}
}

// TestRoundTripRandomPlansThroughKPISheet exports random plans' KPI
// definitions (.xlsx and .csv, English and Vietnamese) and imports them
// into an empty plan of the same cycle, then into the plan itself.
func TestRoundTripRandomPlansThroughKPISheet(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	dir := t.TempDir()
	fails := 0
	for i := range propertyPlans {
		p := randomPlan(r)
		ext, lang := []string{".xlsx", ".csv"}[i%2], []string{"en", "vi"}[i/2%2]
		name := p.Name + " " + ext + " " + lang
		tr, err := i18n.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		files, err := xlsx.WriteKPISheet(context.Background(), filepath.Join(dir, "kpis"+ext), p, xlsx.Options{T: tr.T})
		if err != nil {
			t.Fatalf("%s: export: %v", name, err)
		}
		g, err := xlsx.ReadGrid(files[0])
		if err != nil {
			t.Fatalf("%s: read back: %v", name, err)
		}
		o := sheet.ImportOptions{T: tr.T, ParseNumber: tr.ParseNumber, ParseDate: tr.ParseDate}
		empty := app.NewPlan()
		empty.Cycle, empty.Person = p.Cycle, p.Person
		got, err := sheet.ParseKPIs(empty, g, o).Apply()
		if err != nil {
			t.Errorf("%s: import into an empty plan: %v", name, err)
			if tooMany(t, &fails) {
				return
			}
			continue
		}
		if d := diff(kpisOf(got), kpisOf(p), notInKPISheet); len(d) > 0 {
			t.Errorf("%s: the KPI sheet loses fields (not carried: %s):\n  %s", name, notCarried(notInKPISheet), strings.Join(d, "\n  "))
			if tooMany(t, &fails) {
				return
			}
			continue
		}
		same, err := sheet.ParseKPIs(p, g, o).Apply()
		if err != nil {
			t.Errorf("%s: import into the plan itself: %v", name, err)
		} else if d := diff(kpisOf(same), kpisOf(p), nil); len(d) > 0 {
			t.Errorf("%s: importing a plan's own KPI sheet changes it:\n  %s", name, strings.Join(d, "\n  "))
		}
	}
}

// kpis is the part of a plan the KPI sheet carries.
type kpis struct{ KPIs []app.KPI }

func kpisOf(p *app.Plan) kpis { return kpis{p.KPIs} }

// TestKPISheetKeepsFifteenDigitsOfATarget: a target computed by a program
// (1 + 0.14, stored as 1.1400000000000001) comes back from the .xlsx KPI
// sheet as Excel keeps numbers, to 15 significant digits (excelize writes
// Excel's limit): 1.14 — never cut further. The plan document and the
// database keep every bit.
func TestKPISheetKeepsFifteenDigitsOfATarget(t *testing.T) {
	p := randomPlan(rand.New(rand.NewPCG(9, 10)))
	k := &p.KPIs[0]
	one, tenth := 1.0, 0.1                   // variables: constant arithmetic would be exact
	k.Target, k.Weight = one+0.14, tenth+0.2 // 1.1400000000000001, 0.30000000000000004
	path := filepath.Join(t.TempDir(), "kpis.xlsx")
	if _, err := xlsx.WriteKPISheet(context.Background(), path, p, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	g, err := xlsx.ReadGrid(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sheet.ParseKPIs(p, g, sheet.ImportOptions{}).Apply()
	if err != nil {
		t.Fatal(err)
	}
	fifteen := func(x float64) float64 { v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64); return v }
	if g := got.KPIs[0]; g.Target != fifteen(k.Target) || g.Weight != fifteen(k.Weight) || g.Target != 1.14 {
		t.Errorf("target %v weight %v, want %v and %v", g.Target, g.Weight, fifteen(k.Target), fifteen(k.Weight))
	}
}
