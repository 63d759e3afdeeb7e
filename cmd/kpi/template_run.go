package main

import (
	"fmt"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/template"
	"kpiplanner/app/workspace"
)

// settable are the KPI fields `kpi template update --set` changes.
var settable = []string{"name", "description", "rationale", "target", "baseline", "weight", "group", "range_low", "range_high", "tolerance", "data_source"}

func templateShow(e *env, f *templateFlags, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: template show T", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	t, err := ws.FindTemplate(args[0])
	if err != nil {
		return err
	}
	vs, err := ws.TemplateVersions(t.UID)
	if err != nil {
		return err
	}
	w := &termWriter{w: e.out}
	fmt.Fprintf(w, "%s  v%d  position %s  level %s  uid %s\n", clean(t.Name), t.Version, clean(t.Position), levelText(t.Level), t.UID)
	if t.Goal != "" {
		fmt.Fprintf(w, "goal: %s\n", clean(t.Goal))
	}
	rows := [][]string{{"KPI", "NAME", "GROUP", "WEIGHT", "TARGET", "DIRECTION", "AGGREGATION"}}
	for _, k := range t.KPIs {
		rows = append(rows, []string{k.ID, clean(k.Name), string(k.Group), num4(k.Weight), num4(k.Target), string(k.Direction), string(k.Aggregation)})
	}
	if err := writeRows(e, rows); err != nil {
		return err
	}
	fmt.Fprintln(w, "versions:")
	for i, v := range vs {
		fmt.Fprintf(w, "  v%d  %s  %s  %s\n", v.Version, v.At.Format("2006-01-02 15:04"), clean(v.User), clean(v.Note))
		if i > 0 {
			for _, d := range app.DiffTemplates(vs[i-1], v) {
				fmt.Fprintf(w, "      %s: %s to %s\n", d.Path, quoted(d.Old), quoted(d.New))
			}
		}
	}
	return showHolders(e, ws, t)
}

// showHolders lists the plans holding t with their overrides.
func showHolders(e *env, ws *workspace.Workspace, t *app.Template) error {
	pv, err := ws.PreviewUpdate(t, false, "")
	if err != nil {
		return err
	}
	w := &termWriter{w: e.out}
	fmt.Fprintf(w, "%d plan(s) hold this template; %d have overrides\n", len(pv.Plans), pv.Overridden())
	for _, u := range pv.Plans {
		fmt.Fprintf(w, "  %d  %s  v%d  %s\n", u.Plan.ID, clean(u.Plan.Name), u.Plan.TemplateVersion, u.Plan.Status)
		for _, o := range u.Overrides {
			fmt.Fprintf(w, "      overrides %s: template %s, plan %s\n", o.Path(), quoted(o.Template), quoted(o.Plan))
		}
	}
	return nil
}

