// Package demo builds a deterministic synthetic company: people in seven
// departments, each with an active yearly KPI plan and a year of monthly
// actuals, for demos, tests and benchmarks.
package demo

import (
	"math"
	"math/rand/v2"
	"strconv"

	"kpiplanner/app"
)

// Year is the year every demo plan covers.
const Year = 2026

// Generation rates.
const (
	gapRate    = 0.05 // share of period cells left empty
	noDataRate = 0.03 // share of KPIs with no actuals at all
	stepRate   = 0.15 // share of KPIs scored by step bands
	ownCapRate = 0.05 // share of KPIs with their own floor and cap
	minKPIs    = 5
	maxKPIs    = 12
)

// cycle is the cycle every demo plan covers: 2026, reviewed monthly.
var cycle = app.Cycle{
	Start:     app.NewDate(Year, 1, 1),
	End:       app.NewDate(Year, 12, 31),
	Frequency: app.Monthly,
}

// periods are cycle's periods, computed once.
var periods = cycle.Periods()

// kpiIDs are the KPI ids k1…k12 in plan order.
var kpiIDs = func() []string {
	ids := make([]string, maxKPIs)
	for i := range ids {
		ids[i] = "k" + strconv.Itoa(i+1)
	}
	return ids
}()

// stepSets are the step-band schemes some KPIs are scored by.
var stepSets = [][]app.StepBand{
	{{From: 0.8, Score: 50}, {From: 0.9, Score: 80}, {From: 1, Score: 100}, {From: 1.1, Score: 110}},
	{{From: 0.7, Score: 40}, {From: 1, Score: 100}, {From: 1.2, Score: 120}},
	{{From: 0.5, Score: 25}, {From: 0.75, Score: 60}, {From: 1, Score: 100}},
}

// notes are remarks a manager may leave on a KPI.
var notes = []string{
	"Agreed with the department head in the January review.",
	"Target revised after the Q1 budget review.",
	"Data is exported manually on the 3rd working day of each month.",
	"Shared KPI with the neighbouring team; count only own accounts.",
}

// enRationale starts every English KPI's rationale; the goal follows it.
const enRationale = "Supports the goal: "

// Company returns plans for people synthetic employees, written in English;
// the same seed always gives identical plans, and plan i equals Plan(i, seed).
func Company(people int, seed int64) []*app.Plan {
	return CompanyIn(people, seed, "en")
}

// CompanyIn returns the company Company(people, seed) would, written in lang
// ("vi" or "en"; any other value gives English): the numbers are the same in
// every language, only the texts differ.
func CompanyIn(people int, seed int64, lang string) []*app.Plan {
	out := make([]*app.Plan, max(people, 0))
	for i := range out {
		out[i] = PlanIn(i, seed, lang)
	}
	return out
}

// Plan returns the plan of employee i of the company generated from seed,
// written in English. Its ID is 0: storage assigns ids.
func Plan(i int, seed int64) *app.Plan {
	g := &gen{r: rand.New(rand.NewPCG(splitmix(uint64(seed)), splitmix(uint64(i)^0x5eed)))}
	return g.plan()
}

// PlanIn returns Plan(i, seed) written in lang ("vi" or "en"; any other
// value gives English).
func PlanIn(i int, seed int64, lang string) *app.Plan {
	p := Plan(i, seed)
	if lang == "vi" {
		toVietnamese(p)
	}
	return p
}

// splitmix scrambles x so neighbouring seeds start unrelated streams.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// gen draws one plan.
type gen struct {
	r     *rand.Rand
	skill float64 // the person's performance, 1 = on target
	owner string
	why   string // rationale shared by the plan's KPIs
}

func (g *gen) plan() *app.Plan {
	d := g.department()
	person := g.person(d)
	gl := d.goals[g.r.IntN(len(d.goals))]
	g.owner = person.Name
	g.why = enRationale + gl.text
	g.skill = math.Max(0.7, math.Min(1.3, 1+0.12*g.r.NormFloat64()))
	p := &app.Plan{
		Name:   person.Name + " — " + strconv.Itoa(Year),
		Status: app.Approved,
		Person: person,
		Cycle:  cycle,
		Goal:   app.Goal{Text: gl.text, Type: gl.typ},
		Rules:  app.DefaultRules(),
	}
	p.KPIs = g.kpis(d)
	return p
}

// department picks a department in proportion to its headcount share.
func (g *gen) department() *department {
	n := g.r.IntN(totalShare)
	for i := range departments {
		if n < departments[i].share {
			return &departments[i]
		}
		n -= departments[i].share
	}
	return &departments[len(departments)-1]
}

// person draws a name, a position and a base bonus (5–30 million VND).
func (g *gen) person(d *department) app.Person {
	r := g.r
	middle, given := maleMiddle, maleGiven
	if r.IntN(2) == 0 {
		middle, given = femaleMiddle, femaleGiven
	}
	name := familyNames[r.IntN(len(familyNames))] + " " + middle[r.IntN(len(middle))] + " " + given[r.IntN(len(given))]
	level := min(r.IntN(len(d.positions)), r.IntN(len(d.positions))) // juniors are commoner
	frac := (float64(level) + r.Float64()) / float64(len(d.positions))
	return app.Person{
		Name:       name,
		Department: d.name,
		Position:   d.positions[level],
		BaseBonus:  roundTo(5e6+frac*25e6, 1000),
		Currency:   "VND",
	}
}

// kpis draws 5–12 distinct KPIs from the department's and the common pools.
func (g *gen) kpis(d *department) []app.KPI {
	pool := len(d.kpis) + len(commonKPIs)
	idx := make([]int, pool)
	for i := range idx {
		idx[i] = i
	}
	n := minKPIs + g.r.IntN(maxKPIs-minKPIs+1)
	out := make([]app.KPI, n)
	for j := range n {
		s := j + g.r.IntN(pool-j)
		idx[j], idx[s] = idx[s], idx[j]
		var t *tmpl
		if idx[j] < len(d.kpis) {
			t = &d.kpis[idx[j]]
		} else {
			t = &commonKPIs[idx[j]-len(d.kpis)]
		}
		out[j] = g.kpi(t, kpiIDs[j])
	}
	balanceGroups(out)
	return out
}
