package library

import (
	"slices"

	"kpiplanner/app"
)

// GoalType is a kind of business goal with the curated set of KPIs the
// library proposes for it.
type GoalType struct {
	ID          string    `json:"id"`
	Name        app.Text  `json:"name"`
	Description app.Text  `json:"description"`
	Example     app.Text  `json:"example"` // a SMART goal of this type, with a number and a date
	KPIs        []GoalKPI `json:"kpis"`    // MinSet to MaxSet KPIs
}

// GoalKPI is one KPI of a goal type's set with the A/B/C group proposed for it.
type GoalKPI struct {
	ID    string    `json:"id"`
	Group app.Group `json:"group"`
}

// Suggestion is a library entry proposed for a goal, with its proposed group.
type Suggestion struct {
	Entry app.LibraryEntry
	Group app.Group
}

func (g GoalType) clone() GoalType {
	g.KPIs = slices.Clone(g.KPIs)
	return g
}

// GoalTypes returns the goal types in display order.
func (l *Library) GoalTypes() []GoalType {
	out := make([]GoalType, len(l.base.goals))
	for i, g := range l.base.goals {
		out[i] = g.clone()
	}
	return out
}

// GoalType returns the goal type with the given id.
func (l *Library) GoalType(id string) (GoalType, bool) {
	g, ok := l.base.goal(id)
	if !ok {
		return GoalType{}, false
	}
	return g.clone(), true
}

// Suggest returns the KPI set of a goal type in its curated order, each with
// its proposed group, leaving out entries the user has hidden. It returns
// nil for an unknown goal type.
func (l *Library) Suggest(goalType string) []Suggestion {
	g, ok := l.base.goal(goalType)
	if !ok {
		return nil
	}
	out := []Suggestion{}
	for _, k := range g.KPIs {
		if e, ok := l.Get(k.ID); ok && !e.Hidden {
			out = append(out, Suggestion{Entry: e, Group: k.Group})
		}
	}
	return out
}
