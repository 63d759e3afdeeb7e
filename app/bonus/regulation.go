package bonus

import "kpiplanner/app"

// Clause is one numbered clause of a bonus regulation.
type Clause struct {
	Title app.Msg
	Lines []app.Msg
}

// Regulation is the bonus regulation (Quy chế thưởng) in words, generated
// from the rules: bands and multipliers, the pool rule, pro-rating and
// eligibility. Messages are English keys translated by the caller's catalog.
type Regulation struct {
	Title   app.Msg
	Cycle   app.Cycle
	Clauses []Clause
}

// Regulate writes the regulation of policy p with the plans' bands and bonus rules r.
func Regulate(p Policy, r app.Rules) Regulation { return regulate(p, r) }
