package ui

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// roster is the people and org units as loaded for a screen: indexed,
// sorted by Vietnamese rules once, and folded for accent-free search.
type roster struct {
	people    []app.Employee
	byUID     map[app.UID]*app.Employee
	sorted    []*app.Employee    // by full name
	byGiven   []*app.Employee    // by given name, then full name
	folded    map[app.UID]string // what the search matches, without accents
	org       *app.Org
	unitOrder []app.UID             // the units in tree order (parents before children)
	kids      map[app.UID][]app.UID // each unit's children ("" for the top level), by name
	depth     map[app.UID]int
	direct    map[app.UID]int // active people by unit
	total     map[app.UID]int // active people by unit, with the units below
}

func newRoster(people []app.Employee, units []app.OrgUnit) *roster {
	r := &roster{people: people, byUID: make(map[app.UID]*app.Employee, len(people)),
		folded: make(map[app.UID]string, len(people)), org: app.NewOrg(units), depth: map[app.UID]int{},
		kids: map[app.UID][]app.UID{}}
	vi := i18n.NewSorter()
	r.orderUnits(vi, "", 0)
	rows := make([]sortRow, len(people))
	folds := map[string]string{} // positions and unit names repeat: fold each once
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
		r.byUID[e.UID] = e
		rows[i] = sortRow{e: e, name: vi.Key(e.Name), given: vi.Key(givenName(e.Name) + " " + e.Name)}
		r.folded[e.UID] = strings.Join([]string{i18n.Fold(e.Code + " " + e.Name + " " + e.Email), fold(e.Position), fold(r.org.Name(e.Unit))}, " ")
	}
	r.sorted = sortedBy(rows, func(x sortRow) []byte { return x.name })
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
func (r *roster) count() {
	r.direct, r.total = map[app.UID]int{}, map[app.UID]int{}
	for i := range r.people {
		e := &r.people[i]
		if e.Archived() {
			continue
		}
		r.direct[e.Unit]++
		for _, u := range r.org.Path(e.Unit) {
			r.total[u]++
		}
	}
}

// orderUnits lists the units below parent depth first, each level by name.
func (r *roster) orderUnits(vi *i18n.Sorter, parent app.UID, depth int) {
	kids := slices.Clone(r.org.Children(parent))
	slices.SortFunc(kids, func(a, b app.UID) int { return vi.Compare(r.org.Name(a), r.org.Name(b)) })
	for _, k := range kids {
		if _, seen := r.depth[k]; seen {
			continue
		}
		r.depth[k] = depth
		r.unitOrder = append(r.unitOrder, k)
		r.kids[parent] = append(r.kids[parent], k)
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

// peopleFilter is what the people list shows.
type peopleFilter struct {
	text     string
	unit     app.UID // with its subtree; "" for every unit
	position string
	level    int // -1 for every level
	status   int // peopleAny, peopleActive or peopleLeft
}

// filter returns the people f lets through, by full or given name.
func (r *roster) filter(f peopleFilter, byGiven bool) []*app.Employee {
	words := strings.Fields(i18n.Fold(f.text))
	var units map[app.UID]bool
	if f.unit != "" {
		units = r.org.Subtree(f.unit)
	}
	from := r.sorted
	if byGiven {
		from = r.byGiven
	}
	out := make([]*app.Employee, 0, len(from))
	for _, e := range from {
		switch {
		case units != nil && !units[e.Unit]:
		case f.position != "" && e.Position != f.position:
		case f.level >= 0 && e.Level != f.level:
		case f.status == peopleActive && e.Archived(), f.status == peopleLeft && !e.Archived():
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

// unitLabel shows a unit in a list, indented by its depth in the tree.
func (r *roster) unitLabel(uid app.UID) string {
	u, ok := r.org.Units[uid]
	if !ok {
		return ""
	}
	return strings.Repeat("    ", r.depth[uid]) + u.Name + " (" + u.Code + ")"
}

// unitLabels returns the label of every unit, in tree order.
func (r *roster) unitLabels() []string {
	out := make([]string, len(r.unitOrder))
	for i, uid := range r.unitOrder {
		out[i] = r.unitLabel(uid)
	}
	return out
}

// positions returns the positions people have, sorted.
func (r *roster) positions() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range r.people {
		if e.Position != "" && !seen[e.Position] {
			seen[e.Position] = true
			out = append(out, e.Position)
		}
	}
	slices.SortFunc(out, i18n.NewSorter().Compare)
	return out
}

// levelValues returns the levels people have, ascending.
func (r *roster) levelValues() []int {
	seen := map[int]bool{}
	var out []int
	for _, e := range r.people {
		if !seen[e.Level] {
			seen[e.Level] = true
			out = append(out, e.Level)
		}
	}
	slices.Sort(out)
	return out
}

func (r *roster) levels() []string {
	vs := r.levelValues()
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = levelText(v)
	}
	return out
}

func levelText(l int) string {
	if l == 0 {
		return "—"
	}
	return strconv.Itoa(l)
}

// personLabel shows a person in a picker: "Nguyễn Thị Lan (NV0012)".
func (r *roster) personLabel(uid app.UID) string {
	e, ok := r.byUID[uid]
	if !ok {
		return ""
	}
	return e.Name + " (" + e.Code + ")"
}

// nameOf returns a person's name, "" when unknown.
func (r *roster) nameOf(uid app.UID) string {
	if e, ok := r.byUID[uid]; ok {
		return e.Name
	}
	return ""
}

// headcount returns how many active people belong to unit, and to its subtree.
func (r *roster) headcount(unit app.UID) (direct, total int) {
	return r.direct[unit], r.total[unit]
}

// describe is one line with everything about a person, however narrow the columns.
func (r *roster) describe(u *UI, e *app.Employee) string {
	parts := []string{e.Code, e.Name, r.org.Name(e.Unit), e.Position}
	if e.Level > 0 {
		parts = append(parts, u.T("level %d", e.Level))
	}
	if m := r.nameOf(e.Manager); m != "" {
		parts = append(parts, u.T("manager: %s", m))
	}
	if !e.Joined.IsZero() {
		parts = append(parts, u.T("joined %s", e.Joined))
	}
	if e.Archived() {
		parts = append(parts, u.T("left %s", e.Left))
	}
	if e.BaseBonus > 0 {
		parts = append(parts, u.T("base bonus %s", u.tr.FormatMoney(e.BaseBonus, e.Currency)))
	}
	return joinNonEmpty(" · ", append(parts, e.Email)...)
}

// nextCode returns the generated employee code after the highest one in use.
func (r *roster) nextCode() string {
	n := 0
	for _, e := range r.people {
		if v, err := strconv.Atoi(strings.TrimPrefix(e.Code, "NV")); err == nil && strings.HasPrefix(e.Code, "NV") {
			n = max(n, v)
		}
	}
	return app.CodeFor(n + 1)
}
