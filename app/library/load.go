package library

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"kpiplanner/app"
)

// Where the built-in data lives inside assets.Library.
const (
	kpiGlob     = "library/kpis/*.json"
	goalsFile   = "library/goals.json"
	goalsFormat = "kpiplanner/goals@1"
)

// The size of a goal type's KPI set.
const (
	MinSet = 5
	MaxSet = 7
)

// builtin is the built-in library as loaded from the embedded files; it is
// never changed after loading.
type builtin struct {
	items []item
	index map[string]int
	goals []GoalType
}

func (b *builtin) goal(id string) (*GoalType, bool) {
	for i := range b.goals {
		if b.goals[i].ID == id {
			return &b.goals[i], true
		}
	}
	return nil, false
}

// readBuiltin loads and strictly validates the KPI files (one per
// department, named after it) and the goal types of fsys.
func readBuiltin(fsys fs.FS) (*builtin, error) {
	names, err := fs.Glob(fsys, kpiGlob)
	if err != nil {
		return nil, fmt.Errorf("load KPI library: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load KPI library: no files match %s", kpiGlob)
	}
	order := labelIDs(Departments)
	var errs []error
	for _, n := range names {
		if !slices.Contains(order, deptOf(n)) {
			errs = append(errs, fmt.Errorf("%s: %q is not a department (the file name must be one of %s)", n, deptOf(n), strings.Join(order, ", ")))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("load KPI library: %w", errors.Join(errs...))
	}
	slices.SortFunc(names, func(a, b string) int {
		return slices.Index(order, deptOf(a)) - slices.Index(order, deptOf(b))
	})
	b := &builtin{index: map[string]int{}}
	from := map[string]string{}
	for _, n := range names {
		errs = append(errs, b.readKPIs(fsys, n, from)...)
	}
	if len(errs) == 0 {
		b.goals, errs = readGoals(fsys, b.index)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("load KPI library: %w", errors.Join(errs...))
	}
	return b, nil
}

func deptOf(name string) string { return strings.TrimSuffix(path.Base(name), ".json") }

// readKPIs adds the entries of one department's file to b; from records
// which file each id came from, to report duplicates.
func (b *builtin) readKPIs(fsys fs.FS, name string, from map[string]string) []error {
	f, err := fsys.Open(name)
	if err != nil {
		return []error{err}
	}
	defer f.Close()
	entries, err := decodeEntries(f, name)
	if err != nil {
		return []error{err}
	}
	var errs []error
	for i := range entries {
		e := &entries[i]
		fields := check(e, true)
		if e.Department != deptOf(name) {
			fields = append(fields, &app.FieldError{KPI: e.ID, Field: "department", Msg: app.M("must be %q, the file's department", deptOf(name))})
		}
		if other, dup := from[e.ID]; dup {
			fields = append(fields, &app.FieldError{KPI: e.ID, Field: "id", Msg: app.M("is also used in %s", other)})
		}
		if len(fields) > 0 {
			errs = append(errs, &EntryError{Source: name, Index: i, ID: e.ID, Fields: fields})
			continue
		}
		from[e.ID] = name
		b.index[e.ID] = len(b.items)
		b.items = append(b.items, item{entry: *e, key: keyOf(e)})
	}
	return errs
}

// readGoals loads the goal types, checking each against the entry ids.
func readGoals(fsys fs.FS, ids map[string]int) ([]GoalType, []error) {
	f, err := fsys.Open(goalsFile)
	if err != nil {
		return nil, []error{err}
	}
	defer f.Close()
	var file struct {
		Format    string     `json:"format"`
		GoalTypes []GoalType `json:"goal_types"`
	}
	if err := decodeStrict(f, &file); err != nil {
		return nil, []error{fmt.Errorf("%s: %w", goalsFile, err)}
	}
	if err := checkFormat(goalsFile, file.Format, goalsFormat); err != nil {
		return nil, []error{err}
	}
	var errs []error
	seen := map[string]bool{}
	for i, g := range file.GoalTypes {
		fields := checkGoal(&g, ids)
		if seen[g.ID] {
			fields = append(fields, &app.FieldError{KPI: g.ID, Field: "id", Msg: app.M("is used by another goal type")})
		}
		seen[g.ID] = true
		if len(fields) > 0 {
			errs = append(errs, &EntryError{Source: goalsFile, Index: i, ID: g.ID, Fields: fields})
		}
	}
	return file.GoalTypes, errs
}

// checkGoal returns a goal type's problems.
func checkGoal(g *GoalType, ids map[string]int) []*app.FieldError {
	c := &checker{id: g.ID}
	c.checkID(g.ID)
	c.text("name", g.Name, bothLangs)
	c.text("description", g.Description, bothLangs)
	c.text("example", g.Example, bothLangs)
	if n := len(g.KPIs); n < MinSet || n > MaxSet {
		c.add("kpis", app.M("must list %d to %d KPIs (now %d)", MinSet, MaxSet, n))
	}
	seen := map[string]bool{}
	for _, k := range g.KPIs {
		if _, ok := ids[k.ID]; !ok {
			c.add("kpis", app.M("%q is not a KPI of the library", k.ID))
		}
		if seen[k.ID] {
			c.add("kpis", app.M("%q is listed twice", k.ID))
		}
		seen[k.ID] = true
		c.enum("kpis."+k.ID+".group", string(k.Group), groupIDs, true)
	}
	return c.fields
}
