package main

import (
	"math/rand/v2"
	"reflect"

	"kpiplanner/app"
	"kpiplanner/internal/planrand"
)

// typeDate is compared as a whole by the reflective field lists (reflectdiff_test.go).
var typeDate = reflect.TypeFor[app.Date]()

// randomPlan returns a random valid plan of the round-trip property tests:
// planrand.Plan, which sets every field by reflection, with the derived
// team totals set too (no format carries them; the tests list them as derived).
func randomPlan(r *rand.Rand) *app.Plan {
	p := planrand.Plan(r)
	p.UnitTotals = []float64{planrand.Nice(r)}
	return p
}
