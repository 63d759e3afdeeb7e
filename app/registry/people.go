package registry

import (
	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// personFields maps Employee.Validate's field names to the people table's columns.
var personFields = map[string]column{"code": colCode, "name": colName, "position": colPosition, "level": colLevel,
	"manager": colManager, "left": colLeft, "base_bonus": colBaseBonus, "email": colEmail}

// readPeople reads each person row's fields into the person it imports.
func (im *importer) readPeople(t *table) {
	for _, pr := range im.personRows {
		ok := im.readPerson(t, pr.row, &pr.e)
		pr.bad = !validation(t, pr.row, pr.e.Validate(), personFields) || !ok
	}
}

// readPerson sets e's fields from the columns row r has, reporting each bad cell.
func (im *importer) readPerson(t *table, r int, e *app.Employee) bool {
	ok := true
	texts := []struct {
		c  column
		to *string
	}{{colName, &e.Name}, {colPosition, &e.Position}, {colEmail, &e.Email}}
	for _, f := range texts {
		if cell, has := t.cell(r, f.c); has {
			*f.to = text(cell)
		}
	}
	if t.h.Has(colUnit) {
		u, good := ref(t, r, colUnit, im.unitUID, func(c string) app.Msg { return app.M("unknown unit code %s", c) })
		e.Unit, ok = u, good
	}
	if t.h.Has(colManager) {
		m, good := ref(t, r, colManager, im.personUID, func(c string) app.Msg { return app.M("unknown employee code %s", c) })
		e.Manager, ok = m, ok && good
	}
	ok = readValue(t, r, colLevel, im.o.level, &e.Level) && ok
	ok = readValue(t, r, colJoined, date, &e.Joined) && ok
	ok = readValue(t, r, colLeft, date, &e.Left) && ok
	ok = readValue(t, r, colBaseBonus, im.o.number, &e.BaseBonus) && ok
	return readValue(t, r, colCurrency, currency, &e.Currency) && ok
}

// readValue reads column c of row r with read into *to when the table has
// the column, reporting a bad cell; it returns false for a bad cell.
func readValue[T any](t *table, r int, c column, read func(sheet.GridCell) (T, error), to *T) bool {
	cell, has := t.cell(r, c)
	if !has {
		return true
	}
	v, err := read(cell)
	if err != nil {
		t.fail(r, t.h.Col(c), msgOf(err))
		return false
	}
	*to = v
	return true
}

// managerCycles refuses a manager who reports, directly or not, to the person.
func (im *importer) managerCycles(t *table) {
	manager := make(map[app.UID]app.UID, len(im.people)+len(im.personRows))
	for _, e := range im.people {
		manager[e.UID] = e.Manager
	}
	for _, pr := range im.personRows {
		manager[pr.e.UID] = pr.e.Manager
	}
	for _, pr := range im.personRows {
		if pr.e.Manager != "" && pr.e.Manager != pr.e.UID && cycles(manager, pr.e.UID) {
			t.fail(pr.row, t.h.Col(colManager), app.M("%s would report to someone who reports to them", pr.e.Code))
			pr.bad = true
		}
	}
}

// diffPeople sorts the person rows into added, updated and unchanged.
func (im *importer) diffPeople() {
	for _, pr := range im.personRows {
		if pr.bad {
			continue
		}
		path := "people[" + pr.e.Code + "]"
		before := im.people[pr.e.Code]
		if before == nil {
			im.pv.AddPeople = append(im.pv.AddPeople, PersonChange{Row: pr.row + 1, Person: pr.e, Edits: []app.Edit{{Path: path, New: pr.e.Name}}})
			continue
		}
		edits := im.codeEdits(app.DiffRecord(path, before, &pr.e), ".unit", ".manager")
		if len(edits) == 0 {
			im.pv.UnchangedPeople++
			continue
		}
		im.pv.UpdatePeople = append(im.pv.UpdatePeople, PersonChange{Row: pr.row + 1, Person: pr.e, Edits: edits})
	}
}
