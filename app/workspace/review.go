package workspace

import (
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Transition moves plan id one step of the review lifecycle (submit,
// approve, close, reopen) and records it in the plan's history. Reopen needs a
// reason; submit and approve need a valid plan; submit and close need a
// comment on every KPI that is red in a closed period.
func (w *Workspace) Transition(id app.PlanID, a app.Action, reason string) (*app.Plan, error) {
	p, err := w.Plan(id)
	if err != nil {
		return nil, err
	}
	edits, err := step(p, a, reason)
	if err != nil {
		return nil, err
	}
	if err := w.write(p, edits, reason); err != nil {
		return nil, err
	}
	return p, nil
}

// Skipped is a plan a bulk action left alone, and why.
type Skipped struct {
	ID   app.PlanID
	Name string
	Err  error
}

// TransitionMany applies one lifecycle action to many plans in one
// transaction: the plans that can take the step do, the others are listed
// with the reason they were skipped; nothing is written when none can.
func (w *Workspace) TransitionMany(ids []app.PlanID, a app.Action, reason string) (done []app.PlanID, skipped []Skipped, err error) {
	who, at := w.who(reason), w.now()
	err = w.store.Update(func(tx app.Tx) error {
		done, skipped = nil, nil
		for _, id := range ids {
			p, err := tx.Plan(id)
			if err != nil {
				return err
			}
			edits, err := step(p, a, reason)
			if err != nil {
				skipped = append(skipped, Skipped{ID: id, Name: p.Name, Err: err})
				continue
			}
			if err := tx.SavePlan(p); err != nil {
				return err
			}
			if err := tx.AppendHistory(who.Entries(p.UID, at, edits)); err != nil {
				return err
			}
			done = append(done, id)
		}
		return nil
	})
	return done, skipped, err
}

// step applies action a to p in memory and returns its history edit.
func step(p *app.Plan, a app.Action, reason string) ([]app.Edit, error) {
	to, err := p.Status.Next(a)
	if err != nil {
		return nil, err
	}
	if err := stepCheck(p, a, to, reason); err != nil {
		return nil, err
	}
	edit := app.Edit{Path: "status", Old: string(p.Status), New: string(to)}
	p.Status = to
	p.Revision++
	if to == app.Approved {
		p.ApprovedOnce = true
	}
	return []app.Edit{edit}, nil
}

// stepCheck refuses lifecycle step a (to status to) of plan p as it will
// stand: reopen needs a reason, submit and approve a valid plan, submit and
// close a comment on each KPI red in a closed period.
func stepCheck(p *app.Plan, a app.Action, to app.Status, reason string) error {
	if a == app.Reopen && strings.TrimSpace(reason) == "" {
		return &app.RuleError{Kind: app.ErrReasonRequired, Msg: app.M("reopening plan %s needs a reason", p.Name)}
	}
	if a == app.Submit || a == app.Approve {
		if err := p.Validate(); err != nil {
			return err
		}
	}
	if a == app.Submit || a == app.Close {
		if need := score.MissingNotes(p); len(need) > 0 {
			k := p.KPI(need[0].KPI)
			return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("KPI %s scored %s in %s, below %s: it needs a comment before the plan is %s (%d comments missing)",
				k.Name, score.Round2(need[0].Score), p.Cycle.Label(need[0].Period), p.Rules.NoteBelow, to.Word(), len(need))}
		}
	}
	return nil
}

// History returns plan id's history, oldest first.
func (w *Workspace) History(id app.PlanID) ([]app.HistoryEntry, error) {
	p, err := w.Plan(id)
	if err != nil {
		return nil, err
	}
	return w.store.History(p.UID)
}

// ClosePeriod closes month (yyyy-mm) for unit ("" for the whole company):
// actuals of plan periods ending in it refuse edits, and official scores run
// through it. Recorded in the workspace log.
func (w *Workspace) ClosePeriod(unit app.UID, month string) error {
	return w.periodClose(unit, month, true, "")
}

// ReopenPeriod reopens a closed month for unit, with a required reason.
func (w *Workspace) ReopenPeriod(unit app.UID, month, reason string) error {
	return w.periodClose(unit, month, false, reason)
}

func (w *Workspace) periodClose(unit app.UID, month string, closed bool, reason string) error {
	who, at := w.who(reason), w.now()
	c := app.PeriodClose{Unit: unit, Month: strings.TrimSpace(month), Closed: closed, At: at.UTC(), User: who.User, Device: who.Device, Reason: who.Reason}
	if err := c.Validate(); err != nil {
		return err
	}
	edit := app.Edit{Path: "periods[" + c.Month + "]", Old: "open", New: "closed"}
	if !closed {
		edit.Old, edit.New = "closed", "open"
	}
	if unit != "" {
		edit.Path = "units[" + string(unit) + "].periods[" + c.Month + "]"
	}
	return w.store.Update(func(tx app.Tx) error {
		if err := tx.AppendPeriodClose(c); err != nil {
			return err
		}
		return tx.AppendLog(who.Entries("", at, []app.Edit{edit}))
	})
}

// PlansIn returns the ids of the plans in status whose person is in unit or
// a unit below it, in id order: what "approve a unit" acts on.
func (w *Workspace) PlansIn(unit app.UID, status app.Status) ([]app.PlanID, error) {
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, err
	}
	in := app.NewOrg(units).Subtree(unit)
	var ids []app.PlanID
	for _, p := range plans {
		if p.Status == status && p.Person.Unit != "" && in[p.Person.Unit] {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}
