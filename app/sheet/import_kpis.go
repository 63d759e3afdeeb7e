package sheet

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
)

// KPIRow is one KPI definition an import adds or updates.
type KPIRow struct {
	Row int     // 1-based file row
	KPI app.KPI // the KPI as the import leaves it
	New bool    // added, rather than an update of the plan's KPI with the same code
}

// KPIPreview is what a KPI definitions import would do to a plan, with
// every problem found. Nothing changes until Apply, which refuses to run
// while there is any problem.
type KPIPreview struct {
	Rows   []KPIRow
	Errors Errors
	plan   *app.Plan // a copy of the plan with the import done
}

// Err returns the problems found as one error (Errors), or nil.
func (pv *KPIPreview) Err() error { return pv.Errors.errOrNil() }

// Apply returns a copy of the plan with the KPIs added and updated, or the
// problems found when there are any; the caller saves the plan.
func (pv *KPIPreview) Apply() (*app.Plan, error) {
	if err := pv.Err(); err != nil {
		return nil, err
	}
	return pv.plan.Clone(), nil
}

// kpiImport parses a KPI definitions sheet into a copy of a plan.
type kpiImport struct {
	reader
	out  *app.Plan
	g    Grid
	h    *header
	pv   *KPIPreview
	rows map[string]int // KPI id → 0-based grid row
}

// ParseKPIs reads KPI definitions from a grid whose header row names the
// columns (in English or Vietnamese, any case, with or without accents; see
// docs/import-format.md). A row whose KPI code (or, without a code column,
// whose name) matches one of p's KPIs updates it, keeping its actuals; other
// rows add KPIs. Empty cells leave a field as it is. Every problem is
// reported with its row, column and value, including what plan validation
// finds in the imported KPIs; nothing changes.
func ParseKPIs(p *app.Plan, g Grid, o ImportOptions) *KPIPreview {
	im := &kpiImport{reader: newReader(o), out: p.Clone(), g: g, pv: &KPIPreview{}, rows: map[string]int{}}
	h, ok := im.findHeader(g, []column{colName, colID}, kpiColumns)
	if !ok {
		im.pv.Errors = append(im.pv.Errors, noHeader(im.T(colName.Key)))
		return im.pv
	}
	im.h = h
	var order []string
	for r := h.Row + 1; r < len(g); r++ {
		if !im.blank(r) {
			if id, ok := im.row(r); ok {
				order = append(order, id)
			}
		}
	}
	im.validate()
	for _, id := range order {
		k := im.out.KPI(id)
		im.pv.Rows = append(im.pv.Rows, KPIRow{Row: im.rows[id] + 1, KPI: *k, New: p.KPI(id) == nil})
	}
	im.pv.plan = im.out
	im.pv.Errors.sort()
	return im.pv
}

