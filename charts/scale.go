package charts

import "math"

// axis is a linear value axis with round ticks.
type axis struct {
	lo, hi   float64   // the axis range
	ticks    []float64 // tick values from lo to hi
	decimals int       // decimals tick labels need
	div      float64   // tick labels show value ÷ div (1, 1e6 or 1e9)
	unit     string    // the label key of div: "", "millions" or "billions"
	pct      bool      // tick labels are percentages
}

// pctAxis returns a nice axis labelled in percent, never scaled.
func pctAxis(lo, hi float64, n int) axis {
	a := niceAxis(lo, hi, n)
	a.div, a.unit, a.pct = 1, "", true
	a.decimals = decimalsFor(a.ticks[min(1, len(a.ticks)-1)] - a.ticks[0])
	return a
}

// niceAxis returns an axis covering [lo, hi] with about n round ticks
// (steps of 1, 2, 2.5 or 5 × a power of ten).
func niceAxis(lo, hi float64, n int) axis {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = 0, 1
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		pad := math.Max(math.Abs(hi)*0.1, 1)
		lo, hi = lo-pad, hi+pad
		if lo < 0 && hi-pad >= 0 {
			lo = 0
		}
	}
	a := axis{div: 1}
	step := niceStep((hi - lo) / float64(max(n, 1)))
	a.lo = math.Floor(lo/step+1e-9) * step
	a.hi = math.Ceil(hi/step-1e-9) * step
	for v := a.lo; v <= a.hi+step/2; v += step {
		a.ticks = append(a.ticks, math.Round(v/step)*step)
	}
	big := math.Max(math.Abs(a.lo), math.Abs(a.hi))
	switch {
	case big >= 1e9:
		a.unit, a.div = "billions", 1e9
	case big >= 1e6:
		a.unit, a.div = "millions", 1e6
	}
	a.decimals = decimalsFor(step / a.div)
	return a
}

// niceStep rounds a raw step up to 1, 2, 2.5 or 5 × a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag*(1+1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// decimalsFor returns how many decimals labels of a step need (0.25 → 2).
func decimalsFor(step float64) int {
	for d := 0; d < 9; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(step*p-math.Round(step*p)) < 1e-6*math.Max(1, step*p) {
			return d
		}
	}
	return 9
}

// label writes tick value v.
func (a axis) label(c *canvas, v float64) string {
	if a.pct {
		return c.pct(v/a.div, a.decimals)
	}
	return c.num(v/a.div, a.decimals)
}

// pos maps v to a pixel between p0 (at lo) and p1 (at hi).
func (a axis) pos(v, p0, p1 float64) float64 {
	if a.hi == a.lo {
		return p0
	}
	return p0 + (v-a.lo)/(a.hi-a.lo)*(p1-p0)
}

// extent returns the smallest and largest finite values of vs, or NaNs.
func extent(vs ...float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if math.IsInf(lo, 1) {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// decimalsOf picks decimals for a value label: none from 100, one from 10,
// two below, fewer when the value is whole.
func decimalsOf(v float64) int {
	a := math.Abs(v)
	switch {
	case a >= 100 || a == math.Trunc(a):
		return 0
	case a >= 10:
		return 1
	}
	return 2
}
