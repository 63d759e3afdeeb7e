package sheet

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
)

// ActualChange is one actual an import records.
type ActualChange struct {
	Row    int         // the file row it comes from (1-based; a ratio's numerator row)
	KPI    string      // the KPI's id
	Name   string      // the KPI's name
	Period int         // 0-based period of the cycle
	Label  string      // the period's label
	Actual app.Actual  // what will be recorded
	Old    *app.Actual // what it replaces; nil when the period had no actual
}

// ActualsPreview is what an actuals import would record, with every problem
// found in the file. Nothing changes until Apply, which refuses to run
// while there is any problem.
type ActualsPreview struct {
	Changes []ActualChange
	Skipped int // rows of other people in a table of several people's actuals
	Errors  Errors
	plan    *app.Plan
}

// Err returns the problems found as one error (Errors), or nil.
func (pv *ActualsPreview) Err() error { return pv.Errors.errOrNil() }

// Apply returns a copy of the plan with the imported actuals recorded, or
// the problems found when there are any; the caller saves the plan.
func (pv *ActualsPreview) Apply() (*app.Plan, error) {
	if err := pv.Err(); err != nil {
		return nil, err
	}
	p := pv.plan.Clone()
	byID := make(map[string]*app.KPI, len(p.KPIs))
	for i := range p.KPIs {
		byID[p.KPIs[i].ID] = &p.KPIs[i]
	}
	for _, c := range pv.Changes {
		byID[c.KPI].SetActual(c.Actual)
	}
	return p, nil
}

// part is one imported number for a KPI's period: a value, numerator or denominator.
type part struct {
	v   float64
	row int
	col string
	raw string
}

// pending collects the parts of one KPI's period.
type pending struct {
	k          *app.KPI
	period     int
	value, num *part
	den        *part
	first      int // the first row that gave a part
}

// actualsImport parses one file's actuals for a plan.
type actualsImport struct {
	reader
	p       *app.Plan
	g       Grid
	h       *header
	pv      *ActualsPreview
	periods []app.Period
	cells   map[[2]int]*pending // (KPI index, period) → parts
	byLabel map[string]int      // lower-case period label → period
	byID    map[string]int      // lower-case KPI id → KPI index
}

// index builds the look-ups of periods by label and KPIs by id.
func (im *actualsImport) index() {
	im.byLabel = make(map[string]int, len(im.periods))
	for _, per := range im.periods {
		im.byLabel[strings.ToLower(per.Label)] = per.Index
	}
	im.byID = make(map[string]int, len(im.p.KPIs))
	for i := range im.p.KPIs {
		if _, dup := im.byID[strings.ToLower(im.p.KPIs[i].ID)]; !dup {
			im.byID[strings.ToLower(im.p.KPIs[i].ID)] = i
		}
	}
}

// findPeriod resolves a period label, or a 1-based period number, as
// Cycle.FindPeriod does, without building the cycle's periods again.
func (im *actualsImport) findPeriod(text string) (int, bool) {
	if i, ok := im.byLabel[strings.ToLower(text)]; ok {
		return i, true
	}
	if n, err := strconv.Atoi(text); err == nil && n >= 1 && n <= len(im.periods) {
		return n - 1, true
	}
	i, err := im.p.Cycle.FindPeriod(text)
	return i, err == nil
}

// ParseActuals reads a plan's actuals from a grid: the actuals template
// (KPIs down, periods across) or a long table (one row per KPI and period),
// as docs/import-format.md describes. It reports every problem, naming the
// row, column and value, and changes nothing.
func ParseActuals(p *app.Plan, g Grid, o ImportOptions) *ActualsPreview {
	im := &actualsImport{reader: newReader(o), p: p, g: g, pv: &ActualsPreview{plan: p},
		periods: p.Cycle.Periods(), cells: map[[2]int]*pending{}}
	im.index()
	h, ok := im.findHeader(g, []column{colID, colKPI}, []column{colID, colKPI, colValueType, colPeriod, colActual, colNumerator, colDenom, colPerson, colUnit})
	if !ok {
		im.pv.Errors = append(im.pv.Errors, noHeader(im.T(colKPI.Key)))
		return im.pv
	}
	im.h = h
	if h.Col(colPeriod) >= 0 {
		im.long()
	} else {
		im.wide()
	}
	im.combine()
	im.pv.Errors.sort()
	return im.pv
}

