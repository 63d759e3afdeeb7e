package ui

import (
	"strings"

	"kpiplanner/app/importmap"
)

// previewLines says, per person and plan, what the import would do, in
// words: new plans, each change with its old and new values, unchanged
// plans, refusals (row, column, value, why), notes (percent cells) and the
// columns not read.
func (w *sheetWizard) previewLines(pv *importmap.Preview) []string {
	u := w.u
	var out []string
	for _, pp := range pv.Plans {
		out = append(out, w.planLines(pp)...)
	}
	for _, r := range pv.Refused {
		out = append(out, u.T("Refused: %s", w.refusalText(r)))
	}
	for _, n := range pv.Notices {
		out = append(out, u.T("Note: %s", u.tr.Msg(n)))
	}
	if len(pv.Unread) > 0 {
		out = append(out, u.T("Columns not read: %s", strings.Join(pv.Unread, ", ")))
	}
	return out
}

// planLines says what the import does to one plan.
func (w *sheetWizard) planLines(pp *importmap.PlanPreview) []string {
	u := w.u
	who := pp.Person.String()
	if pp.NewPerson {
		who = u.T("%s (a new person)", who)
	}
	name := pp.New.Name
	switch pp.Status {
	case importmap.PlanNew:
		return []string{u.T("New plan %s for %s: %d KPIs", name, who, len(pp.New.KPIs))}
	case importmap.PlanChanged:
		names := map[string]string{}
		for _, k := range pp.New.KPIs {
			names[k.ID] = k.Name
		}
		out := []string{u.T("Plan %s of %s changes:", name, who)}
		for _, e := range pp.Edits {
			out = append(out, "    "+u.T("%s: was %s, now %s", u.historyWhat(e.Path, names),
				w.valueText(e.Path, e.Old), w.valueText(e.Path, e.New)))
		}
		return out
	case importmap.PlanUnchanged:
		return []string{u.T("Plan %s of %s: unchanged", name, who)}
	}
	out := []string{u.T("Plan %s of %s is refused:", name, who)}
	for _, r := range pp.Refused {
		out = append(out, "    "+w.refusalText(r))
	}
	return out
}

// valueText writes a value of the preview, "(none)" when empty.
func (w *sheetWizard) valueText(path, v string) string {
	if s := w.u.historyValue(path, v); s != "" {
		return s
	}
	return w.u.T("(none)")
}

// refusalText names a refused cell: sheet, row, column, value, and why.
func (w *sheetWizard) refusalText(r importmap.Refusal) string {
	u := w.u
	why := u.tr.Msg(r.Why)
	var s string
	switch {
	case r.Row < 0:
		s = why
	case r.Col < 0:
		s = u.T("row %d: %s", r.Row+1, why)
	default:
		s = u.T("row %d, column %s, value %q: %s", r.Row+1, importmap.ColName(r.Col), r.Value, why)
	}
	if r.Sheet != "" {
		s = r.Sheet + ", " + s
	}
	return s
}
