package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"kpiplanner/app"
)

// TestEachPlanInSplitsInOrder walks 2 100 plans in 1 to 4 parts and checks
// that every plan comes exactly once, as Plans gives it, in id order within
// each part and with each part's ids below the next part's.
func TestEachPlanInSplitsInOrder(t *testing.T) {
	db := openTemp(t)
	r := rand.New(rand.NewPCG(5, 6))
	var plans []*app.Plan
	for range 2100 {
		plans = append(plans, randomPlan(r))
	}
	if err := db.SavePlans(plans); err != nil {
		t.Fatal(err)
	}
	if err := db.DeletePlan(plans[900].ID); err != nil { // a gap in the ids
		t.Fatal(err)
	}
	want, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[app.PlanID]*app.Plan{}
	for _, p := range want {
		byID[p.ID] = p
	}
	for parts := 1; parts <= 4; parts++ {
		got := make([][]app.PlanID, parts)
		var bad atomic.Int32
		err := db.EachPlanIn(parts, func(part int, p *app.Plan) error {
			if !reflect.DeepEqual(p, byID[p.ID]) {
				bad.Add(1)
			}
			got[part] = append(got[part], p.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		all := slices.Concat(got...)
		if bad.Load() != 0 || len(all) != len(want) || !slices.IsSorted(all) {
			t.Fatalf("%d parts: %d plans differ from Plans; %d walked, want %d; in order: %v",
				parts, bad.Load(), len(all), len(want), slices.IsSorted(all))
		}
		if parts > 1 && len(got[parts-1]) == 0 {
			t.Errorf("%d parts: the last part walked nothing", parts)
		}
	}
	stop := fmt.Errorf("enough")
	n := 0
	var mu sync.Mutex
	err = db.EachPlanIn(3, func(int, *app.Plan) error {
		mu.Lock()
		defer mu.Unlock()
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if err != stop {
		t.Errorf("EachPlanIn returned %v, want the error fn returned", err)
	}
}

// TestEachPlanInPassesPanicsToTheCaller checks that a panic in one part's
// goroutine (as a broken page gives) reaches the caller's goroutine, where
// the transaction's recovery turns it into a damage error instead of
// crashing the program.
func TestEachPlanInPassesPanicsToTheCaller(t *testing.T) {
	db := openTemp(t)
	r := rand.New(rand.NewPCG(7, 8))
	var plans []*app.Plan
	for range 1200 {
		plans = append(plans, randomPlan(r))
	}
	if err := db.SavePlans(plans); err != nil {
		t.Fatal(err)
	}
	last := plans[len(plans)-1].ID
	err := db.EachPlanIn(2, func(_ int, p *app.Plan) error {
		if p.ID == last {
			panic("unexpected fault address")
		}
		return nil
	})
	if !errors.Is(err, app.ErrDamaged) {
		t.Errorf("EachPlanIn = %v, want an error matching app.ErrDamaged", err)
	}
}
