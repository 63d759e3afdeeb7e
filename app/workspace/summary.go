package workspace

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
)

// Summary is one row of the plans list.
type Summary struct {
	ID         app.PlanID
	Name       string
	Person     string
	Department string
	Unit       app.UID // the person's org unit in the registry; "" when none
	Cycle      app.Cycle
	Status     app.Status
	KPIs       int
	Total      float64 // the official total, rounded to 2 decimals
	HasTotal   bool
	Rating     string // the rating band's name (English key), "" without a total
	Bonus      float64
	Currency   string
	Window     score.Window // the official window the total covers
	// Provisional marks a total that may still change: a KPI has no data.
	Provisional bool
	search      string // name, person and department folded, for Apply's text filter, once searched
}

// Column is a sortable column of the plans list.
type Column int

// The plans list's columns.
const (
	ByPerson Column = iota
	ByDepartment
	ByCycle
	ByStatus
	ByTotal
	ByRating
	ByName
	ByBonus
)

// Filter narrows the plans list; empty fields match everything.
type Filter struct {
	Department string // exact department
	// Units, when not nil, keeps plans whose person is in one of these units
	// (a unit's subtree: app.Org.Subtree).
	Units map[app.UID]bool
	Year  int    // cycles overlapping this year; 0 = any
	Text  string // in the plan's name, person or department, ignoring case and accents
}

// Summarise scores every plan over its official window on date today and
// returns list rows.
func Summarise(plans []*app.Plan, today app.Date) []Summary {
	out := make([]Summary, len(plans))
	for i, p := range plans {
		out[i] = summarise(p, today)
	}
	return out
}

// summarise scores p over its official window on date today and returns its row.
func summarise(p *app.Plan, today app.Date) Summary {
	r := score.OfficialResult(p, today)
	return Summary{ID: p.ID, Name: p.Name, Person: p.Person.Name, Department: p.Person.Department, Unit: p.Person.Unit,
		Cycle: p.Cycle, Status: p.Status, KPIs: len(p.KPIs), Total: r.Official, HasTotal: r.HasTotal,
		Rating: r.Rating.Name, Bonus: r.Bonus, Currency: p.Person.Currency, Window: r.Window,
		Provisional: r.Provisional}
}

// PlanWalker is a store that can hand over its plans one at a time without
// holding them all, walking parts contiguous ranges of ids at once
// (storage.DB does): fn(part, p) runs concurrently for different parts, in
// id order within one, and part i's plans come before part i+1's; fn must
// not keep p's slices, maps or pointers, which the next plan reuses.
// Summaries uses it when the store offers it.
type PlanWalker interface {
	EachPlanIn(parts int, fn func(part int, p *app.Plan) error) error
}

// Summaries loads and summarises every plan of the workspace at its official
// window. With a PlanWalker store each plan is dropped once summarised.
func (w *Workspace) Summaries() ([]Summary, error) {
	return Summaries(w.store, w.Today())
}

// Summaries loads and summarises every plan of store at its official window
// on date today, one plan at a time when store is a PlanWalker, on every
// processor (up to 4).
func Summaries(store app.Store, today app.Date) ([]Summary, error) {
	if pw, ok := store.(PlanWalker); ok {
		parts := make([][]Summary, min(runtime.GOMAXPROCS(0), 4))
		var units keeper // cascade: what rolling up the unit plans needs
		err := pw.EachPlanIn(len(parts), func(part int, p *app.Plan) error {
			parts[part] = append(parts[part], summarise(p, today))
			units.keep(p)
			return nil
		})
		if err != nil {
			return nil, err
		}
		rows := slices.Concat(parts...)
		rollUpSummaries(rows, units.kept, today)
		return rows, nil
	}
	plans, err := store.Plans()
	if err != nil {
		return nil, err
	}
	cascade.RollUpAll(plans)
	return Summarise(plans, today), nil
}