func num4(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// cycleOf reads the assign command's cycle flags.
func cycleOf(f *templateFlags) (app.Cycle, error) {
	c := app.Cycle{Frequency: app.Frequency(f.freq)}
	switch {
	case f.year != 0 && (f.start != "" || f.end != ""):
		return c, fmt.Errorf("%w: give --year or --start and --end", errUsage)
	case f.year != 0:
		c.Start, c.End = app.NewDate(f.year, 1, 1), app.NewDate(f.year, 12, 31)
	default:
		var err1, err2 error
		c.Start, err1 = app.ParseDate(f.start)
		c.End, err2 = app.ParseDate(f.end)
		if err1 != nil || err2 != nil || c.Start.IsZero() || c.End.IsZero() || c.End.Before(c.Start) {
			return c, fmt.Errorf("%w: give the cycle: --year Y, or --start and --end as YYYY-MM-DD", errUsage)
		}
	}
	switch c.Frequency {
	case app.Weekly, app.Monthly, app.Quarterly:
		return c, nil
	}
	return c, fmt.Errorf("%w: --frequency %q: want weekly, monthly or quarterly", errUsage, f.freq)
}

func templateAssign(e *env, f *templateFlags, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: template assign T --year Y", errUsage)
	}
	mode, err := template.ParseExisting(f.existing)
	if err != nil {
		return fmt.Errorf("%w: --existing %v", errUsage, err)
	}
	cycle, err := cycleOf(f)
	if err != nil {
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	t, err := ws.FindTemplate(args[0])
	if err != nil {
		return err
	}
	sel := template.Selection{Position: f.position, Level: f.level}
	if f.unit != "" {
		if sel.Unit, _, err = unitByCode(ws, f.unit); err != nil {
			return err
		}
	}
	if f.people != "" {
		if sel.People, err = chosenPeople(ws, "", f.people); err != nil {
			return err
		}
	}
	a, err := ws.PreviewAssign(t, sel, cycle, mode)
	if err != nil {
		return err
	}
	w := &termWriter{w: e.out}
	fmt.Fprintf(w, "%s: %d people chosen; %s\n", clean(t.Label()), a.Chosen, a.Summary())
	for _, l := range a.Left {
		fmt.Fprintf(w, "  left alone: %s\n", l.Why)
	}
	if f.dryRun {
		fmt.Fprintf(w, "would create %d plan(s) and change %d; nothing written (--dry-run)\n", len(a.New), len(a.Changed))
		return nil
	}
	made, changed, err := ws.Assign(a)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "created %d draft plan(s)%s, changed %d\n", made, idRange(a.New), changed)
	return nil
}

// nextVersion builds the template's new version from the update flags; it
// returns t itself when they change nothing (bring plans up to the latest).
func nextVersion(t *app.Template, f *templateFlags) (*app.Template, error) {
	if f.file != "" {
		ts, err := readTemplates(f.file)
		if err != nil {
			return nil, err
		}
		n := ts[0]
		n.UID, n.Version = t.UID, 0
		return n, nil
	}
	if len(f.sets)+len(f.kpis)+len(f.removes) == 0 {
		return t, nil
	}
	n := t.Clone()
	n.Version = 0
	for _, s := range f.sets {
		if err := setField(n, s); err != nil {
			return nil, err
		}
	}
	for _, id := range f.removes {
		if n.KPI(id) == nil {
			return nil, fmt.Errorf("%w: --remove %s: the template has no such KPI", errUsage, id)
		}
		n.KPIs = removeKPI(n.KPIs, id)
	}
	return n, addKPIs(n, f.kpis)
}

func removeKPI(ks []app.KPI, id string) []app.KPI {
	out := ks[:0:0]
	for _, k := range ks {
		if k.ID != id {
			out = append(out, k)
		}
	}
	return out
}

// setField applies one --set KPI.FIELD=VALUE (or goal=TEXT) to t.
func setField(t *app.Template, spec string) error {
	path, val, ok := strings.Cut(spec, "=")
	if !ok {
		return fmt.Errorf("%w: --set %q: want KPI.FIELD=VALUE", errUsage, spec)
	}
	if path == "goal" {
		t.Goal = val
		return nil
	}
	id, fld, _ := strings.Cut(path, ".")
	k := t.KPI(id)
	if k == nil {
		return fmt.Errorf("%w: --set %q: the template has no KPI %s", errUsage, spec, id)
	}
	texts := map[string]*string{"name": &k.Name, "description": &k.Description, "rationale": &k.Rationale, "data_source": &k.DataSource}
	if p, ok := texts[fld]; ok {
		*p = val
		return nil
	}
	if fld == "group" {
		k.Group = app.Group(strings.ToUpper(val))
		return nil
	}
	x, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return fmt.Errorf("%w: --set %q: %q is not a number", errUsage, spec, val)
	}
	nums := map[string]*float64{"target": &k.Target, "weight": &k.Weight, "range_low": &k.RangeLow, "range_high": &k.RangeHigh, "tolerance": &k.Tolerance}
	switch p, ok := nums[fld]; {
	case ok:
		*p = x
	case fld == "baseline":
		k.Baseline = &x
	default:
		return fmt.Errorf("%w: --set %q: field %s; want one of %s", errUsage, spec, fld, strings.Join(settable, ", "))
	}
	return nil
}