func (im *kpiImport) blank(r int) bool {
	for _, c := range im.g[r] {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// text returns the trimmed text of row r's cell of column c, and whether the column exists.
func (im *kpiImport) text(r int, c column) (string, int) {
	i := im.h.Col(c)
	if i < 0 {
		return "", -1
	}
	return strings.TrimSpace(im.g.cell(r, i).Text), i
}

// fail records a problem with row r's cell in column i (-1 for the row).
func (im *kpiImport) fail(r, i int, m app.Msg) {
	e := &CellError{Row: r + 1, Msg: m}
	if i >= 0 {
		e.Column = im.h.Texts[i]
		e.Value = im.g.cell(r, i).Text
	}
	im.pv.Errors = append(im.pv.Errors, e)
}

// row reads row r into the plan copy and returns the KPI's id.
func (im *kpiImport) row(r int) (string, bool) {
	k, ok := im.target(r)
	if !ok {
		return "", false
	}
	before := len(im.pv.Errors)
	im.fields(r, k)
	return k.ID, len(im.pv.Errors) == before
}

// target finds the plan KPI row r updates, or adds a new one.
func (im *kpiImport) target(r int) (*app.KPI, bool) {
	id, ic := im.text(r, colID)
	name, nc := im.text(r, colName)
	if id != "" {
		if prev, dup := im.rows[lowerID(im.out, id)]; dup {
			im.fail(r, ic, app.M("KPI code %s is also in row %d", id, prev+1))
			return nil, false
		}
		for i := range im.out.KPIs {
			if strings.EqualFold(im.out.KPIs[i].ID, id) {
				im.rows[im.out.KPIs[i].ID] = r
				return &im.out.KPIs[i], true
			}
		}
	} else if name != "" && ic < 0 {
		var found *app.KPI
		for i := range im.out.KPIs {
			if fold(im.out.KPIs[i].Name) == fold(name) {
				if found != nil {
					im.fail(r, nc, app.M("'%s' names several KPIs of this plan; give the KPI code", name))
					return nil, false
				}
				found = &im.out.KPIs[i]
			}
		}
		if found != nil {
			if prev, dup := im.rows[found.ID]; dup {
				im.fail(r, nc, app.M("KPI %s is also in row %d", name, prev+1))
				return nil, false
			}
			im.rows[found.ID] = r
			return found, true
		}
	}
	if name == "" {
		im.fail(r, nc, app.M("a new KPI needs a name"))
		return nil, false
	}
	if id == "" {
		id = freeID(im.out)
	}
	im.out.KPIs = append(im.out.KPIs, app.CustomKPI(id, ""))
	im.rows[id] = r
	return &im.out.KPIs[len(im.out.KPIs)-1], true
}

// lowerID returns the id of p's KPI whose id equals id ignoring case, or id.
func lowerID(p *app.Plan, id string) string {
	for _, k := range p.KPIs {
		if strings.EqualFold(k.ID, id) {
			return k.ID
		}
	}
	return id
}

// freeID returns the first of k1, k2… that no KPI of p uses.
func freeID(p *app.Plan) string {
	for n := len(p.KPIs) + 1; ; n++ {
		id := "k" + strconv.Itoa(n)
		if p.KPI(id) == nil {
			return id
		}
	}
}

// fields sets the KPI's fields from the non-empty cells of row r.
func (im *kpiImport) fields(r int, k *app.KPI) {
	im.textFields(r, k)
	im.enumFields(r, k)
	im.number(r, colTarget, &k.Target, false)
	im.number(r, colWeight, &k.Weight, false)
	im.number(r, colRangeLow, &k.RangeLow, false)
	im.number(r, colRangeHigh, &k.RangeHigh, false)
	im.number(r, colTolerance, &k.Tolerance, false)
	im.number(r, colShare, &k.Share, true)
	im.optional(r, colBaseline, &k.Baseline, false)
	im.optional(r, colFloor, &k.Floor, true)
	im.optional(r, colCap, &k.Cap, true)
	im.deadlineField(r, k)
	im.optional(r, colReference, &k.Reference, false)
	im.periodTargetsField(r, k)
	if s, i := im.text(r, colSteps); i >= 0 && s != "" {
		if steps, ok := im.steps(r, i, s); ok {
			k.Steps = steps
		}
	}
}

// textFields sets the KPI's free-text fields from the non-empty cells of row r.
func (im *kpiImport) textFields(r int, k *app.KPI) {
	str := func(c column, dst *string) { // free text, kept as written
		if s, i := im.text(r, c); i >= 0 && s != "" {
			*dst = im.g.cell(r, i).Text
		}
	}
	if s, i := im.text(r, colName); i >= 0 && s != "" && fold(s) != fold(k.Name) {
		k.Name = im.g.cell(r, i).Text
	}
	str(colDescription, &k.Description)
	str(colDataSource, &k.DataSource)
	str(colOwner, &k.Owner)
	str(colRationale, &k.Rationale)
	str(colNote, &k.Note)
	str(colExempt, &k.Exempt)
	if s, i := im.text(r, colLibraryID); i >= 0 && s != "" {
		k.LibraryID = s
	}
	if s, i := im.text(r, colUnitPlan); i >= 0 && s != "" {
		k.UnitPlan = app.UID(s)
	}
	str(colUnitKPI, &k.UnitKPI)
	if s, i := im.text(r, colFromTemplate); i >= 0 && s != "" {
		k.FromTemplate = s
	}
}

// enumFields sets the KPI's enumerated fields from the non-empty cells of
// row r; a KPI left without a group gets the one its effort and impact
// suggest, else B.
func (im *kpiImport) enumFields(r int, k *app.KPI) {
	im.enum(r, colUnit, unitWords, (*string)(&k.Unit))
	im.enum(r, colDirection, directionWords, (*string)(&k.Direction))
	im.enum(r, colAggregation, aggregationWords, (*string)(&k.Aggregation))
	im.enum(r, colEffort, levelWords, (*string)(&k.Effort))
	im.enum(r, colImpact, levelWords, (*string)(&k.Impact))
	if !im.enum(r, colGroup, groupWords, (*string)(&k.Group)) && k.Group == "" {
		k.Group = app.SuggestGroup(k.Effort, k.Impact)
		if k.Group == "" {
			k.Group = app.GroupB
		}
	}
}

// deadlineField sets the KPI's deadline from row r when its cell is not empty.
func (im *kpiImport) deadlineField(r int, k *app.KPI) {
	if s, i := im.text(r, colDeadline); i >= 0 && s != "" {
		d, err := im.day(im.g.cell(r, i))
		if err != nil {
			im.fail(r, i, msgOf(err))
		} else {
			k.Deadline = d
		}
	}
}

// enum reads an enumerated value, reporting whether the cell had one.
func (im *kpiImport) enum(r int, c column, words []word, dst *string) bool {
	s, i := im.text(r, c)
	if i < 0 || s == "" {
		return false
	}
	v, ok := im.match(words, s)
	if !ok {
		var names []string
		for _, w := range words {
			n := w.value
			if w.display != "" {
				n = im.T(w.display)
			}
			names = append(names, n)
		}
		im.fail(r, i, app.M("'%s' is not one of: %s", s, strings.Join(names, ", ")))
		return false
	}
	*dst = v
	return true
}

// number reads a number; frac reads achievements (120 % → 1.2).
func (im *kpiImport) number(r int, c column, dst *float64, frac bool) {
	s, i := im.text(r, c)
	if i < 0 || s == "" {
		return
	}
	read := im.num
	if frac {
		read = im.fraction
	}
	v, err := read(im.g.cell(r, i))
	if err != nil {
		im.fail(r, i, msgOf(err))
		return
	}
	*dst = v
}

// optional reads a number into an optional field.
func (im *kpiImport) optional(r int, c column, dst **float64, frac bool) {
	var v float64
	if s, i := im.text(r, c); i < 0 || s == "" {
		return
	}
	before := len(im.pv.Errors)
	im.number(r, c, &v, frac)
	if len(im.pv.Errors) == before {
		*dst = app.Float(v)
	}
}

// steps reads step bands written "80%: 60; 100%: 100" (achievement: score).
func (im *kpiImport) steps(r, i int, s string) ([]app.StepBand, bool) {
	var out []app.StepBand
	for _, item := range strings.Split(s, ";") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		from, score, ok := cutAny(item, ":", "→", "=>", "=")
		if !ok {
			im.fail(r, i, app.M("'%s': write step bands as achievement: score, e.g. 80%%: 60; 100%%: 100", strings.TrimSpace(item)))
			return nil, false
		}
		f, err := im.fraction(GridCell{Text: from})
		if err == nil {
			var sc float64
			sc, err = im.num(GridCell{Text: score})
			out = append(out, app.StepBand{From: f, Score: sc})
		}
		if err != nil {
			im.fail(r, i, msgOf(err))
			return nil, false
		}
	}
	return out, true
}

// cutAny cuts s around the first of seps it contains.
func cutAny(s string, seps ...string) (string, string, bool) {
	for _, sep := range seps {
		if a, b, ok := strings.Cut(s, sep); ok {
			return a, b, true
		}
	}
	return "", "", false
}

// fieldColumns maps app.FieldError fields to the columns that set them.
var fieldColumns = map[string]column{
	"id": colID, "name": colName, "unit": colUnit, "direction": colDirection, "aggregation": colAggregation,
	"group": colGroup, "weight": colWeight, "baseline": colBaseline, "target": colTarget,
	"range_low": colRangeLow, "range_high": colRangeHigh, "tolerance": colTolerance, "floor": colFloor,
	"cap": colCap, "effort": colEffort, "impact": colImpact, "steps": colSteps, "deadline": colDeadline,
	"description": colDescription, "rationale": colRationale, "note": colNote, "exempt": colExempt,
	"data_source": colDataSource, "owner": colOwner, "library_id": colLibraryID, "from_template": colFromTemplate,
	"reference": colReference, "period_targets": colPeriodTargets,
	"unit_plan": colUnitPlan, "unit_kpi": colUnitKPI, "share": colShare,
}

// validate reports what plan validation finds wrong with the imported KPIs.
func (im *kpiImport) validate() {
	var ve *app.ValidationError
	if !errors.As(im.out.Validate(), &ve) {
		return
	}
	for _, fe := range ve.Fields {
		r, ok := im.rows[fe.KPI]
		if !ok {
			continue
		}
		e := &CellError{Row: r + 1, Msg: fe.Msg}
		if c, ok := fieldColumns[fe.Field]; ok {
			if i := im.h.Col(c); i >= 0 {
				e.Column, e.Value = im.h.Texts[i], im.g.cell(r, i).Text
			} else {
				e.Column = im.T(c.Key)
			}
		} else {
			e.Msg = app.M("%s: %s", fe.Field, fe.Msg)
		}
		if !slices.ContainsFunc(im.pv.Errors, func(x *CellError) bool { return x.Row == e.Row && x.Column == e.Column }) {
			im.pv.Errors = append(im.pv.Errors, e)
		}
	}
}
