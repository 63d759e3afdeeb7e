// Package roster holds the people and org units as a screen shows them:
// indexed, sorted the Vietnamese way once (by full or given name), folded for
// accent-free search, with each unit's headcount and the tree in display order.
package roster

import (
	"bytes"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// Roster is the people and org units as loaded for a screen: indexed,
// sorted by Vietnamese rules once, and folded for accent-free search.
type Roster struct {
	People    []app.Employee
	ByUID     map[app.UID]*app.Employee
	Sorted    []*app.Employee    // by full name
	byGiven   []*app.Employee    // by given name, then full name
	folded    map[app.UID]string // what the search matches, without accents
	Org       *app.Org
	UnitOrder []app.UID             // the units in tree order (parents before children)
	Kids      map[app.UID][]app.UID // each unit's children ("" for the top level), by name
	Depth     map[app.UID]int
	direct    map[app.UID]int // active people by unit
	total     map[app.UID]int // active people by unit, with the units below
}

func New(people []app.Employee, units []app.OrgUnit) *Roster {
	r := &Roster{People: people, ByUID: make(map[app.UID]*app.Employee, len(people)),
		folded: make(map[app.UID]string, len(people)), Org: app.NewOrg(units), Depth: map[app.UID]int{},
		Kids: map[app.UID][]app.UID{}}
	vi := i18n.NewSorter()
	r.orderUnits(vi, "", 0)
	rows := make([]sortRow, len(people))
	folds := map[string]string{} // Positions and unit names repeat: fold each once
	fold := func(s string) string {
		f, ok := folds[s]
		if !ok {
			f = i18n.Fold(s)
			folds[s] = f
		}
		return f
	}
	for i := range people {
		e := &people[i]
		r.ByUID[e.UID] = e
		rows[i] = sortRow{e: e, name: vi.Key(e.Name), given: vi.Key(givenName(e.Name) + " " + e.Name)}
		r.folded[e.UID] = strings.Join([]string{i18n.Fold(e.Code + " " + e.Name + " " + e.Email), fold(e.Position), fold(r.Org.Name(e.Unit))}, " ")
	}
	r.Sorted = sortedBy(rows, func(x sortRow) []byte { return x.name })
	r.byGiven = sortedBy(rows, func(x sortRow) []byte { return x.given })
	r.count()
	return r
}

// sortRow is a person with their sort keys, computed once.
type sortRow struct {
	e           *app.Employee
	name, given []byte
}

// sortedBy returns the people of rows ordered by key, then employee code.
func sortedBy(rows []sortRow, key func(sortRow) []byte) []*app.Employee {
	slices.SortFunc(rows, func(a, b sortRow) int {
		if c := bytes.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return strings.Compare(a.e.Code, b.e.Code)
	})
	out := make([]*app.Employee, len(rows))
	for i := range rows {
		out[i] = rows[i].e
	}
	return out
}

// count works out each unit's headcount once, so the tree draws fast.
func (r *Roster) count() {
	r.direct, r.total = map[app.UID]int{}, map[app.UID]int{}
	for i := range r.People {
		e := &r.People[i]
		if e.Archived() {
			continue
		}
		r.direct[e.Unit]++
		for _, u := range r.Org.Path(e.Unit) {
			r.total[u]++
		}
	}
}

// orderUnits lists the units below parent depth first, each level by name.
func (r *Roster) orderUnits(vi *i18n.Sorter, parent app.UID, depth int) {
	kids := slices.Clone(r.Org.Children(parent))
	slices.SortFunc(kids, func(a, b app.UID) int { return vi.Compare(r.Org.Name(a), r.Org.Name(b)) })
	for _, k := range kids {
		if _, seen := r.Depth[k]; seen {
			continue
		}
		r.Depth[k] = depth
		r.UnitOrder = append(r.UnitOrder, k)
		r.Kids[parent] = append(r.Kids[parent], k)
		r.orderUnits(vi, k, depth+1)
	}
}

// givenName is the last word of a full name: "Lan" of "Nguyễn Thị Lan".
func givenName(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// Filter is what the people list shows.
type Filter struct {
	Text     string
	Unit     app.UID // with its subtree; "" for every unit
	Position string
	Level    int    // -1 for every level
	Status   Status // Anyone, Employed or Left
}

// Filter returns the people f lets through, by full or given name.
func (r *Roster) Filter(f Filter, byGiven bool) []*app.Employee {
	words := strings.Fields(i18n.Fold(f.Text))
	var units map[app.UID]bool
	if f.Unit != "" {
		units = r.Org.Subtree(f.Unit)
	}
	from := r.Sorted
	if byGiven {
		from = r.byGiven
	}
	out := make([]*app.Employee, 0, len(from))
	for _, e := range from {
		switch {
		case units != nil && !units[e.Unit]:
		case f.Position != "" && e.Position != f.Position:
		case f.Level >= 0 && e.Level != f.Level:
		case f.Status == Employed && e.Archived(), f.Status == Left && !e.Archived():
		case !containsAll(r.folded[e.UID], words):
		default:
			out = append(out, e)
		}
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// UnitLabel shows a unit in a list, indented by its depth in the tree.
func (r *Roster) UnitLabel(uid app.UID) string {
	u, ok := r.Org.Units[uid]
	if !ok {
		return ""
	}
	return strings.Repeat("    ", r.Depth[uid]) + u.Name + " (" + u.Code + ")"
}

// UnitLabels returns the label of every unit, in tree order.
func (r *Roster) UnitLabels() []string {
	out := make([]string, len(r.UnitOrder))
	for i, uid := range r.UnitOrder {
		out[i] = r.UnitLabel(uid)
	}
	return out
}

// Positions returns the positions people have, sorted.
func (r *Roster) Positions() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range r.People {
		if e.Position != "" && !seen[e.Position] {
			seen[e.Position] = true
			out = append(out, e.Position)
		}
	}
	slices.SortFunc(out, i18n.NewSorter().Compare)
	return out
}

// LevelValues returns the levels people have, ascending.
func (r *Roster) LevelValues() []int {
	seen := map[int]bool{}
	var out []int
	for _, e := range r.People {
		if !seen[e.Level] {
			seen[e.Level] = true
			out = append(out, e.Level)
		}
	}
	slices.Sort(out)
	return out
}

// PersonLabel shows a person in a picker: "Nguyễn Thị Lan (NV0012)".
func (r *Roster) PersonLabel(uid app.UID) string {
	e, ok := r.ByUID[uid]
	if !ok {
		return ""
	}
	return e.Name + " (" + e.Code + ")"
}

// NameOf returns a person's name, "" when unknown.
func (r *Roster) NameOf(uid app.UID) string {
	if e, ok := r.ByUID[uid]; ok {
		return e.Name
	}
	return ""
}

// Headcount returns how many active people belong to unit, and to its subtree.
func (r *Roster) Headcount(unit app.UID) (direct, total int) {
	return r.direct[unit], r.total[unit]
}

// Status filters people by employment.
type Status int

// The employment filters.
const (
	Anyone   Status = iota // every person
	Employed               // people without a leave date
	Left                   // archived people
)

// Match reports whether person uid's folded text (code, name, e-mail,
// position, unit) holds every word of folded.
func (r *Roster) Match(uid app.UID, words []string) bool { return containsAll(r.folded[uid], words) }

// Words splits typed text into the folded words Match looks for.
func Words(text string) []string { return strings.Fields(i18n.Fold(text)) }
