package ui

import (
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// planTemplate is what the plan screen shows of the template a plan was
// made from: "Template: Sales L2 v3 · 2 fields adjusted" in the header and
// a marker beside each KPI with adjusted fields.
type planTemplate struct {
	tmpl      *app.Template
	overrides []template.Override
	line      *widget.Label
}

// setTemplate records the plan's template version and overrides, fills the
// header line and marks the KPIs whose fields differ from the template.
func (s *planScreen) setTemplate(t *app.Template, ov []template.Override) {
	u := s.u
	s.tmpl.tmpl, s.tmpl.overrides = t, ov
	if t == nil {
		s.tmpl.line.Hide()
		s.kpis.setTemplateMarks(nil)
		return
	}
	text := u.T("Template: %s", t.Label())
	if len(ov) > 0 {
		text += " · " + u.T("%d fields adjusted", len(ov))
	}
	s.tmpl.line.SetText(text)
	s.tmpl.line.Show()
	marks := map[string]string{}
	for _, o := range ov {
		if o.KPI == "" {
			continue
		}
		line := u.T("%s: template %s, this plan %s", u.tr.FieldName(o.Field), o.Template, o.Plan)
		marks[o.KPI] = strings.TrimPrefix(marks[o.KPI]+"\n"+line, "\n")
	}
	s.kpis.setTemplateMarks(marks)
}

// newTemplateLine is the header's template label, hidden until setTemplate.
func newTemplateLine() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.LowImportance
	l.Hide()
	return l
}

// newTemplateMark sits beside a KPI's name when fields of it differ from
// the template: the pointer shows them in the status line, a tap in full.
func newTemplateMark(u *UI) *changeMark {
	m := newChangeMark(u)
	m.Icon = theme.DocumentIcon()
	m.Importance = widget.MediumImportance
	m.OnTapped = func() { showMessage(u.win, u.T("Adjusted from the template"), m.text) }
	return m
}

// setTemplateMarks marks the KPIs adjusted from the template, by KPI id.
func (t *kpiTable) setTemplateMarks(marks map[string]string) {
	t.tmplMarks = marks
	for _, r := range t.rows {
		r.tmark.set(marks[r.id])
	}
}
