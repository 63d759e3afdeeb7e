package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"kpiplanner/app"
	"kpiplanner/app/smart"
)

func cmdShow(e *env, fs *flag.FlagSet) error {
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	p, err := findPlan(s, pos[0])
	if err != nil {
		return err
	}
	w := bufio.NewWriter(&termWriter{w: e.out})
	showPlan(w, cleanPlan(p), catalog())
	return w.Flush()
}

func showPlan(w io.Writer, p *app.Plan, cat smart.Catalog) {
	fmt.Fprintf(w, "Plan %d: %s [%s]\n", p.ID, p.Name, p.Status)
	fmt.Fprintf(w, "Person: %s, %s, %s — base bonus %.0f %s\n", p.Person.Name, p.Person.Position, p.Person.Department, p.Person.BaseBonus, p.Person.Currency)
	fmt.Fprintf(w, "Cycle: %s – %s, %s (%d periods)\n", p.Cycle.Start, p.Cycle.End, p.Cycle.Frequency, p.Cycle.NumPeriods())
	fmt.Fprintf(w, "Goal: %s (%s)\n", p.Goal.Text, p.Goal.Type)
	gw := p.Rules.GroupWeights
	fmt.Fprintf(w, "Group weights: A %g, B %g, C %g; cap %g, floor %g; bonus %s\n\n", gw[app.GroupA], gw[app.GroupB], gw[app.GroupC], p.Rules.Cap, p.Rules.Floor, p.Rules.BonusMode)

	periods := p.Cycle.Periods()
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprint(tw, "KPI\tGRP\tW\tDIR\tAGG\tTARGET\tSMART")
	for _, pr := range periods {
		fmt.Fprintf(tw, "\t%s", pr.Label)
	}
	fmt.Fprintln(tw)
	for i := range p.KPIs {
		k := &p.KPIs[i]
		fmt.Fprintf(tw, "%s\t%s\t%g\t%s\t%s\t%s\t%s", k.ID, k.Group, k.Weight, k.Direction, k.Aggregation, targetText(k), letters(smart.KPI(p, k, cat)))
		for _, pr := range periods {
			fmt.Fprintf(tw, "\t%s", cell(k, pr.Index))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for i := range p.KPIs {
		k := &p.KPIs[i]
		fmt.Fprintf(w, "%s — %s\n", k.ID, k.Name)
		showPhasing(w, p, k) // targets per period and reference value (issue 12)
		for _, c := range smart.KPI(p, k, cat) {
			fmt.Fprintf(w, "  %s %-4s %s\n", c.Letter, c.Verdict, c.Reason)
		}
	}
	for _, warn := range smart.Plan(p, cat) {
		fmt.Fprintf(w, "warning: %s\n", warn.Msg)
	}
}

func targetText(k *app.KPI) string {
	switch k.Direction {
	case app.Range:
		return fmt.Sprintf("%g–%g ±%g", k.RangeLow, k.RangeHigh, k.Tolerance)
	case app.Milestone:
		return "done"
	}
	if k.Baseline != nil {
		return fmt.Sprintf("%g→%g", *k.Baseline, k.Target)
	}
	return fmt.Sprintf("%g", k.Target)
}

// letters shows SMART verdicts compactly: upper case = pass, lower = warn, "-" = fail.
func letters(cs []smart.Check) string {
	var b strings.Builder
	for _, c := range cs {
		switch c.Verdict {
		case smart.Pass:
			b.WriteString(string(c.Letter))
		case smart.Warn:
			b.WriteString(strings.ToLower(string(c.Letter)))
		default:
			b.WriteString("-")
		}
	}
	return b.String()
}

func cell(k *app.KPI, i int) string {
	a, ok := k.ActualAt(i)
	switch {
	case !ok:
		return "·"
	case k.Aggregation == app.Ratio:
		return fmt.Sprintf("%g/%g", a.Value, a.Den)
	}
	return fmt.Sprintf("%g", a.Value)
}

// cleanPlan returns a copy of p whose texts are safe to print (see clean).
func cleanPlan(p *app.Plan) *app.Plan {
	c := p.Clone()
	c.Name, c.Person.Name, c.Person.Department, c.Person.Position = clean(c.Name), clean(c.Person.Name), clean(c.Person.Department), clean(c.Person.Position)
	c.Person.Currency, c.Goal.Text, c.Goal.Type = clean(c.Person.Currency), clean(c.Goal.Text), clean(c.Goal.Type)
	for i := range c.KPIs {
		k := &c.KPIs[i]
		k.ID, k.Name, k.Description, k.Rationale, k.Note = clean(k.ID), clean(k.Name), clean(k.Description), clean(k.Rationale), clean(k.Note)
		k.DataSource, k.Owner, k.Exempt = clean(k.DataSource), clean(k.Owner), clean(k.Exempt)
	}
	return c
}
