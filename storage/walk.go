package storage

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// EachPlanIn is EachPlan over parts contiguous ranges of plan ids, walked
// at the same time, one goroutine each, in one read transaction: fn(part, p)
// is called concurrently for different parts, in id order within a part,
// and every plan of part i has a lower id than every plan of part i+1. Each
// part decodes its plans into its own reused memory, as EachPlan does. The
// first error (from fn or a damaged record) stops every part.
func (db *DB) EachPlanIn(parts int, fn func(part int, p *app.Plan) error) error {
	var inner error
	var once sync.Once
	err := db.view(func(tx *bolt.Tx) error {
		return walkPlans(tx, max(parts, 1), true, func(part int, p *app.Plan) error {
			err := fn(part, p)
			if err != nil {
				once.Do(func() { inner = err })
			}
			return err
		})
	})
	switch {
	case inner != nil:
		return inner
	case err != nil:
		return fmt.Errorf("storage: load plans: %w", err)
	}
	return nil
}

// eachPlan decodes every plan of tx with its actuals, resolved against the
// registry, and hands it to fn, in id order. Shared texts (and the
// registry's) are read once for all plans. With reuse, every plan is
// decoded into the same memory (planBuf): fn must not keep the plan, its
// slices, maps or pointers, only its strings and values.
func eachPlan(tx *bolt.Tx, reuse bool, fn func(*app.Plan) error) error {
	return walkPlans(tx, 1, reuse, func(_ int, p *app.Plan) error { return fn(p) })
}

// walkPlans is eachPlan over parts ranges of ids at once. The goroutines
// share tx, read-only: each has its own cursors, and the buckets, registry
// and shared texts are looked up before they start and only read after
// (etcd's backend shares one bbolt read transaction among readers the same way).
func walkPlans(tx *bolt.Tx, parts int, reuse bool, fn func(int, *app.Plan) error) error {
	plans, acts, err := planBuckets(tx)
	if err != nil {
		return err
	}
	w := &walk{plans: plans, acts: acts, reuse: reuse, fn: fn}
	if w.reg, err = loadRegistry(tx, map[string]string{}); err != nil {
		return err
	}
	if w.shared, err = sharedTexts(tx, true, nil); err != nil {
		return err
	}
	bounds := splitKeys(plans, parts)
	if len(bounds) <= 2 {
		return w.part(0, bounds[0], nil)
	}
	errs := make([]error, len(bounds)-1)
	panics := make([]any, len(errs))
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { // a broken page panics: pass it to the caller's goroutine, whose view recovers it
				if r := recover(); r != nil {
					panics[i] = r
					w.stop.Store(true)
				}
			}()
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // as view does for its own goroutine
			errs[i] = w.part(i, bounds[i], bounds[i+1])
			if errs[i] != nil {
				w.stop.Store(true)
			}
		}()
	}
	wg.Wait()
	for _, r := range panics {
		if r != nil {
			panic(r)
		}
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, errStopped) {
			return err
		}
	}
	return nil
}

// walk is one walk over the plans, shared by its parts.
type walk struct {
	plans, acts *bolt.Bucket
	reg         *app.Registry
	shared      func(uint64) (string, error)
	reuse       bool
	fn          func(int, *app.Plan) error
	stop        atomic.Bool // set by the first part that fails
}

// errStopped ends a part because another one failed.
var errStopped = errors.New("stopped: another part of the walk failed")

// part walks the plans with keys in [from, to) (to nil: to the end).
func (w *walk) part(n int, from, to []byte) error {
	var buf *planBuf
	if w.reuse {
		buf = &planBuf{}
	}
	ac, pc := w.acts.Cursor(), w.plans.Cursor()
	ak, av := ac.Seek(from)
	for k, v := pc.Seek(from); k != nil && (to == nil || bytes.Compare(k, to) < 0); k, v = pc.Next() {
		if w.stop.Load() {
			return errStopped
		}
		p, err := decodePlanIn(k, v, w.shared, nil, buf)
		if err != nil {
			return err
		}
		if ak != nil && bytes.Compare(ak, k) < 0 {
			ak, av = ac.Seek(k) // skip actuals of no plan
		}
		for ; ak != nil && bytes.HasPrefix(ak, k); ak, av = ac.Next() {
			if err := attachActualsIn(p, ak, av, buf); err != nil {
				return err
			}
		}
		w.reg.Resolve(p)
		if err := w.fn(n, p); err != nil {
			return err
		}
	}
	return nil
}

// splitKeys returns parts+1 bounds (fewer for few plans) cutting the plan
// ids from the first to the last into ranges of equal width: the first
// bound is the first key (or a zero key), the last is nil (the end).
func splitKeys(plans *bolt.Bucket, parts int) [][]byte {
	c := plans.Cursor()
	first, _ := c.First()
	last, _ := c.Last()
	if first == nil || parts <= 1 || idOf(last)-idOf(first) < app.PlanID(parts*minPartPlans) {
		return [][]byte{planKey(0), nil}
	}
	lo, span := uint64(idOf(first)), uint64(idOf(last)-idOf(first))+1
	bounds := [][]byte{planKey(0)}
	for i := 1; i < parts; i++ {
		bounds = append(bounds, planKey(app.PlanID(lo+span*uint64(i)/uint64(parts))))
	}
	return append(bounds, nil)
}

// minPartPlans is the fewest plan ids a part of a walk covers: below that a
// goroutine costs more than it saves.
const minPartPlans = 500
