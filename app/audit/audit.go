// Package audit checks the quality of a company's KPI plans: SMART fails
// per letter, vanity metrics, too many KPIs, group weights, empty groups,
// KPIs without a data source or owner, sandbagged or implausible targets,
// duplicated KPIs, drafts near the cycle's start and red KPIs without a
// comment. It is pure: it works on plans already loaded.
package audit

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
	"kpiplanner/app/smart"
)

// Problem is a kind of quality problem.
type Problem string

// The problems, in the order they are listed.
const (
	SmartS         Problem = "smart-s"
	SmartM         Problem = "smart-m"
	SmartA         Problem = "smart-a"
	SmartR         Problem = "smart-r"
	SmartT         Problem = "smart-t"
	Vanity         Problem = "vanity"
	TooManyKPIs    Problem = "too-many-kpis"
	GroupWeights   Problem = "group-weights"
	EmptyGroup     Problem = "empty-group"
	NoDataSource   Problem = "no-data-source"
	NoOwner        Problem = "no-owner"
	Sandbagging    Problem = "sandbagging"
	Implausible    Problem = "implausible-growth"
	Duplicate      Problem = "duplicate-kpi"
	DraftLate      Problem = "draft-near-start"
	MissingComment Problem = "missing-comment"
)

// Problems lists every Problem in listing order.
var Problems = []Problem{SmartS, SmartM, SmartA, SmartR, SmartT, Vanity, TooManyKPIs, GroupWeights, EmptyGroup,
	NoDataSource, NoOwner, Sandbagging, Implausible, Duplicate, DraftLate, MissingComment}

// labels are the problems' names, English keys of the translation catalog.
var labels = map[Problem]string{
	SmartS:         i18n.N("SMART: not specific"),
	SmartM:         i18n.N("SMART: not measurable"),
	SmartA:         i18n.N("SMART: not achievable"),
	SmartR:         i18n.N("SMART: not relevant"),
	SmartT:         i18n.N("SMART: not time-bound"),
	Vanity:         i18n.N("Vanity metric"),
	TooManyKPIs:    i18n.N("More than 7 KPIs"),
	GroupWeights:   i18n.N("Group weights do not sum to 100"),
	EmptyGroup:     i18n.N("Weighted group without KPIs"),
	NoDataSource:   i18n.N("No data source"),
	NoOwner:        i18n.N("No owner"),
	Sandbagging:    i18n.N("Target below last cycle's actual"),
	Implausible:    i18n.N("Target beyond plausible growth"),
	Duplicate:      i18n.N("Duplicated KPI"),
	DraftLate:      i18n.N("Still a draft near the cycle's start"),
	MissingComment: i18n.N("Red KPI without a comment"),
}

// Label returns the problem's name as an English translation key.
func (p Problem) Label() string { return labels[p] }

// DraftLead is how many days before its cycle's start a draft plan counts as late.
const DraftLead = 14

// Finding is one problem found in one plan, at one KPI or at the plan.
type Finding struct {
	Problem Problem
	Plan    app.PlanID
	Name    string  // the plan's name
	Person  string  // the plan's person
	Unit    app.UID // the plan's unit: its own unit for a unit plan, else its person's
	KPI     string  // the KPI's id; "" for the plan
	KPIName string
	Detail  app.Msg // what exactly is wrong
}

// Count is how often one problem was found.
type Count struct {
	Problem Problem
	N       int
}

// Report is the audit of a set of plans.
type Report struct {
	Findings []Finding
	Counts   []Count // every problem, most frequent first (ties in listing order)
}

// Options tune an audit.
type Options struct {
	Catalog smart.Catalog          // what the KPI library knows; nil: nothing
	Today   app.Date               // the date drafts are judged on
	Keep    func(p *app.Plan) bool // only these plans (a unit subtree); nil: all
	// History finds each plan's previous cycle; nil builds it from the plans.
	History *cascade.History
}

// Run audits plans.
func Run(plans []*app.Plan, o Options) Report {
	h := o.History
	if h == nil {
		h = cascade.NewHistory(plans)
	}
	a := &auditor{o: o, h: h}
	for _, p := range plans {
		if o.Keep == nil || o.Keep(p) {
			a.plan(p)
		}
	}
	return Report{Findings: a.out, Counts: countOf(a.out)}
}

// countOf counts findings per problem.
func countOf(fs []Finding) []Count {
	n := map[Problem]int{}
	for _, f := range fs {
		n[f.Problem]++
	}
	out := make([]Count, len(Problems))
	for i, p := range Problems {
		out[i] = Count{p, n[p]}
	}
	slices.SortStableFunc(out, func(a, b Count) int { return cmp.Compare(b.N, a.N) })
	return out
}

type auditor struct {
	o   Options
	h   *cascade.History
	out []Finding
}

