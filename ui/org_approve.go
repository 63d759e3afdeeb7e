package ui

import (
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

// skippedShown is how many skipped plans a bulk approval names.
const skippedShown = 10

// onApproveUnit approves, in one transaction, every submitted plan of a
// person in the selected unit or a unit below it, after saying how many.
func (o *orgScreen) onApproveUnit() {
	unit := o.selected()
	if unit == nil {
		return
	}
	u := o.u
	var ids []app.PlanID
	u.notify(u.T("Looking for the submitted plans of %s…", unit.Name))
	u.async(func() error {
		var err error
		ids, err = u.ws.PlansIn(unit.UID, app.Submitted)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(ids) == 0 {
			u.notify(u.T("%s and the units below it have no submitted plan to approve.", unit.Name))
			return
		}
		u.confirm(u.T("Approve plans"), u.T("Approve the %d submitted plans of %s and the units below it? Their targets and weights then change only after a reopen with a reason.", len(ids), unit.Name),
			func() { o.approve(ids) })
	})
}

// approve approves plans ids in one transaction and says which were skipped and why.
func (o *orgScreen) approve(ids []app.PlanID) {
	u := o.u
	var done []app.PlanID
	var skipped []workspace.Skipped
	u.async(func() error {
		var err error
		done, skipped, err = u.ws.TransitionMany(ids, app.Approve, "")
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Approved %d plans; %d skipped", len(done), len(skipped)))
		if len(skipped) == 0 {
			return
		}
		lines := make([]string, 0, skippedShown+1)
		for i, s := range skipped {
			if i == skippedShown {
				lines = append(lines, u.T("and %d more", len(skipped)-skippedShown))
				break
			}
			lines = append(lines, u.T("%s: %s", s.Name, u.tr.Err(s.Err)))
		}
		showMessage(u.win, u.T("Plans not approved"), strings.Join(lines, "\n"))
	})
}
