package wizard

import (
	"fmt"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/smart"
)

// Candidate is a library entry the KPI step offers, with what the goal type
// proposes for it.
type Candidate struct {
	Entry     app.LibraryEntry
	Suggested bool      // in the goal type's suggested set
	Group     app.Group // the group it gets when selected
}

// Candidates returns the entries the KPI step lists: with no query, the goal
// type's suggested set first and then the rest of the library; with a
// query, the library's matches (accent- and case-insensitive, both
// languages), best first.
func (d *Draft) Candidates(query string) []Candidate {
	proposed := map[string]app.Group{}
	var out []Candidate
	for _, s := range d.lib.Suggest(d.Plan.Goal.Type) {
		proposed[s.Entry.ID] = s.Group
		if strings.TrimSpace(query) == "" {
			out = append(out, Candidate{Entry: s.Entry, Suggested: true, Group: s.Group})
		}
	}
	for _, e := range d.lib.Filter(library.Filter{Query: query}) {
		g, in := proposed[e.ID]
		if in && strings.TrimSpace(query) == "" {
			continue // listed first already
		}
		if !in {
			g = app.SuggestGroup(e.Effort, e.Impact)
		}
		out = append(out, Candidate{Entry: e, Suggested: in, Group: g})
	}
	return out
}

// Selected reports whether the plan has a KPI taken from library entry id.
func (d *Draft) Selected(libraryID string) bool { return d.fromLibrary(libraryID) >= 0 }

func (d *Draft) fromLibrary(libraryID string) int {
	for i, k := range d.Plan.KPIs {
		if k.LibraryID == libraryID {
			return i
		}
	}
	return -1
}

// Select adds a KPI made from library entry id (once) and returns its KPI
// id. It takes the group the goal type proposes for it, else the one its
// effort and impact suggest, and the cycle end as deadline.
func (d *Draft) Select(libraryID string) (string, error) {
	if i := d.fromLibrary(libraryID); i >= 0 {
		return d.Plan.KPIs[i].ID, nil
	}
	e, ok := d.lib.Get(libraryID)
	if !ok {
		return "", fmt.Errorf("select KPI %s: %w", libraryID, app.ErrNotFound)
	}
	g := app.SuggestGroup(e.Effort, e.Impact)
	for _, s := range d.lib.Suggest(d.Plan.Goal.Type) {
		if s.Entry.ID == libraryID {
			g = s.Group
		}
	}
	return d.add(e, g), nil
}

// Deselect removes the KPI made from library entry id.
func (d *Draft) Deselect(libraryID string) {
	if i := d.fromLibrary(libraryID); i >= 0 {
		d.Plan.KPIs = append(d.Plan.KPIs[:i], d.Plan.KPIs[i+1:]...)
	}
}

// add appends a KPI made from e, placed in group g, and returns its id.
func (d *Draft) add(e app.LibraryEntry, g app.Group) string {
	k := e.NewKPI(d.nextID(), d.lang)
	if g != "" && app.SuggestGroup(k.Effort, k.Impact) != g {
		k.Effort, k.Impact = levelsFor(g, k.Effort)
	}
	k.Group = g
	k.Deadline = d.Plan.Cycle.End
	d.Plan.KPIs = append(d.Plan.KPIs, k)
	return k.ID
}

// levelsFor returns the effort and impact that place a KPI in group g on the
// 2×2 board, keeping the given effort when g allows it: A is high/high, C
// low/low, B high effort with low impact or low effort with high impact.
func levelsFor(g app.Group, effort app.Level) (app.Level, app.Level) {
	switch g {
	case app.GroupA:
		return app.High, app.High
	case app.GroupC:
		return app.Low, app.Low
	case app.GroupB:
		if effort == app.High {
			return app.High, app.Low
		}
		return app.Low, app.High
	}
	return effort, ""
}

// AddCustom adds a KPI of the user's own named name, not yet placed in a
// group, and returns its id.
func (d *Draft) AddCustom(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &app.FieldError{Field: "name", Msg: app.M("is required")}
	}
	k := app.CustomKPI(d.nextID(), name)
	k.Deadline = d.Plan.Cycle.End
	d.Plan.KPIs = append(d.Plan.KPIs, k)
	return k.ID, nil
}

// Remove removes the KPI with the given id.
func (d *Draft) Remove(kpiID string) {
	for i, k := range d.Plan.KPIs {
		if k.ID == kpiID {
			d.Plan.KPIs = append(d.Plan.KPIs[:i], d.Plan.KPIs[i+1:]...)
			return
		}
	}
}

// nextID returns the first of k1, k2… no KPI of the plan uses.
func (d *Draft) nextID() string {
	for n := 1; ; n++ {
		id := "k" + strconv.Itoa(n)
		if d.Plan.KPI(id) == nil {
			return id
		}
	}
}

// Count returns the KPI counter, e.g. "5 KPIs selected".
func (d *Draft) Count() app.Msg { return app.M("KPIs selected: %d", len(d.Plan.KPIs)) }

// CountWarning returns the warning shown when the plan has more than
// smart.MaxKPIs KPIs.
func (d *Draft) CountWarning() (app.Msg, bool) {
	n := len(d.Plan.KPIs)
	if n <= smart.MaxKPIs {
		return app.Msg{}, false
	}
	return app.M("More than %d KPIs dilutes focus: keep the 5–7 that matter most.", smart.MaxKPIs), true
}

// Catalog returns what the SMART checks need to know of the library.
func (d *Draft) Catalog() smart.Catalog { return d.lib }