func (a *auditor) add(p *app.Plan, k *app.KPI, pr Problem, detail app.Msg) {
	f := Finding{Problem: pr, Plan: p.ID, Name: p.Name, Person: p.Person.Name, Unit: cmp.Or(p.UnitUID, p.Person.Unit), Detail: detail}
	if k != nil {
		f.KPI, f.KPIName = k.ID, k.Name
	}
	a.out = append(a.out, f)
}

var letterProblem = map[smart.Letter]Problem{smart.Specific: SmartS, smart.Measurable: SmartM,
	smart.Achievable: SmartA, smart.Relevant: SmartR, smart.TimeBound: SmartT}

func (a *auditor) plan(p *app.Plan) {
	a.planLevel(p)
	names := map[string]string{}
	for i := range p.KPIs {
		k := &p.KPIs[i]
		for _, c := range smart.KPI(p, k, a.o.Catalog) {
			if c.Verdict == smart.Fail {
				a.add(p, k, letterProblem[c.Letter], c.Reason)
			}
		}
		if strings.TrimSpace(k.DataSource) == "" {
			a.add(p, k, NoDataSource, app.M("no data source: say where the actuals come from"))
		}
		if strings.TrimSpace(k.Owner) == "" {
			a.add(p, k, NoOwner, app.M("no owner: say who answers for it"))
		}
		key := strings.ToLower(strings.Join(strings.Fields(k.Name), " "))
		if first, dup := names[key]; dup {
			a.add(p, k, Duplicate, app.M("the same KPI as %s", first))
		} else {
			names[key] = k.ID
		}
		a.lastCycle(p, k)
	}
	for _, n := range score.MissingNotes(p) {
		a.add(p, p.KPI(n.KPI), MissingComment, app.M("%s scores %.0f in %s and has no comment", p.KPI(n.KPI).Name, n.Score, p.Cycle.Label(n.Period)))
	}
}

// planLevel adds the plan-level problems: too many KPIs, group weights,
// empty groups, vanity metrics, a draft near its cycle's start.
func (a *auditor) planLevel(p *app.Plan) {
	if n := len(p.KPIs); n > smart.MaxKPIs {
		a.add(p, nil, TooManyKPIs, app.M("%d KPIs", n))
	}
	sum := 0.0
	for _, w := range p.Rules.GroupWeights {
		sum += w
	}
	if math.Abs(sum-100) > 1e-9 {
		a.add(p, nil, GroupWeights, app.M("group weights sum to %g", sum))
	}
	for _, g := range app.Groups {
		if w := p.Rules.GroupWeights[g]; w > 0 && !slices.ContainsFunc(p.KPIs, func(k app.KPI) bool { return k.Group == g }) {
			a.add(p, nil, EmptyGroup, app.M("group %s has weight %g but no KPI", g, w))
		}
	}
	if a.o.Catalog != nil {
		for i := range p.KPIs {
			if k := &p.KPIs[i]; k.LibraryID != "" && a.o.Catalog.Vanity(k.LibraryID) {
				a.add(p, k, Vanity, app.M("a vanity metric: it looks good but may not move the goal"))
			}
		}
	}
	if p.Status == app.Draft && !a.o.Today.IsZero() && !a.o.Today.Before(p.Cycle.Start.AddDays(-DraftLead)) && !a.o.Today.After(p.Cycle.End) {
		a.add(p, nil, DraftLate, app.M("still a draft; the cycle starts %s", p.Cycle.Start))
	}
}

// lastCycle compares k's target with the actual of the same KPI in the
// owner's previous cycle: below it (for a higher-is-better KPI; above it
// for lower-is-better) is sandbagging; a growth from it that the SMART
// achievability check fails is implausible.
func (a *auditor) lastCycle(p *app.Plan, k *app.KPI) {
	if k.Direction != app.Higher && k.Direction != app.Lower {
		return
	}
	last, ok := a.h.LastActual(p, k)
	if !ok || math.IsNaN(last) {
		return
	}
	if k.Aggregation == app.Sum { // a sum over a cycle of another length, scaled to this one
		q, _ := a.h.PreviousKPI(p, k)
		if n := q.Cycle.NumPeriods(); n > 0 && q.Cycle.Frequency == p.Cycle.Frequency {
			last *= float64(p.Cycle.NumPeriods()) / float64(n)
		}
	}
	if k.Direction == app.Higher && k.Target < last || k.Direction == app.Lower && k.Target > last {
		a.add(p, k, Sandbagging, app.M("target %g against %g last cycle", k.Target, last))
		return
	}
	probe := *k
	probe.Baseline = &last
	for _, c := range smart.KPI(p, &probe, nil) {
		if c.Letter == smart.Achievable && c.Verdict == smart.Fail {
			a.add(p, k, Implausible, app.M("target %g against %g last cycle: %s", k.Target, last, c.Reason))
		}
	}
}
