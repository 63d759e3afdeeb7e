package app

import (
	"fmt"
	"strings"
)

// PreviousPlan returns the plan among plans that came before p for the same
// person (same person uid, or without uids the same name): the latest one
// whose cycle ends before p's starts, with the same frequency; nil when none.
func PreviousPlan(plans []*Plan, p *Plan) *Plan {
	var best *Plan
	for _, q := range plans {
		if q == p || q.ID == p.ID && p.ID != 0 || !samePerson(q, p) || q.Cycle.Frequency != p.Cycle.Frequency {
			continue
		}
		if !q.Cycle.End.Before(p.Cycle.Start) {
			continue
		}
		if best == nil || best.Cycle.End.Before(q.Cycle.End) {
			best = q
		}
	}
	return best
}

func samePerson(a, b *Plan) bool {
	if a.PersonUID != "" && b.PersonUID != "" {
		return a.PersonUID == b.PersonUID
	}
	return a.Person.Name != "" && strings.EqualFold(a.Person.Name, b.Person.Name)
}

// SameKPI returns the KPI of p that is k in an earlier or later plan: the
// same id, else the same library entry, else the same name; nil when none.
func (p *Plan) SameKPI(k *KPI) *KPI {
	if q := p.KPI(k.ID); q != nil {
		return q
	}
	for i := range p.KPIs {
		if q := &p.KPIs[i]; k.LibraryID != "" && q.LibraryID == k.LibraryID {
			return q
		}
	}
	for i := range p.KPIs {
		if q := &p.KPIs[i]; strings.EqualFold(strings.TrimSpace(q.Name), strings.TrimSpace(k.Name)) {
			return q
		}
	}
	return nil
}

// PhaseByLastCycle returns targets for k (a KPI of p) split in proportion
// to what the same KPI recorded in each period of the person's previous
// plan among plans (see PreviousPlan and SameKPI).
func PhaseByLastCycle(plans []*Plan, p *Plan, k *KPI) ([]PeriodTarget, error) {
	prev := PreviousPlan(plans, p)
	if prev == nil {
		return nil, fmt.Errorf("KPI %s: %s has no earlier %s plan to take last cycle's shares from", k.ID, p.Person.Name, p.Cycle.Frequency)
	}
	pk := prev.SameKPI(k)
	if pk == nil {
		return nil, fmt.Errorf("KPI %s: the previous plan %q has no such KPI", k.ID, prev.Name)
	}
	shares, err := LastCycleShares(pk, p.Cycle.NumPeriods())
	if err != nil {
		return nil, err
	}
	return PhaseByShares(k, shares)
}
