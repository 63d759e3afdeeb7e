package wizard

import (
	"math"

	"kpiplanner/app"
)

// Levels are the rows and columns of the effort × impact board, high first.
var Levels = []app.Level{app.High, app.Low}

// Place puts a KPI in a cell of the effort × impact board and in the group
// that cell suggests (app.SuggestGroup).
func (d *Draft) Place(kpiID string, effort, impact app.Level) {
	if k := d.Plan.KPI(kpiID); k != nil {
		k.Effort, k.Impact = effort, impact
		k.Group = app.SuggestGroup(effort, impact)
	}
}

// SetGroup overrides the group of a KPI, whatever its cell suggests.
func (d *Draft) SetGroup(kpiID string, g app.Group) {
	if k := d.Plan.KPI(kpiID); k != nil {
		k.Group = g
	}
}

// Overridden reports whether a placed KPI's group differs from the one its
// cell suggests.
func (d *Draft) Overridden(kpiID string) bool {
	k := d.Plan.KPI(kpiID)
	if k == nil {
		return false
	}
	s := app.SuggestGroup(k.Effort, k.Impact)
	return s != "" && k.Group != s
}

// Cell returns the ids of the KPIs in one cell of the board, in plan order.
func (d *Draft) Cell(effort, impact app.Level) []string {
	var out []string
	for _, k := range d.Plan.KPIs {
		if k.Effort == effort && k.Impact == impact {
			out = append(out, k.ID)
		}
	}
	return out
}

// Unplaced returns the ids of the KPIs not on the board yet.
func (d *Draft) Unplaced() []string {
	var out []string
	for _, k := range d.Plan.KPIs {
		if app.SuggestGroup(k.Effort, k.Impact) == "" {
			out = append(out, k.ID)
		}
	}
	return out
}

// InGroup returns the ids of the KPIs of group g, in plan order.
func (d *Draft) InGroup(g app.Group) []string {
	var out []string
	for _, k := range d.Plan.KPIs {
		if k.Group == g {
			out = append(out, k.ID)
		}
	}
	return out
}

// SetGroupWeight sets the weight (percent of the total) of group g.
func (d *Draft) SetGroupWeight(g app.Group, w float64) {
	if d.Plan.Rules.GroupWeights == nil {
		d.Plan.Rules.GroupWeights = map[app.Group]float64{}
	}
	d.Plan.Rules.GroupWeights[g] = w
}

// GroupSum returns the sum of the group weights.
func (d *Draft) GroupSum() float64 {
	s := 0.0
	for _, g := range app.Groups {
		s += d.Plan.Rules.GroupWeights[g]
	}
	return s
}

// GroupSumOK reports whether the group weights sum to 100.
func (d *Draft) GroupSumOK() bool { return math.Abs(d.GroupSum()-100) <= 1e-9 }

// GroupSumMsg returns the live sum of the group weights as a message.
func (d *Draft) GroupSumMsg() app.Msg {
	if d.GroupSumOK() {
		return app.M("Total: %g of 100, correct", d.GroupSum())
	}
	return app.M("Total: %g — the group weights must add up to 100", d.GroupSum())
}

// SetKPIWeight sets a KPI's weight inside its group.
func (d *Draft) SetKPIWeight(kpiID string, w float64) {
	if k := d.Plan.KPI(kpiID); k != nil {
		k.Weight = w
	}
}

// KPIWeightSum returns the sum of the KPI weights of group g.
func (d *Draft) KPIWeightSum(g app.Group) float64 {
	s := 0.0
	for _, k := range d.Plan.KPIs {
		if k.Group == g {
			s += k.Weight
		}
	}
	return s
}

// Share returns the percent of the plan's total a KPI carries: its group's
// weight × its weight ÷ the sum of its group's KPI weights (0 when that
// sum is 0).
func (d *Draft) Share(kpiID string) float64 {
	k := d.Plan.KPI(kpiID)
	if k == nil {
		return 0
	}
	sum := d.KPIWeightSum(k.Group)
	if sum <= 0 {
		return 0
	}
	return d.Plan.Rules.GroupWeights[k.Group] * k.Weight / sum
}

// groupProblems are the groups step's checks beyond app validation: every
// KPI placed in a group, and weighted groups whose KPIs weigh something.
func (d *Draft) groupProblems() []*app.FieldError {
	var out []*app.FieldError
	for _, k := range d.Plan.KPIs {
		if k.Group == "" {
			out = append(out, &app.FieldError{KPI: k.ID, Field: "group",
				Msg: app.M("place it on the effort × impact board or pick its group")})
		}
	}
	for _, g := range app.Groups {
		if len(d.InGroup(g)) > 0 && d.Plan.Rules.GroupWeights[g] > 0 && d.KPIWeightSum(g) <= 0 {
			out = append(out, &app.FieldError{Field: "weight",
				Msg: app.M("the KPIs of group %s all weigh 0: give at least one a weight above 0", string(g))})
		}
	}
	return out
}
