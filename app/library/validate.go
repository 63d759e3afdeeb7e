package library

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

// EntryError is a library entry that failed validation: where it came from
// and every field at fault.
type EntryError struct {
	Source string // the file it was read from; "" when not read from a file
	Index  int    // 0-based position in the file; -1 when not read from a file
	ID     string
	Fields []*app.FieldError // KPI is the entry id, Field e.g. "name.vi"
}

// Error describes the entry (counting file positions from 1) and its problems in English.
func (e *EntryError) Error() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source + ": ")
	}
	switch {
	case e.Index >= 0 && e.ID != "":
		fmt.Fprintf(&b, "entry %d (%s)", e.Index+1, e.ID)
	case e.Index >= 0:
		fmt.Fprintf(&b, "entry %d", e.Index+1)
	default:
		fmt.Fprintf(&b, "library entry %q", e.ID)
	}
	for i, f := range e.Fields {
		sep := "; "
		if i == 0 {
			sep = ": "
		}
		b.WriteString(sep + f.Field + ": " + f.Msg.String())
	}
	return b.String()
}

// Is makes EntryError match app.ErrInvalid.
func (e *EntryError) Is(target error) bool { return target == app.ErrInvalid }

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const maxIDLen = 64

var (
	unitIDs        = toStrings(app.Units)
	directionIDs   = toStrings(app.Directions)
	aggregationIDs = toStrings(app.Aggregations)
	levelIDs       = []string{string(app.High), string(app.Low)}
	groupIDs       = toStrings(app.Groups)
)

func toStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// checker collects the field errors of one entry.
type checker struct {
	id     string
	fields []*app.FieldError
}

func (c *checker) add(field string, m app.Msg) {
	c.fields = append(c.fields, &app.FieldError{KPI: c.id, Field: field, Msg: m})
}

func (c *checker) checkID(id string) {
	switch {
	case id == "":
		c.add("id", app.M("is required"))
	case len(id) > maxIDLen:
		c.add("id", app.M("must be at most %d characters", maxIDLen))
	case !idPattern.MatchString(id):
		c.add("id", app.M("must be lower-case letters and digits joined by hyphens, e.g. conversion-rate"))
	}
}

// enum checks that v is one of allowed, or empty when not required.
func (c *checker) enum(field, v string, allowed []string, required bool) {
	switch {
	case v == "" && required:
		c.add(field, app.M("is required"))
	case v != "" && !slices.Contains(allowed, v):
		c.add(field, app.M("%q is not one of %s", v, strings.Join(allowed, ", ")))
	}
}

// need says how many languages a text must be given in.
type need int

const (
	optional need = iota
	oneLang
	bothLangs
)

// text checks a bilingual text against n; each language must also be
// NFC-normalised and free of surrounding spaces.
func (c *checker) text(field string, tx app.Text, n need) {
	switch {
	case n == oneLang && tx.VI == "" && tx.EN == "":
		c.add(field, app.M("is required in Vietnamese or English"))
	case n == bothLangs:
		if tx.VI == "" {
			c.add(field+".vi", app.M("is required"))
		}
		if tx.EN == "" {
			c.add(field+".en", app.M("is required"))
		}
	}
	for _, l := range []struct{ lang, s string }{{"vi", tx.VI}, {"en", tx.EN}} {
		switch {
		case strings.TrimSpace(l.s) != l.s:
			c.add(field+"."+l.lang, app.M("must not start or end with spaces"))
		case !norm.NFC.IsNormalString(l.s):
			c.add(field+"."+l.lang, app.M("must be NFC-normalised Unicode"))
		}
	}
}

// isMarker reports whether e only hides a built-in entry.
func isMarker(e *app.LibraryEntry) bool {
	return e.Hidden && !e.Custom && e.Name == (app.Text{})
}

// check returns e's problems. strict is for built-in entries: every field
// in both languages and data sources from DataSources; otherwise a name in
// one language and the unit, direction and aggregation are enough.
func check(e *app.LibraryEntry, strict bool) []*app.FieldError {
	c := &checker{id: e.ID}
	c.checkID(e.ID)
	if !strict && isMarker(e) {
		return c.fields
	}
	texts, must := optional, oneLang
	if strict {
		texts, must = bothLangs, bothLangs
	}
	c.text("name", e.Name, must)
	c.text("description", e.Description, texts)
	c.text("formula", e.Formula, texts)
	c.enum("unit", string(e.Unit), unitIDs, true)
	c.enum("direction", string(e.Direction), directionIDs, true)
	c.enum("aggregation", string(e.Aggregation), aggregationIDs, true)
	c.ratio(e, must)
	c.enum("department", e.Department, labelIDs(Departments), strict)
	c.enum("stage", e.Stage, labelIDs(Stages), false)
	c.enum("perspective", e.Perspective, labelIDs(Perspectives), strict)
	c.enum("tier", e.Tier, labelIDs(Tiers), strict)
	if strict {
		c.enum("data_source", e.DataSource, labelIDs(DataSources), true)
	}
	c.enum("effort", string(e.Effort), levelIDs, strict)
	c.enum("impact", string(e.Impact), levelIDs, strict)
	if strict && (e.Custom || e.Hidden) {
		c.add("custom", app.M("custom and hidden are not set on built-in entries"))
	}
	return c.fields
}

// ratio checks that ratio entries name their numerator and denominator and
// that other entries leave them empty.
func (c *checker) ratio(e *app.LibraryEntry, must need) {
	if e.Aggregation == app.Ratio {
		c.text("numerator", e.Numerator, must)
		c.text("denominator", e.Denominator, must)
		return
	}
	if e.Numerator != (app.Text{}) {
		c.add("numerator", app.M("is only for ratio KPIs"))
	}
	if e.Denominator != (app.Text{}) {
		c.add("denominator", app.M("is only for ratio KPIs"))
	}
}

// Validate checks a user's entry (or a hide marker) and returns an
// *EntryError listing every problem, or nil. It does not know the built-in
// ids; SaveCustom checks those.
func Validate(e app.LibraryEntry) error {
	if fs := check(&e, false); len(fs) > 0 {
		return &EntryError{Index: -1, ID: e.ID, Fields: fs}
	}
	return nil
}

// Normalize returns e with its texts NFC-normalised and trimmed, as typed
// input should be before Validate.
func Normalize(e app.LibraryEntry) app.LibraryEntry {
	for _, tx := range []*app.Text{&e.Name, &e.Description, &e.Formula, &e.Numerator, &e.Denominator} {
		tx.VI = clean(tx.VI)
		tx.EN = clean(tx.EN)
	}
	for _, s := range []*string{&e.ID, &e.Department, &e.Stage, &e.Perspective, &e.Tier, &e.DataSource} {
		*s = clean(*s)
	}
	return e
}

func clean(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }
