package registry

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// Parse reads a units table and a people table (either may be nil when it
// is not imported) against the registry cur, as docs/import-format.md
// describes: rows are matched to units and people by code; a column the
// table lacks leaves that field as it is; a blank cell clears it. Parents,
// heads, units and managers are named by code and may be rows of the same
// import. It reports every problem, naming the row, column and value, and
// changes nothing.
func Parse(cur Current, units, people sheet.Grid, o Options) *Preview {
	im := newImporter(cur, o)
	ut := im.open(units, colUnitCode, unitColumns, &im.pv.UnitErrors)
	pt := im.open(people, colCode, peopleColumns, &im.pv.PeopleErrors)
	if ut != nil {
		im.scanUnits(ut)
	}
	if pt != nil {
		im.scanPeople(pt)
	}
	if ut != nil {
		im.readUnits(ut)
		im.unitCycles(ut)
	}
	if pt != nil {
		im.readPeople(pt)
		im.managerCycles(pt)
	}
	im.diffUnits()
	im.diffPeople()
	sortErrors(im.pv.UnitErrors)
	sortErrors(im.pv.PeopleErrors)
	return im.pv
}

// importer holds the registry and the rows read while an import is parsed.
type importer struct {
	o          Options
	pv         *Preview
	units      map[string]*app.OrgUnit  // stored units by code
	people     map[string]*app.Employee // stored people by code
	unitUID    map[string]app.UID       // unit code → uid: stored and imported
	personUID  map[string]app.UID       // employee code → uid: stored and imported
	code       map[app.UID]string       // uid → code, of units and people
	unitRows   []*unitRow
	personRows []*personRow
}

type unitRow struct {
	row int
	u   app.OrgUnit
	bad bool
}

type personRow struct {
	row int
	e   app.Employee
	bad bool
}

func newImporter(cur Current, o Options) *importer {
	im := &importer{o: o, pv: &Preview{base: cur},
		units: make(map[string]*app.OrgUnit, len(cur.Units)), people: make(map[string]*app.Employee, len(cur.People)),
		unitUID: make(map[string]app.UID, len(cur.Units)), personUID: make(map[string]app.UID, len(cur.People)),
		code: make(map[app.UID]string, len(cur.Units)+len(cur.People))}
	for i := range cur.Units {
		u := &cur.Units[i]
		im.units[u.Code], im.unitUID[u.Code], im.code[u.UID] = u, u.UID, u.Code
	}
	for i := range cur.People {
		e := &cur.People[i]
		im.people[e.Code], im.personUID[e.Code], im.code[e.UID] = e, e.UID, e.Code
	}
	return im
}

// open finds g's header row; nil g is a table not imported.
func (im *importer) open(g sheet.Grid, must column, known []column, errs *sheet.Errors) *table {
	if g == nil {
		return nil
	}
	h, ok := findHeader(im.o.t(), g, must, known)
	if !ok {
		*errs = append(*errs, noHeader(im.o.t()(must.Key)))
		return nil
	}
	return &table{g: g, h: h, errs: errs}
}

// scanCodes reads each row's code, refusing blank and duplicate codes, and
// calls add for each row with a good code.
func (im *importer) scanCodes(t *table, c column, missing app.Msg, add func(r int, code string)) {
	seen := map[string]int{}
	t.rows(func(r int) {
		cell, _ := t.cell(r, c)
		code := text(cell)
		if code == "" {
			t.fail(r, t.h.Col(c), missing)
			return
		}
		if first, dup := seen[code]; dup {
			t.fail(r, t.h.Col(c), app.M("code %s is already on row %d", code, first+1))
			return
		}
		seen[code] = r
		add(r, code)
	})
}

func (im *importer) scanUnits(t *table) {
	im.scanCodes(t, colUnitCode, app.M("the unit code is missing"), func(r int, code string) {
		u := app.OrgUnit{Code: code}
		if old := im.units[code]; old != nil {
			u = *old
		} else {
			u.UID = app.NewUID()
			im.unitUID[code], im.code[u.UID] = u.UID, code
		}
		im.unitRows = append(im.unitRows, &unitRow{row: r, u: u})
	})
}

func (im *importer) scanPeople(t *table) {
	im.scanCodes(t, colCode, app.M("the employee code is missing"), func(r int, code string) {
		e := app.Employee{Code: code}
		if old := im.people[code]; old != nil {
			e = *old
		} else {
			e.UID = app.NewUID()
			im.personUID[code], im.code[e.UID] = e.UID, code
		}
		im.personRows = append(im.personRows, &personRow{row: r, e: e})
	})
}

// ref resolves a code cell against codes: "" for a blank cell, false (with
// the problem recorded) for an unknown code.
func ref(t *table, r int, c column, codes map[string]app.UID, unknown func(string) app.Msg) (app.UID, bool) {
	cell, _ := t.cell(r, c)
	code := text(cell)
	if code == "" {
		return "", true
	}
	uid, ok := codes[code]
	if !ok {
		t.fail(r, t.h.Col(c), unknown(code))
		return "", false
	}
	return uid, true
}

// validation records the field problems of a record's Validate on its row.
func validation(t *table, r int, err error, fields map[string]column) bool {
	if err == nil {
		return true
	}
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		t.fail(r, -1, msgOf(err))
		return false
	}
	for _, f := range ve.Fields {
		c, ok := fields[f.Field]
		switch {
		case ok && t.h.Has(c):
			t.fail(r, t.h.Col(c), f.Msg)
		case ok:
			t.fail(r, -1, app.M("%s %s", app.M(c.Key), f.Msg))
		default:
			t.fail(r, -1, app.M("%s %s", f.Field, f.Msg))
		}
	}
	return false
}

// sortErrors orders problems by row, keeping the order within a row.
func sortErrors(e sheet.Errors) {
	slices.SortStableFunc(e, func(a, b *sheet.CellError) int { return cmp.Compare(a.Row, b.Row) })
}

// codeEdits writes the uids of the link fields of edits as codes.
func (im *importer) codeEdits(edits []app.Edit, links ...string) []app.Edit {
	for i := range edits {
		for _, l := range links {
			if strings.HasSuffix(edits[i].Path, l) {
				edits[i].Old, edits[i].New = im.code[app.UID(edits[i].Old)], im.code[app.UID(edits[i].New)]
			}
		}
	}
	return edits
}