// fail records a problem with the cell at 0-based row r, column c.
func (im *actualsImport) fail(r, c int, m app.Msg) {
	e := &CellError{Row: r + 1, Msg: m}
	if c >= 0 {
		if c < len(im.h.Texts) {
			e.Column = im.h.Texts[c]
		}
		if e.Column == "" {
			e.Column = ColName(c)
		}
		e.Value = im.g.cell(r, c).Text
	}
	im.pv.Errors = append(im.pv.Errors, e)
}

// blank reports whether row r has no text at all.
func (im *actualsImport) blank(r int) bool {
	for _, c := range im.g[r] {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// kpi returns the index of the KPI row r names by code or, without one, by name.
func (im *actualsImport) kpi(r int) (int, bool) {
	if c := im.h.Col(colID); c >= 0 {
		if id := strings.TrimSpace(im.g.cell(r, c).Text); id != "" {
			if i, ok := im.byID[strings.ToLower(id)]; ok {
				return i, true
			}
			for i := range im.p.KPIs {
				if strings.EqualFold(im.p.KPIs[i].ID, id) {
					return i, true
				}
			}
			im.fail(r, c, app.M("'%s' is not a KPI of this plan", id))
			return 0, false
		}
	}
	c := im.h.Col(colKPI)
	name := strings.TrimSpace(im.g.cell(r, c).Text)
	if c < 0 || name == "" {
		im.fail(r, max(c, im.h.Col(colID)), app.M("the KPI is missing"))
		return 0, false
	}
	found := -1
	for i := range im.p.KPIs {
		if fold(im.p.KPIs[i].Name) == fold(name) {
			if found >= 0 {
				im.fail(r, c, app.M("'%s' names several KPIs of this plan; give the KPI code", name))
				return 0, false
			}
			found = i
		}
	}
	if found < 0 {
		im.fail(r, c, app.M("'%s' is not a KPI of this plan", name))
		return 0, false
	}
	return found, true
}

// looksLikePeriod matches period labels: 2026-03, 2026-Q1, 2026-W05.
var looksLikePeriod = regexp.MustCompile(`(?i)^\d{4}-(\d{1,2}|q\d|w\d{1,2})$`)

// period resolves a period written as a label, a 1-based number or a date
// inside it (a date cell or typed). ok is false with no error for text
// that is no period at all, when strict is false.
func (im *actualsImport) period(c GridCell, strict bool) (int, bool, app.Msg) {
	text := strings.TrimSpace(c.Text)
	outside := func() (int, bool, app.Msg) {
		if len(im.periods) == 0 {
			return 0, false, app.M("the plan's cycle has no periods")
		}
		return 0, false, app.M("'%s' is not a period of the plan's cycle (%s – %s)", text,
			im.periods[0].Label, im.periods[len(im.periods)-1].Label)
	}
	if c.IsNum && c.Num > 366 { // a date serial, not a period number
		if i := im.p.Cycle.PeriodOf(FromSerial(c.Num)); i >= 0 {
			return i, true, app.Msg{}
		}
		return outside()
	}
	if i, ok := im.findPeriod(text); ok {
		return i, true, app.Msg{}
	}
	if d, err := im.day(GridCell{Text: text}); err == nil && !d.IsZero() {
		if i := im.p.Cycle.PeriodOf(d); i >= 0 {
			return i, true, app.Msg{}
		}
		return outside()
	}
	if strict || looksLikePeriod.MatchString(text) {
		return outside()
	}
	return 0, false, app.Msg{}
}

// periodColumns maps the wide template's period columns to periods.
func (im *actualsImport) periodColumns() map[int]int {
	known := map[int]bool{}
	for _, c := range im.h.At {
		known[c] = true
	}
	cols := map[int]int{}
	seen := map[int]int{}
	for c, cell := range im.g[im.h.Row] {
		if known[c] || strings.TrimSpace(cell.Text) == "" {
			continue
		}
		i, ok, msg := im.period(cell, false)
		switch {
		case msg.Key != "":
			im.fail(im.h.Row, c, msg)
		case !ok:
		case seen[i] > 0:
			im.fail(im.h.Row, c, app.M("period %s is also in column %s", im.periods[i].Label, im.h.Texts[seen[i]-1]))
		default:
			seen[i] = c + 1
			cols[c] = i
		}
	}
	return cols
}

// wide reads the template: KPIs down, periods across.
func (im *actualsImport) wide() {
	cols := im.periodColumns()
	order := make([]int, 0, len(cols))
	for c := range cols {
		order = append(order, c)
	}
	slices.Sort(order)
	for r := im.h.Row + 1; r < len(im.g); r++ {
		if im.blank(r) {
			continue
		}
		ki, ok := im.kpi(r)
		if !ok {
			continue
		}
		k := &im.p.KPIs[ki]
		kind, ok := im.valueType(r, k)
		if !ok {
			continue
		}
		for _, c := range order {
			if strings.TrimSpace(im.g.cell(r, c).Text) != "" {
				im.value(r, c, ki, cols[c], kind)
			}
		}
	}
}

// valueType reads row r's value type: value, numerator or denominator.
func (im *actualsImport) valueType(r int, k *app.KPI) (string, bool) {
	c := im.h.Col(colValueType)
	text := im.g.cell(r, c).Text
	kind := valueRow
	if c >= 0 && strings.TrimSpace(text) != "" {
		v, ok := im.match(valueTypes, text)
		if !ok {
			im.fail(r, c, app.M("'%s' is not a value type: write %s, %s or %s", strings.TrimSpace(text),
				im.T(valueTypes[0].display), im.T(valueTypes[1].display), im.T(valueTypes[2].display)))
			return "", false
		}
		kind = v
	}
	if kind != valueRow && k.Aggregation != app.Ratio {
		im.fail(r, c, app.M("%s is not a ratio KPI: it takes one value per period, not a numerator and a denominator", k.Name))
		return "", false
	}
	return kind, true
}

// long reads a table with one row per KPI and period.
func (im *actualsImport) long() {
	pc := im.h.Col(colPeriod)
	vc := im.h.Col(colActual)
	if vc < 0 {
		vc = im.h.Col(colNumerator)
	}
	if vc < 0 {
		im.fail(im.h.Row, -1, app.M("no %s column", im.T(colActual.Key)))
		return
	}
	dc := im.h.Col(colDenom)
	for r := im.h.Row + 1; r < len(im.g); r++ {
		if im.blank(r) || im.otherPerson(r) || strings.TrimSpace(im.g.cell(r, vc).Text) == "" {
			continue
		}
		ki, ok := im.kpi(r)
		if !ok {
			continue
		}
		per, ok, msg := im.period(im.g.cell(r, pc), true)
		if !ok {
			im.fail(r, pc, msg)
			continue
		}
		if im.p.KPIs[ki].Aggregation != app.Ratio {
			im.value(r, vc, ki, per, valueRow)
			continue
		}
		if dc >= 0 && strings.TrimSpace(im.g.cell(r, dc).Text) != "" {
			im.value(r, vc, ki, per, numRow)
			im.value(r, dc, ki, per, denRow)
		} else {
			im.value(r, vc, ki, per, valueRow)
		}
	}
}

// otherPerson reports (and counts) a row of someone else than the plan's person.
func (im *actualsImport) otherPerson(r int) bool {
	c := im.h.Col(colPerson)
	name := strings.TrimSpace(im.g.cell(r, c).Text)
	if c < 0 || name == "" || fold(name) == fold(im.p.Person.Name) {
		return false
	}
	im.pv.Skipped++
	return true
}
