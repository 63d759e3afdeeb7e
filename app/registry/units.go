package registry

import (
	"kpiplanner/app"
)

// unitFields maps OrgUnit.Validate's field names to the units table's columns.
var unitFields = map[string]column{"code": colUnitCode, "name": colUnitName, "parent": colParent, "head": colHead}

// readUnits reads each unit row's fields into the unit it imports.
func (im *importer) readUnits(t *table) {
	for _, ur := range im.unitRows {
		r, u := ur.row, &ur.u
		ok := true
		if cell, has := t.cell(r, colUnitName); has {
			u.Name = text(cell)
		}
		if t.h.Has(colParent) {
			p, good := ref(t, r, colParent, im.unitUID, func(c string) app.Msg { return app.M("unknown unit code %s", c) })
			u.Parent, ok = p, ok && good
		}
		if t.h.Has(colHead) {
			h, good := ref(t, r, colHead, im.personUID, func(c string) app.Msg { return app.M("unknown employee code %s", c) })
			u.Head, ok = h, ok && good
		}
		ur.bad = !validation(t, r, u.Validate(), unitFields) || !ok
	}
}

// unitCycles refuses a parent that would put a unit inside its own subtree,
// judged on the tree as the import leaves it.
func (im *importer) unitCycles(t *table) {
	parent := make(map[app.UID]app.UID, len(im.units)+len(im.unitRows))
	for _, u := range im.units {
		parent[u.UID] = u.Parent
	}
	for _, ur := range im.unitRows {
		parent[ur.u.UID] = ur.u.Parent
	}
	for _, ur := range im.unitRows {
		if ur.u.Parent != "" && ur.u.Parent != ur.u.UID && cycles(parent, ur.u.UID) {
			t.fail(ur.row, t.h.Col(colParent), app.M("unit %s would be inside its own subtree", ur.u.Code))
			ur.bad = true
		}
	}
}

// cycles reports whether following links from start comes back to it.
func cycles(link map[app.UID]app.UID, start app.UID) bool {
	seen := map[app.UID]bool{}
	for u := link[start]; u != ""; u = link[u] {
		if u == start {
			return true
		}
		if seen[u] {
			return false // a loop above start, reported on its own rows
		}
		seen[u] = true
	}
	return false
}

// diffUnits sorts the unit rows into added, updated and unchanged.
func (im *importer) diffUnits() {
	for _, ur := range im.unitRows {
		if ur.bad {
			continue
		}
		path := "units[" + ur.u.Code + "]"
		before := im.units[ur.u.Code]
		if before == nil {
			im.pv.AddUnits = append(im.pv.AddUnits, UnitChange{Row: ur.row + 1, Unit: ur.u, Edits: []app.Edit{{Path: path, New: ur.u.Name}}})
			continue
		}
		edits := im.codeEdits(app.DiffRecord(path, before, &ur.u), ".parent", ".head")
		if len(edits) == 0 {
			im.pv.UnchangedUnits++
			continue
		}
		im.pv.UpdateUnits = append(im.pv.UpdateUnits, UnitChange{Row: ur.row + 1, Unit: ur.u, Edits: edits})
	}
}
