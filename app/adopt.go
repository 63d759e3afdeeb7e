package app

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// AdoptPeople builds a people registry from the persons plans carry: one
// person per distinct name and department (compared in NFC, trimmed), coded
// CodeFor(1), CodeFor(2), … in the order plans first mention them; one unit
// per distinct department under a root unit named root (code COMPANY). Each
// plan gets its person's PersonUID; the first plan's position, base bonus and
// currency win. Plans that already refer to a person are left alone.
func AdoptPeople(plans []*Plan, root string) ([]OrgUnit, []Employee) {
	units := []OrgUnit{{UID: NewUID(), Code: "COMPANY", Name: root}}
	unitOf := map[string]UID{}
	codes := map[string]bool{"COMPANY": true}
	var people []Employee
	personOf := map[[2]string]UID{}
	for _, p := range plans {
		if p.PersonUID != "" {
			continue
		}
		name, dept := strings.TrimSpace(NFC(p.Person.Name)), strings.TrimSpace(NFC(p.Person.Department))
		key := [2]string{name, dept}
		if uid, ok := personOf[key]; ok {
			p.PersonUID = uid
			continue
		}
		unit := units[0].UID
		if dept != "" {
			if unit = unitOf[dept]; unit == "" {
				u := OrgUnit{UID: NewUID(), Code: uniqueCode(UnitCode(dept), codes), Name: dept, Parent: units[0].UID}
				units = append(units, u)
				unitOf[dept], unit = u.UID, u.UID
			}
		}
		if name == "" {
			name = "?"
		}
		e := Employee{UID: NewUID(), Code: CodeFor(len(people) + 1), Name: name, Unit: unit, Position: p.Person.Position,
			BaseBonus: p.Person.BaseBonus, Currency: p.Person.Currency}
		people = append(people, e)
		personOf[key], p.PersonUID = e.UID, e.UID
	}
	return units, people
}

// UnitCode makes a unit code from a name: upper-case ASCII letters and
// digits with accents removed (đ as D), other runs as one '-'; "Phòng Kinh
// doanh" → "PHONG-KINH-DOANH".
func UnitCode(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'D'
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToUpper(r))
			dash = false
		} else {
			dash = true
		}
	}
	s := b.String()
	if s == "" {
		s = "UNIT"
	}
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	return s
}

// uniqueCode returns code, or code-2, code-3, … when taken, and marks it taken.
func uniqueCode(code string, taken map[string]bool) string {
	c := code
	for n := 2; taken[c]; n++ {
		c = code + "-" + strconv.Itoa(n)
	}
	taken[c] = true
	return c
}
