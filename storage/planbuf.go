package storage

import "kpiplanner/app"

// planBuf is the memory EachPlan decodes every plan into, reused from one
// plan to the next, so walking 50 000 plans allocates almost nothing per
// plan: the plan, its KPIs, their actuals and steps, its rules' group
// weights and bands, and its optional numbers. Strings are never reused.
type planBuf struct {
	p       app.Plan
	kpis    []app.KPI
	acts    [][]app.Actual // by KPI position
	steps   [][]app.StepBand
	weights map[app.Group]float64
	bands   []app.Band
	floats  []float64
}

// grow returns s resliced to n elements, reallocated when its capacity is
// short or s is nil (so an empty list stays distinct from none).
func grow[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// newPlan returns the plan to decode plan id into.
func (r *reader) newPlan(id app.PlanID) *app.Plan {
	if r.buf == nil {
		return &app.Plan{ID: id}
	}
	r.buf.p = app.Plan{ID: id}
	r.floats = r.buf.floats[:0]
	return &r.buf.p
}

// newKPIs returns n zero KPIs.
func (r *reader) newKPIs(n int) []app.KPI {
	if r.buf == nil {
		return make([]app.KPI, n)
	}
	r.buf.kpis = grow(r.buf.kpis, n)
	clear(r.buf.kpis)
	return r.buf.kpis
}

// newSteps returns n steps for the KPI at position i.
func (r *reader) newSteps(i, n int) []app.StepBand {
	if r.buf == nil {
		return make([]app.StepBand, n)
	}
	r.buf.steps = grow(r.buf.steps, max(i+1, len(r.buf.steps)))
	r.buf.steps[i] = grow(r.buf.steps[i], n)
	return r.buf.steps[i]
}

// newWeights returns an empty group weights map for n groups.
func (r *reader) newWeights(n int) map[app.Group]float64 {
	if r.buf == nil {
		return make(map[app.Group]float64, n)
	}
	if r.buf.weights == nil {
		r.buf.weights = make(map[app.Group]float64, n)
	}
	clear(r.buf.weights)
	return r.buf.weights
}

// newBands returns n bands.
func (r *reader) newBands(n int) []app.Band {
	if r.buf == nil {
		return make([]app.Band, n)
	}
	r.buf.bands = grow(r.buf.bands, n)
	return r.buf.bands
}

// keep keeps the reader's float chunk for the next plan.
func (b *planBuf) keep(r *reader) {
	if cap(r.floats) > cap(b.floats) {
		b.floats = r.floats
	}
}

// actualsBuf returns the reusable actuals slice of the KPI at position i, empty.
func (b *planBuf) actualsBuf(i int) []app.Actual {
	b.acts = grow(b.acts, max(i+1, len(b.acts)))
	return b.acts[i][:0]
}

// setActuals keeps as, the actuals of the KPI at position i, for the next plan.
func (b *planBuf) setActuals(i int, as []app.Actual) { b.acts[i] = as }
