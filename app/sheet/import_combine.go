package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"kpiplanner/app"
)

// combine turns the collected parts into changes, checking each actual.
func (im *actualsImport) combine() {
	keys := make([][2]int, 0, len(im.cells))
	for k := range im.cells {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for _, key := range keys {
		pd := im.cells[key]
		if a, ok := im.actual(pd); ok {
			ch := ActualChange{Row: pd.first + 1, KPI: pd.k.ID, Name: pd.k.Name, Period: pd.period, Label: im.periods[pd.period].Label, Actual: a}
			if old, ok := pd.k.ActualAt(pd.period); ok {
				ch.Old = &old
			}
			im.pv.Changes = append(im.pv.Changes, ch)
		}
	}
}

// actual checks one period's parts and returns the actual they make.
func (im *actualsImport) actual(pd *pending) (app.Actual, bool) {
	if pd.k.Aggregation == app.Ratio {
		return im.ratioActual(pd)
	}
	a := app.Actual{Period: pd.period}
	if pd.value == nil {
		return a, false
	}
	a.Value = pd.value.v
	if pd.k.Direction == app.Milestone && a.Value != 0 && a.Value != 1 {
		im.failAt(pd.value, app.M("%q: a milestone takes 1 (done) or 0 (not done)", strings.TrimSpace(pd.value.raw)))
		return a, false
	}
	return a, true
}

// ratioActual checks the numerator and denominator of one period of a
// ratio KPI, either of which may be left to the actual recorded before,
// and returns the actual they make.
func (im *actualsImport) ratioActual(pd *pending) (app.Actual, bool) {
	a := app.Actual{Period: pd.period}
	label := im.periods[pd.period].Label
	old, had := pd.k.ActualAt(pd.period)
	num, den := pd.num, pd.den
	switch {
	case num == nil && den == nil:
		return a, false
	case num == nil && !had:
		im.failAt(den, app.M("%s: the numerator for period %s is missing", pd.k.Name, label))
		return a, false
	case den == nil && !had:
		im.failAt(num, app.M("%s: the denominator for period %s is missing", pd.k.Name, label))
		return a, false
	}
	a.Value, a.Den = old.Value, old.Den
	at := num
	if num != nil {
		a.Value = num.v
	}
	if den != nil {
		a.Den, at = den.v, den
	}
	switch {
	case a.Den < 0:
		im.failAt(at, app.M("%q: the denominator must not be negative", fmtNum(a.Den)))
		return a, false
	case a.Den == 0 && a.Value != 0:
		im.failAt(at, app.M("%q: the denominator must not be 0 when the numerator is not 0", fmt.Sprintf("%s/%s", fmtNum(a.Value), fmtNum(a.Den))))
		return a, false
	}
	return a, true
}

// failAt records the error m of the cell part p came from.
func (im *actualsImport) failAt(p *part, m app.Msg) {
	im.pv.Errors = append(im.pv.Errors, &CellError{Row: p.row + 1, Column: p.col, Value: p.raw, Msg: m})
}
