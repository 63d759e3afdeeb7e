package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Employee is one person of the workspace's people registry; plans refer to
// an employee by UID (Plan.PersonUID).
type Employee struct {
	UID       UID
	Code      string // employee code (mã nhân viên), unique in the workspace, e.g. NV0012
	Name      string // full name
	Unit      UID    // the org unit the person belongs to; "" when none
	Position  string // e.g. "Sales executive"
	Level     int    // e.g. 1–5; 0 when not graded
	Manager   UID    // another employee; "" when none
	Joined    Date   // join date; zero when unknown
	Left      Date   // leave date; zero while employed
	BaseBonus float64
	Currency  string // ISO code, e.g. VND
	Email     string
}

// Archived reports whether the person has left the company.
func (e *Employee) Archived() bool { return !e.Left.IsZero() }

// OrgUnit is one node of the organisation tree: company, division, department
// or team.
type OrgUnit struct {
	UID    UID
	Code   string // unique in the workspace, e.g. "SALES"
	Name   string
	Parent UID // "" for the root (the company)
	Head   UID // the employee who heads the unit; "" when none
}

// Validate checks e's own fields (codes, names, numbers and dates), returning
// a *ValidationError naming each bad field, or nil.
func (e *Employee) Validate() error {
	v := &validator{}
	v.code("code", e.Code)
	v.required("name", e.Name)
	v.maxLen("", "name", e.Name, MaxNameLen)
	v.maxLen("", "position", e.Position, MaxNameLen)
	v.maxLen("", "email", e.Email, MaxNameLen)
	if e.Level < 0 || e.Level > 99 {
		v.add("", "level", M("must be between 0 and 99"))
	}
	if math.IsNaN(e.BaseBonus) || math.IsInf(e.BaseBonus, 0) || e.BaseBonus < 0 {
		v.add("", "base_bonus", M("must be a number of zero or more"))
	}
	if !e.Left.IsZero() && !e.Joined.IsZero() && e.Left.Before(e.Joined) {
		v.add("", "left", M("must not be before the join date (%s)", e.Joined))
	}
	if e.Email != "" && !strings.Contains(e.Email, "@") {
		v.add("", "email", M("is not an e-mail address"))
	}
	if e.Manager != "" && e.Manager == e.UID {
		v.add("", "manager", M("a person cannot be their own manager"))
	}
	return v.result(e.Code)
}

// Validate checks u's own fields, returning a *ValidationError or nil.
func (u *OrgUnit) Validate() error {
	v := &validator{}
	v.code("code", u.Code)
	v.required("name", u.Name)
	v.maxLen("", "name", u.Name, MaxNameLen)
	if u.Parent != "" && u.Parent == u.UID {
		v.add("", "parent", M("a unit cannot be its own parent"))
	}
	return v.result(u.Code)
}

func (v *validator) code(field, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		v.add("", field, M("is required"))
	case utf8.RuneCountInString(s) > MaxIDLen:
		v.add("", field, M("is %d characters long; at most %d are allowed", utf8.RuneCountInString(s), MaxIDLen))
	case strings.ContainsAny(s, " \t\r\n"):
		v.add("", field, M("must not contain spaces"))
	}
}

func (v *validator) required(field, s string) {
	if strings.TrimSpace(s) == "" {
		v.add("", field, M("is required"))
	}
}

func (v *validator) result(name string) error {
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Plan: name, Fields: v.errs}
}

// CodeFor returns the generated employee code number n: NV0001, NV0002, …
func CodeFor(n int) string { return fmt.Sprintf("NV%04d", n) }

// NextCode returns the generated employee code after the highest NV code in
// use: NV0013 when NV0012 is the highest.
func NextCode(people []Employee) string {
	n := 0
	for _, e := range people {
		if rest, ok := strings.CutPrefix(e.Code, "NV"); ok {
			if v, err := strconv.Atoi(rest); err == nil {
				n = max(n, v)
			}
		}
	}
	return CodeFor(n + 1)
}
