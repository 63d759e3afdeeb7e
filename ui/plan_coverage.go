package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
)

// coverageTab shows, on a unit's plan, each unit KPI's target beside Σ of
// its contributors' targets with the gap, and offers to split a target.
type coverageTab struct {
	s     *planScreen
	hint  *widget.Label
	list  *fyne.Container
	lines []cascade.Line
	texts []string   // each line as a sentence, made off the UI goroutine
	names [][]string // each line's contributing plans, in split order
}

func newCoverageTab(s *planScreen) *coverageTab {
	c := &coverageTab{s: s, list: container.NewVBox()}
	c.hint = widget.NewLabel(s.u.T("Each unit KPI's target beside the sum of the targets that contribute to it. Its actuals are rolled up from them."))
	c.hint.Wrapping = fyne.TextWrapWord
	c.hint.Importance = widget.LowImportance
	return c
}

func (c *coverageTab) item() *container.TabItem {
	return container.NewTabItemWithIcon(c.s.u.T("Coverage"), theme.ViewRestoreIcon(),
		container.NewBorder(c.hint, nil, nil, nil, container.NewVScroll(c.list)))
}

// reload computes the coverage of the plan's KPIs in the background.
func (c *coverageTab) reload() {
	u, id := c.s.u, c.s.id
	var lines []cascade.Line
	var texts []string
	var names [][]string
	u.async(func() error {
		g, _, err := u.ws.Cascade()
		if err != nil {
			return err
		}
		units, err := u.ws.Units()
		if err != nil {
			return err
		}
		org := app.NewOrg(units)
		lines = g.Coverage(func(p *app.Plan) bool { return p.ID == id })
		for _, l := range lines {
			texts = append(texts, l.Text(u.tr, cmpName(org.Name(l.Plan.UnitUID), l.Plan.Name)))
			var ns []string
			for _, k := range g.Contributors(l.Plan, l.KPI.ID) {
				ns = append(ns, k.Plan.Name)
			}
			names = append(names, ns)
		}
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		c.show(lines, texts, names)
	})
}

func cmpName(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (c *coverageTab) show(lines []cascade.Line, texts []string, names [][]string) {
	c.lines, c.texts, c.names = lines, texts, names
	c.list.RemoveAll()
	for i := range lines {
		l := widget.NewLabel(texts[i])
		l.Wrapping = fyne.TextWrapWord
		switch {
		case lines[i].Short():
			l.Importance = widget.WarningImportance
		case lines[i].Contributors > 0 && !lines[i].Over():
			l.Importance = widget.SuccessImportance
		}
		split := widget.NewButtonWithIcon(c.s.u.T("Split target…"), theme.ContentCutIcon(), func() { c.onSplit(i) })
		if lines[i].Contributors == 0 || lines[i].Rate {
			split.Disable()
		}
		c.list.Add(container.NewBorder(nil, nil, nil, split, l))
	}
	if len(lines) == 0 {
		c.list.Add(widget.NewLabel(c.s.u.T("This plan has no KPIs yet.")))
	}
}
