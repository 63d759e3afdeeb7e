package sheet

import (
	"time"

	"kpiplanner/app"
)

// historyCols are the History sheet's column widths.
var historyCols = []Col{{Width: 20}, {Width: 16}, {Width: 16}, {Width: 14}, {Width: 34}, {Width: 24}, {Width: 24}, {Width: 40}}

// FormatDateTime is the number format of a time of day with its date.
const FormatDateTime = "yyyy-mm-dd hh:mm:ss"

// HistorySheet returns the change history of plans as one table, each
// plan's entries oldest first (newest last): time (UTC), user, device,
// source, path, old value, new value and reason, preceded by the plan's
// name when there are several plans. history holds the entries by plan uid;
// used are the workbook's other sheet names (see SheetName), nil for none.
func HistorySheet(plans []*app.Plan, history map[app.UID][]app.HistoryEntry, t Translate, used map[string]bool) *Sheet {
	l := lang{tr(t)}
	if used == nil {
		used = map[string]bool{}
	}
	many := len(plans) > 1
	head := Row{Str(l.T("Time (UTC)"), Header), Str(l.T("User"), Header), Str(l.T("Device"), Header), Str(l.T("Source"), Header),
		Str(l.T("Changed"), Header), Str(l.T("Old value"), Header), Str(l.T("New value"), Header), Str(l.T("Reason"), Header)}
	cols := historyCols
	if many {
		head = append(Row{Str(l.T("Plan"), Header)}, head...)
		cols = append([]Col{{Width: 30}}, cols...)
	}
	rows := []Row{head}
	for _, p := range plans {
		for _, e := range history[p.UID] {
			r := Row{dateTime(e.At), Str(e.User, Plain), Str(e.Device, Plain), Str(e.Source, Plain),
				Str(e.Path, Plain), Str(e.Old, Plain), Str(e.New, Plain), Str(e.Reason, Plain)}
			if many {
				r = append(Row{Str(p.Name, Plain)}, r...)
			}
			rows = append(rows, r)
		}
	}
	s := &Sheet{Name: SheetName(l.T("History"), used), Cols: cols, FreezeRows: 1, HeaderRows: 1}
	s.SetRows(rows)
	return s
}

// dateTime is a date-and-time cell of t in UTC, to the second.
func dateTime(t time.Time) Cell {
	t = t.UTC()
	day := Serial(app.DateOf(t))
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	return Cell{Kind: Date, Style: Plain, Num: day + float64(secs)/86400, Format: FormatDateTime}
}
