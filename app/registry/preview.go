package registry

import (
	"errors"
	"fmt"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// Current is the registry an import is checked against: the people and
// units stored now.
type Current struct {
	People []app.Employee
	Units  []app.OrgUnit
}

// PersonChange is one person an import adds or updates.
type PersonChange struct {
	Row    int          // the file row it comes from (1-based)
	Person app.Employee // the person as the import leaves them; a new one has the uid it will get
	// Edits are the fields that change (people[NV0012].position …), with
	// units and managers written as codes; for a new person, its one entry.
	Edits []app.Edit
}

// UnitChange is one org unit an import adds or updates.
type UnitChange struct {
	Row   int         // the file row it comes from (1-based)
	Unit  app.OrgUnit // the unit as the import leaves it; a new one has the uid it will get
	Edits []app.Edit  // the fields that change (units[SALES].name …), units and heads as codes
}

// Preview is what importing a units table and a people table would do, with
// every problem found in them. Nothing changes until it is applied
// (workspace.ApplyRegistryImport), which refuses while there is any problem.
type Preview struct {
	AddUnits, UpdateUnits   []UnitChange
	UnchangedUnits          int
	AddPeople, UpdatePeople []PersonChange
	UnchangedPeople         int
	// UnitErrors and PeopleErrors are the problems of each table, by row,
	// column and value.
	UnitErrors, PeopleErrors sheet.Errors
	base                     Current
}

// ErrNothing is the error of an import that would change nothing.
var ErrNothing = errors.New("nothing to import")

// nothingErr is ErrNothing with a translatable message.
type nothingErr struct{ msg app.Msg }

func (e *nothingErr) Error() string        { return e.msg.String() }
func (e *nothingErr) Message() app.Msg     { return e.msg }
func (e *nothingErr) Is(target error) bool { return target == ErrNothing || target == app.ErrInvalid }

// Err returns the problems found (sheet.Errors, prefixed with the table when
// both tables have some), an error matching ErrNothing when the import would
// change nothing, or nil.
func (pv *Preview) Err() error {
	switch {
	case len(pv.UnitErrors) > 0 && len(pv.PeopleErrors) > 0:
		return fmt.Errorf("units: %w\npeople: %w", pv.UnitErrors, pv.PeopleErrors)
	case len(pv.UnitErrors) > 0:
		return pv.UnitErrors
	case len(pv.PeopleErrors) > 0:
		return pv.PeopleErrors
	case pv.Changes() == 0 && pv.UnchangedUnits+pv.UnchangedPeople > 0:
		return &nothingErr{app.M("nothing to import: all %d row(s) match the registry already", pv.UnchangedUnits+pv.UnchangedPeople)}
	case pv.Changes() == 0:
		return &nothingErr{app.M("nothing to import: the file holds no people or units")}
	}
	return nil
}

// Changes returns how many people and units the import adds or updates.
func (pv *Preview) Changes() int {
	return len(pv.AddUnits) + len(pv.UpdateUnits) + len(pv.AddPeople) + len(pv.UpdatePeople)
}

// Base returns the registry the preview was made against; applying it to
// a registry that has changed since is refused.
func (pv *Preview) Base() Current { return pv.base }

// Units returns the units to write, parents before their children.
func (pv *Preview) Units() []app.OrgUnit {
	all := make([]app.OrgUnit, 0, len(pv.AddUnits)+len(pv.UpdateUnits))
	for _, c := range pv.AddUnits {
		all = append(all, c.Unit)
	}
	for _, c := range pv.UpdateUnits {
		all = append(all, c.Unit)
	}
	return order(all, func(u app.OrgUnit) (app.UID, app.UID) { return u.UID, u.Parent })
}

// People returns the people to write, managers before their reports.
func (pv *Preview) People() []app.Employee {
	all := make([]app.Employee, 0, len(pv.AddPeople)+len(pv.UpdatePeople))
	for _, c := range pv.AddPeople {
		all = append(all, c.Person)
	}
	for _, c := range pv.UpdatePeople {
		all = append(all, c.Person)
	}
	return order(all, func(e app.Employee) (app.UID, app.UID) { return e.UID, e.Manager })
}

// Edits returns every change's history edits: units first, then people.
func (pv *Preview) Edits() []app.Edit {
	var out []app.Edit
	for _, l := range [][]UnitChange{pv.AddUnits, pv.UpdateUnits} {
		for _, c := range l {
			out = append(out, c.Edits...)
		}
	}
	for _, l := range [][]PersonChange{pv.AddPeople, pv.UpdatePeople} {
		for _, c := range l {
			out = append(out, c.Edits...)
		}
	}
	return out
}

// order sorts records so that each comes after the record it links to
// (parent, manager) when that record is in the list; the input order is
// kept otherwise. Links are acyclic (Parse refuses cycles).
func order[T any](rs []T, link func(T) (self, to app.UID)) []T {
	at := make(map[app.UID]int, len(rs))
	for i, r := range rs {
		self, _ := link(r)
		at[self] = i
	}
	state := make([]uint8, len(rs)) // 0 unvisited, 1 being visited, 2 placed
	out := make([]T, 0, len(rs))
	var visit func(i int)
	visit = func(i int) {
		if state[i] != 0 {
			return
		}
		state[i] = 1
		if _, to := link(rs[i]); to != "" {
			if j, ok := at[to]; ok {
				visit(j)
			}
		}
		state[i] = 2
		out = append(out, rs[i])
	}
	for i := range rs {
		visit(i)
	}
	return out
}

// table is one grid being read, with its header and its problems.
type table struct {
	g    sheet.Grid
	h    *header
	errs *sheet.Errors
}

// fail records a problem with the cell at 0-based row r, column c (-1: the whole row).
func (t *table) fail(r, c int, m app.Msg) {
	e := &sheet.CellError{Row: r + 1, Msg: m}
	if c >= 0 {
		if c < len(t.h.Texts) {
			e.Column = strings.TrimSpace(t.h.Texts[c])
		}
		if e.Column == "" {
			e.Column = sheet.ColName(c)
		}
		if r < len(t.g) && c < len(t.g[r]) {
			e.Value = t.g[r][c].Text
		}
	}
	*t.errs = append(*t.errs, e)
}

// cell returns the cell of column c in 0-based row r, and whether the table has the column.
func (t *table) cell(r int, c column) (sheet.GridCell, bool) {
	i := t.h.Col(c)
	if i < 0 {
		return sheet.GridCell{}, false
	}
	if i < len(t.g[r]) {
		return t.g[r][i], true
	}
	return sheet.GridCell{}, true
}

// rows calls f with each non-blank row below the header.
func (t *table) rows(f func(r int)) {
	for r := t.h.Row + 1; r < len(t.g); r++ {
		if !blank(t.g[r]) {
			f(r)
		}
	}
}

func blank(row []sheet.GridCell) bool {
	for _, c := range row {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// noHeader is the problem of a table without a header row naming what.
func noHeader(what string) *sheet.CellError {
	return &sheet.CellError{Msg: app.M("no header row with a %s column in the first %d rows", what, sheet.HeaderScan)}
}
