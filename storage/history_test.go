package storage

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
)

// TestDeletePlanFreesItsPerson: deleting the only plan of a person lets the
// person go; the plan's history stays.
func TestDeletePlanFreesItsPerson(t *testing.T) {
	db := openTemp(t)
	lan := app.Employee{Code: "NV0001", Name: "Lan"}
	p := richPlan()
	update(t, db, func(tx app.Tx) error {
		if err := tx.SavePerson(&lan); err != nil {
			return err
		}
		p.PersonUID = lan.UID
		if err := tx.SavePlan(p); err != nil {
			return err
		}
		return tx.AppendHistory([]app.HistoryEntry{{Plan: p.UID, Path: "status", Old: "draft", New: "submitted"}})
	})
	update(t, db, func(tx app.Tx) error { return errors.Join(tx.DeletePlan(p.ID), tx.DeletePerson(lan.UID)) })
	h, err := db.History(p.UID)
	if err != nil || len(h) != 1 || h[0].New != "submitted" || h[0].Seq != 1 {
		t.Errorf("history after deleting the plan: %+v, %v; want its one entry", h, err)
	}
}

// TestAppendHistoryNumbersAfterTheLast: seqs continue per plan across
// transactions, and plans whose uids share leading bytes do not mix.
func TestAppendHistoryNumbersAfterTheLast(t *testing.T) {
	db := openTemp(t)
	a, b := app.UID(strings.Repeat("ab", 15)+"01"), app.UID(strings.Repeat("ab", 15)+"02")
	for round := range 3 {
		es := []app.HistoryEntry{{Plan: b, Path: "x"}, {Plan: a, Path: "y"}, {Plan: b, Path: "z"}}
		update(t, db, func(tx app.Tx) error { return tx.AppendHistory(es) })
		if want := []uint64{uint64(2*round + 1), uint64(round + 1), uint64(2*round + 2)}; es[0].Seq != want[0] || es[1].Seq != want[1] || es[2].Seq != want[2] {
			t.Errorf("round %d: seqs %d %d %d, want %v", round, es[0].Seq, es[1].Seq, es[2].Seq, want)
		}
	}
	ha, _ := db.History(a)
	hb, _ := db.History(b)
	if len(ha) != 3 || len(hb) != 6 || hb[5].Seq != 6 || hb[5].Path != "z" || ha[0].Plan != a {
		t.Errorf("histories: a %+v, b %+v", ha, hb)
	}
}

// TestPlansResolveClosesAndPeople: a plan's person view comes from the
// registry and its closed periods from the closes of its unit's path.
func TestPlansResolveClosesAndPeople(t *testing.T) {
	db := openTemp(t)
	root := app.OrgUnit{Code: "COMPANY", Name: "Company"}
	sales := app.OrgUnit{Code: "SALES", Name: "Kinh doanh"}
	lan := app.Employee{Code: "NV0007", Name: "Trần Thị Lan", Position: "Lead", BaseBonus: 9e6, Currency: "VND"}
	p, other := richPlan(), richPlan() // monthly, January to June 2026
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	update(t, db, func(tx app.Tx) error {
		if err := errors.Join(tx.SaveUnit(&root)); err != nil {
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
		return errors.Join(tx.SavePlan(p), tx.SavePlan(other),
			tx.AppendPeriodClose(app.PeriodClose{Month: "2026-01", Closed: true, At: at}),                 // company
			tx.AppendPeriodClose(app.PeriodClose{Unit: root.UID, Month: "2026-02", Closed: true, At: at}), // root: covers sales
			tx.AppendPeriodClose(app.PeriodClose{Unit: sales.UID, Month: "2026-03", Closed: true, At: at}),
			tx.AppendPeriodClose(app.PeriodClose{Unit: sales.UID, Month: "2026-04", Closed: true, At: at}),
			tx.AppendPeriodClose(app.PeriodClose{Unit: sales.UID, Month: "2026-04", Closed: false, At: at, Reason: "typo"}))
	})
	ps, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	want := app.Person{Name: "Trần Thị Lan", Department: "Kinh doanh", Position: "Lead", BaseBonus: 9e6, Currency: "VND",
		Code: "NV0007", Unit: sales.UID}
	if ps[0].Person != want || ps[0].ClosedPeriods != 3 {
		t.Errorf("plan with a person: %+v, %d closed; want %+v, 3 (Jan company, Feb root, Mar sales; Apr reopened)", ps[0].Person, ps[0].ClosedPeriods, want)
	}
	if ps[1].Person != other.Person || ps[1].ClosedPeriods != 1 {
		t.Errorf("plan without a person: %+v, %d closed; want its own person, 1 (the company's January)", ps[1].Person, ps[1].ClosedPeriods)
	}
	one, err := db.Plan(p.ID)
	if err != nil || one.Person != want || one.ClosedPeriods != 3 {
		t.Errorf("Plan: %+v, %d, %v", one.Person, one.ClosedPeriods, err)
	}
}

// TestTxPlanSeesItsOwnChanges: inside one Update, a plan read after a close,
// a unit's rename or a person's rename is resolved against them.
func TestTxPlanSeesItsOwnChanges(t *testing.T) {
	db := openTemp(t)
	sales := app.OrgUnit{Code: "SALES", Name: "Sales"}
	lan := app.Employee{Code: "NV0001", Name: "Lan"}
	p := richPlan()
	update(t, db, func(tx app.Tx) error {
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
	read := func(tx app.Tx) app.Plan {
		got, err := tx.Plan(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return *got
	}
	update(t, db, func(tx app.Tx) error {
		if got := read(tx); got.ClosedPeriods != 0 || got.Person.Department != "Sales" || got.Person.Name != "Lan" {
			t.Errorf("before: %d closed, %+v", got.ClosedPeriods, got.Person)
		}
		sales.Name, lan.Name = "Kinh doanh", "Trần Thị Lan"
		err := errors.Join(tx.AppendPeriodClose(app.PeriodClose{Month: "2026-01", Closed: true}), tx.SaveUnit(&sales), tx.SavePerson(&lan))
		if got := read(tx); got.ClosedPeriods != 1 || got.Person.Department != "Kinh doanh" || got.Person.Name != "Trần Thị Lan" {
			t.Errorf("after: %d closed, %+v; want 1, Trần Thị Lan of Kinh doanh", got.ClosedPeriods, got.Person)
		}
		return err
	})
}
