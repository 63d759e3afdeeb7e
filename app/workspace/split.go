package workspace

import (
	"fmt"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
)

// SplitPlan computes how the target of KPI kpiID of unit plan unit would
// be split over its contributors by method (hand: one weight each for
// ByHand), each part a multiple of step; nothing is saved.
func (w *Workspace) SplitPlan(unit app.PlanID, kpiID string, method cascade.Method, hand []float64, step float64) ([]cascade.Part, error) {
	g, h, err := w.Cascade()
	if err != nil {
		return nil, err
	}
	var p *app.Plan
	for _, q := range g.Plans() {
		if q.ID == unit {
			p = q
		}
	}
	if p == nil {
		return nil, fmt.Errorf("split: plan %d: %w", unit, app.ErrNotFound)
	}
	return g.Split(p, kpiID, method, hand, h.LastCycleOf(), step)
}

// ApplySplit sets each contributor's KPI target to its part, checking each
// plan's lifecycle (reason: for plans approved once), and saves every plan
// with its history in one transaction; nothing is saved on any error.
func (w *Workspace) ApplySplit(parts []cascade.Part, reason string) error {
	look, err := w.loadCloses()
	if err != nil {
		return err
	}
	type change struct {
		after *app.Plan
		edits []app.Edit
	}
	var changes []change
	for _, part := range parts {
		before, err := w.store.Plan(part.Plan.ID)
		if err != nil {
			return fmt.Errorf("split: plan %d: %w", part.Plan.ID, err)
		}
		after := before.Clone()
		k := after.KPI(part.KPI.ID)
		if k == nil {
			return fmt.Errorf("split: plan %s: KPI %s: %w", before.Name, part.KPI.ID, app.ErrNotFound)
		}
		k.Target = part.Target
		edits := app.Diff(before, after)
		if len(edits) == 0 {
			continue
		}
		if after.Status != app.Draft {
			if err := after.Validate(); err != nil {
				return err
			}
		}
		if err := checkEdits(before, after, edits, reason, look); err != nil {
			return fmt.Errorf("plan %s: %w", before.Name, err)
		}
		after.Revision = before.Revision + 1
		changes = append(changes, change{after, edits})
	}
	who, at := w.who(reason), w.now()
	return w.store.Update(func(tx app.Tx) error {
		for _, c := range changes {
			if err := tx.SavePlan(c.after); err != nil {
				return err
			}
			if err := tx.AppendHistory(who.Entries(c.after.UID, at, c.edits)); err != nil {
				return err
			}
		}
		return nil
	})
}
