package wizard

import (
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/smart"
)

// Checks returns the live S-M-A-R-T checklist of one KPI, or nil when the
// plan has no such KPI.
func (d *Draft) Checks(kpiID string) []smart.Check {
	k := d.Plan.KPI(kpiID)
	if k == nil {
		return nil
	}
	return smart.KPI(d.Plan, k, d.Catalog())
}

// Verdict returns the worst SMART verdict of one KPI.
func (d *Draft) Verdict(kpiID string) smart.Verdict { return smart.Worst(d.Checks(kpiID)) }

// SetDirection changes a KPI's direction; a milestone is scored on its last
// value (1 = done) with target 1.
func (d *Draft) SetDirection(kpiID string, dir app.Direction) {
	k := d.Plan.KPI(kpiID)
	if k == nil {
		return
	}
	k.Direction = dir
	if dir == app.Milestone {
		k.Aggregation, k.Target = app.Last, 1
	}
}

// DataSourceNames returns the names of the library's data sources in the
// draft's language, for a pick list.
func (d *Draft) DataSourceNames() []string {
	out := make([]string, len(library.DataSources))
	for i, l := range library.DataSources {
		out[i] = l.Name.In(d.lang)
	}
	return out
}

// DataSourceName returns how a KPI's data source reads in the draft's
// language: a library data source's name, or the text typed.
func (d *Draft) DataSourceName(source string) string {
	return library.LabelName(library.DataSources, source, d.lang)
}

// SetDataSource sets a KPI's data source from what was picked or typed: a
// library data source's name (in either language) becomes its id, other
// text is kept as typed.
func (d *Draft) SetDataSource(kpiID, text string) {
	k := d.Plan.KPI(kpiID)
	if k == nil {
		return
	}
	text = strings.TrimSpace(text)
	k.DataSource = text
	for _, l := range library.DataSources {
		if strings.EqualFold(text, l.Name.VI) || strings.EqualFold(text, l.Name.EN) || text == l.ID {
			k.DataSource = l.ID
		}
	}
}