// Apply returns the rows matching f, sorted by col (descending when desc).
// Ties keep id order. The first text search folds each row's text once and
// keeps it in rows, so the list shows before any folding is done.
func Apply(rows []Summary, f Filter, col Column, desc bool) []Summary {
	text := i18n.Fold(strings.TrimSpace(f.Text))
	out := make([]Summary, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if f.Department != "" && r.Department != f.Department || f.Units != nil && !f.Units[r.Unit] {
			continue
		}
		if f.Year != 0 && (r.Cycle.Start.Time().Year() > f.Year || r.Cycle.End.Time().Year() < f.Year) {
			continue
		}
		if text != "" && !strings.Contains(r.searchText(), text) {
			continue
		}
		out = append(out, *r)
	}
	keys := sortKeys(out, col)
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		c := compare(out[i], out[j], keys[i], keys[j], col)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(out[i].ID, out[j].ID))
	})
	sorted := make([]Summary, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}

// searchText is what the text filter looks in: name, person and department, folded.
func (r *Summary) searchText() string {
	if r.search == "" {
		r.search = i18n.Fold(r.Name + "\x00" + r.Person + "\x00" + r.Department)
	}
	return r.search
}

// sortKeys returns each row's Vietnamese sort key for a text column, or nil.
func sortKeys(rows []Summary, col Column) [][]byte {
	var text func(r *Summary) string
	switch col {
	case ByPerson:
		text = func(r *Summary) string { return r.Person }
	case ByName:
		text = func(r *Summary) string { return r.Name }
	case ByDepartment:
		text = func(r *Summary) string { return r.Department }
	default:
		return make([][]byte, len(rows))
	}
	vi := i18n.NewSorter()
	keys := make([][]byte, len(rows))
	for i := range rows {
		keys[i] = vi.Key(text(&rows[i]))
	}
	return keys
}

// compare orders two rows by col; text columns by their Vietnamese sort
// keys ka and kb (see sortKeys).
func compare(a, b Summary, ka, kb []byte, col Column) int {
	switch col {
	case ByPerson, ByName, ByDepartment:
		return bytes.Compare(ka, kb)
	case ByCycle:
		return cmp.Or(a.Cycle.Start.Time().Compare(b.Cycle.Start.Time()), a.Cycle.End.Time().Compare(b.Cycle.End.Time()))
	case ByStatus:
		return strings.Compare(string(a.Status), string(b.Status))
	case ByTotal, ByRating, ByBonus:
		// plans without a total sort below every total
		switch {
		case a.HasTotal != b.HasTotal && a.HasTotal:
			return 1
		case a.HasTotal != b.HasTotal:
			return -1
		}
		if col == ByBonus {
			return cmp.Or(strings.Compare(a.Currency, b.Currency), cmp.Compare(a.Bonus, b.Bonus))
		}
		return cmp.Compare(a.Total, b.Total)
	}
	return 0
}

// Departments returns the distinct departments of rows, sorted.
func Departments(rows []Summary) []string {
	var out []string
	for _, r := range rows {
		if r.Department != "" && !slices.Contains(out, r.Department) {
			out = append(out, r.Department)
		}
	}
	slices.SortFunc(out, i18n.NewSorter().Compare)
	return out
}

// Years returns the distinct years the rows' cycles touch, newest first.
func Years(rows []Summary) []int {
	var out []int
	for _, r := range rows {
		for y := r.Cycle.Start.Time().Year(); y <= r.Cycle.End.Time().Year() && y > 1; y++ {
			if !slices.Contains(out, y) {
				out = append(out, y)
			}
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// UnitFilter returns every unit in the subtrees of the units called name,
// for Filter.Units; nil when no unit has that name.
func UnitFilter(units []app.OrgUnit, name string) map[app.UID]bool {
	var out map[app.UID]bool
	o := app.NewOrg(units)
	for _, u := range units {
		if u.Name != name {
			continue
		}
		if out == nil {
			out = map[app.UID]bool{}
		}
		for k := range o.Subtree(u.UID) {
			out[k] = true
		}
	}
	return out
}
