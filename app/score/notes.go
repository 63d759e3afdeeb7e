package score

import "kpiplanner/app"

// NoteNeed is a KPI whose score in a closed period is below the plan's
// NoteBelow threshold and whose actual has no comment.
type NoteNeed struct {
	KPI    string  // KPI id
	Period int     // 0-based period index
	Score  float64 // the KPI's score through that period, in percent
}

// MissingNotes lists the comments p needs before it can be submitted or
// closed: for each closed period, every KPI scored below Rules.NoteBelow
// through that period whose actual for the period has no comment.
func MissingNotes(p *app.Plan) []NoteNeed {
	if p.Rules.NoteBelow <= 0 {
		return nil
	}
	var out []NoteNeed
	for i := range min(p.ClosedPeriods, p.Cycle.NumPeriods()) {
		r := Plan(p, i)
		for _, kr := range r.KPIs {
			k := p.KPI(kr.ID)
			a, ok := k.ActualAt(i)
			if !ok || kr.Periods == 0 || kr.Score >= p.Rules.NoteBelow || a.Comment != "" {
				continue
			}
			out = append(out, NoteNeed{KPI: kr.ID, Period: i, Score: kr.Score})
		}
	}
	return out
}
