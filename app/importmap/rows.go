package importmap

import (
	"strings"

	"kpiplanner/app"
)

// totalWords are KPI cells of total and subtotal rows, which are not KPIs.
var totalWords = map[string]bool{"total": true, "tong": true, "tong cong": true, "cong": true, "sum": true,
	"grand total": true, "subtotal": true, "tong diem": true, "total score": true, "diem tong": true}

// row reads data row r.
func (rd *reader) row(r int) {
	if rd.blank(r) {
		return
	}
	if rd.repeatsHeader(r) {
		rd.section = false
		return
	}
	if !rd.hasNumbers(r) && rowScore(rd.t, r) >= 4 { // another table's header (a summary below the KPIs): skip its rows
		rd.section = true
		return
	}
	if rd.section && !(rd.m.Layout == KPIsDown && rd.isLabel(r)) {
		return
	}
	rd.section = false
	if rd.m.Layout == KPIsDown {
		if k, ok := rd.personLabel(r); ok {
			rd.setPerson(k)
			return
		}
	}
	code, name := rd.text(r, FKPICode), rd.text(r, FKPI)
	if code == "" && name == "" {
		if rd.hasNumbers(r) {
			rd.refuse(r, -1, app.M("the row has values but no KPI name"))
		}
		return
	}
	if totalWords[rd.folds.of(name)] {
		return
	}
	person, ok := rd.personOf(r)
	if !ok {
		return
	}
	rec := rd.record(person, code, name, r)
	rd.fill(rec, r)
}

// blank reports whether row r has no text at all.
func (rd *reader) blank(r int) bool {
	for _, c := range rd.t.Rows[r] {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// repeatsHeader reports whether row r repeats the header (as a block of a
// KPIs-down sheet does): it has the header's KPI column text.
func (rd *reader) repeatsHeader(r int) bool {
	for _, f := range []Field{FKPI, FKPICode} {
		if c, ok := rd.single[f]; ok && c < len(rd.header) && rd.header[c] != "" && rd.folds.of(rd.t.At(r, c).Text) == rd.header[c] {
			return true
		}
	}
	return false
}

// hasNumbers reports whether row r has a number in a mapped column.
func (rd *reader) hasNumbers(r int) bool {
	for _, c := range rd.cols {
		if _, ok := rd.cellNum(r, c.idx); ok && c.Field != FCode && c.Field != FPerson {
			return true
		}
	}
	return false
}

// personOf returns the person row r belongs to: its code and name columns,
// or the current person of a KPIs-down sheet.
func (rd *reader) personOf(r int) (PersonKey, bool) {
	k := PersonKey{Code: rd.text(r, FCode), Name: rd.text(r, FPerson), Unit: rd.text(r, FUnit)}
	if k.Code == "" && k.Name == "" {
		k = rd.person
	}
	if k.Code == "" && k.Name == "" && k.Plan == "" {
		rd.refuse(r, -1, app.M("no person is named for this row (no employee code or name in the row, nor above it)"))
		return k, false
	}
	return k, true
}

// startPerson sets the person of a KPIs-down sheet from the mapping, the
// labels above the header, or the sheet's name.
func (rd *reader) startPerson(header int) {
	if rd.m.Layout != KPIsDown {
		rd.person = PersonKey{Code: rd.m.Person.Code, Name: rd.m.Person.Name}
		return
	}
	rd.person = PersonKey{Code: rd.m.Person.Code, Name: rd.m.Person.Name, Plan: rd.m.Person.Plan}
	if rd.m.Person.FromSheetName {
		rd.person.Name = rd.t.Sheet
	}
	if rd.m.Person.FromTitle {
		rd.person.Plan = strings.TrimSpace(rd.t.At(0, 0).Text)
	}
	for r := 0; r < header; r++ {
		if k, ok := rd.personLabel(r); ok {
			rd.setPerson(k)
		}
	}
}

// setPerson switches to the person of a label row: a code label starts a
// new person unless it completes the name just read (labels of one block).
func (rd *reader) setPerson(k PersonKey) {
	switch {
	case k.Code != "" && rd.person.Code == "" && rd.person.Name != "" && rd.labelBlock:
		rd.person.Code = k.Code
	case k.Name != "" && rd.person.Name == "" && rd.person.Code != "" && rd.labelBlock:
		rd.person.Name = k.Name
	case k.Unit != "" && rd.labelBlock:
		rd.person.Unit = k.Unit
	default:
		rd.person = k
	}
	rd.labelBlock = true
}

// isLabel reports whether row r names a person.
func (rd *reader) isLabel(r int) bool {
	_, ok := rd.personLabel(r)
	return ok
}

// personLabel reads row r as a label of a person ("Họ tên: Nguyễn Văn A",
// "Mã NV | NV001"): a row of few cells, the first a code, name or unit word.
func (rd *reader) personLabel(r int) (PersonKey, bool) {
	label, value, ok := rd.labelCells(r)
	if !ok {
		return PersonKey{}, false
	}
	f, q := SuggestField(label)
	if q < 2 && !(q == 1 && len(Fold(label)) < 20) {
		return PersonKey{}, false
	}
	switch f {
	case FCode:
		return PersonKey{Code: value}, true
	case FPerson:
		return PersonKey{Name: value}, true
	case FUnit:
		return PersonKey{Unit: value}, true
	}
	return PersonKey{}, false
}

// labelCells splits a row of one to four distinct texts into a label and
// its value: "Label: value" in one cell, or the label and the next cell.
func (rd *reader) labelCells(r int) (label, value string, ok bool) {
	var cells []string
	for c := range rd.t.Rows[r] {
		if s := strings.TrimSpace(rd.t.At(r, c).Text); s != "" && (len(cells) == 0 || cells[len(cells)-1] != s) {
			cells = append(cells, s)
		}
	}
	if len(cells) == 0 || len(cells) > 4 {
		return "", "", false
	}
	label, value, found := strings.Cut(cells[0], ":")
	value = strings.TrimSpace(value)
	if found && value != "" {
		return label, value, true
	}
	if len(cells) < 2 {
		return "", "", false
	}
	return strings.TrimSuffix(cells[0], ":"), cells[1], true
}

// record returns the record of person × KPI, made on first sight.
func (rd *reader) record(p PersonKey, code, name string, r int) *Record {
	f := rd.folds
	key := f.of(p.Code) + "\x00" + f.of(p.Name) + "\x00" + f.of(p.Plan) + "\x00" + f.of(code) + "\x00" + f.of(name)
	if rec, ok := rd.byKey[key]; ok {
		return rec
	}
	rec := &Record{Person: p, Row: r, KPICode: code, KPIName: name,
		PeriodTargets: map[int]*Value{}, Actuals: map[int]*ActualIn{}}
	rd.byKey[key] = rec
	rd.out.Records = append(rd.out.Records, rec)
	rd.labelBlock = false
	return rec
}
