package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/i18n"
	"kpiplanner/app/workspace"
)

func init() {
	commands["calibrate"] = command{"calibrate show | override CODE BAND --reason TEXT | undo CODE | target [--percents BAND=P,…] [--quota BAND:P[:OF][:unit]]… | " +
		"sign-off | reopen --reason TEXT  [--cycle C] [--unit CODE]",
		"calibrate a cycle's ratings, company-wide or for a unit: move people between bands with a reason (recorded in history), undo, set a target, sign off, reopen", cmdCalibrate}
}

// calibration is what every calibrate subcommand works on.
type calibration struct {
	ws    *workspace.Workspace
	cycle app.Cycle
	unit  app.UID
	org   *app.Org
}

func cmdCalibrate(e *env, fs *flag.FlagSet) error {
	cycle := fs.String("cycle", "", "the cycle: a year (2026) or START/END; default the cycle most plans have")
	unit := fs.String("unit", "", "the unit (by code) whose calibration it is; default company-wide")
	reason := fs.String("reason", "", "why: required to override and to reopen")
	percents := fs.String("percents", "", "target percent per band, e.g. Excellent=10,Good=20,Fair=40,Below target=30")
	var quotas multiFlag
	fs.Var(&quotas, "quota", "a quota BAND:PERCENT[:OF-BAND][:unit], e.g. Excellent:20:Good:unit (at most 20 % of the Good, per unit)")
	pos, err := e.parse(fs, 1, 3)
	if err != nil {
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	cal, err := newCalibration(ws, *cycle, *unit)
	if err != nil {
		return err
	}
	return cal.do(e, pos, *reason, *percents, quotas)
}

// newCalibration resolves --cycle and --unit.
func newCalibration(ws *workspace.Workspace, cycle, unit string) (*calibration, error) {
	cal := &calibration{ws: ws}
	var err error
	if cal.cycle, err = pickCycle(ws, cycle); err != nil {
		return nil, err
	}
	units, err := ws.Units()
	if err != nil {
		return nil, err
	}
	cal.org = app.NewOrg(units)
	if unit != "" {
		u := cal.org.ByCode(unit)
		if u == nil {
			return nil, fmt.Errorf("no unit with code %q (see kpi units list)", unit)
		}
		cal.unit = u.UID
	}
	return cal, nil
}

// do runs the calibrate action pos[0].
func (c *calibration) do(e *env, pos []string, reason, percents string, quotas []string) error {
	switch pos[0] {
	case "show":
		return c.show(e)
	case "override":
		if len(pos) != 3 {
			return fmt.Errorf("%w: calibrate override CODE BAND --reason TEXT", errUsage)
		}
		return c.override(e, pos[1], pos[2], reason)
	case "undo":
		if len(pos) != 2 {
			return fmt.Errorf("%w: calibrate undo CODE", errUsage)
		}
		return c.undo(e, pos[1])
	case "target":
		return c.target(e, percents, quotas)
	case "sign-off":
		so, err := c.ws.SignOff(c.cycle, c.unit)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.out, "signed off %s: %d people, total %.0f\n", bonus.Key(c.cycle), len(so.Rows), so.Total)
		return nil
	case "reopen":
		if err := c.ws.ReopenCalibration(c.cycle, c.unit, reason); err != nil {
			return err
		}
		fmt.Fprintf(e.out, "reopened the calibration of %s\n", bonus.Key(c.cycle))
		return nil
	}
	return fmt.Errorf("%w: unknown calibrate action %q", errUsage, pos[0])
}

// person finds the input of the person with employee code code in the calibration's scope.
func (c *calibration) person(code string) (bonus.Input, error) {
	p, err := c.ws.BonusPolicy(c.cycle)
	if err != nil {
		return bonus.Input{}, err
	}
	in, err := c.ws.BonusInputs(c.cycle, p, c.unit)
	if err != nil {
		return bonus.Input{}, err
	}
	for _, x := range in {
		if strings.EqualFold(x.Code, code) {
			return x, nil
		}
	}
	return bonus.Input{}, fmt.Errorf("%w: nobody with code %q has a plan in the cycle %s here", app.ErrNotFound, code, bonus.Key(c.cycle))
}

func (c *calibration) override(e *env, code, band, reason string) error {
	in, err := c.person(code)
	if err != nil {
		return err
	}
	ov, err := c.ws.OverrideInput(c.cycle, c.unit, in, band, reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%s: %s to %s (%s)\n", ov.Code, ov.From, ov.To, ov.Reason)
	return nil
}

func (c *calibration) undo(e *env, code string) error {
	in, err := c.person(code)
	if err != nil {
		return err
	}
	if err := c.ws.UndoOverride(c.cycle, c.unit, in.Person); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%s: back to %s\n", in.Code, in.Computed)
	return nil
}

func (c *calibration) target(e *env, percents string, quotas []string) error {
	t := bonus.Target{Percents: map[string]float64{}}
	for _, part := range strings.Split(percents, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		band, pct, ok := strings.Cut(part, "=")
		x, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if !ok || err != nil {
			return fmt.Errorf("%w: --percents %q: want BAND=PERCENT", errUsage, part)
		}
		t.Percents[strings.TrimSpace(band)] = x
	}
	for _, q := range quotas {
		f := strings.Split(q, ":")
		if len(f) < 2 {
			return fmt.Errorf("%w: --quota %q: want BAND:PERCENT[:OF][:unit]", errUsage, q)
		}
		x, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%w: --quota %q: %v", errUsage, q, err)
		}
		quota := bonus.Quota{Band: f[0], Percent: x}
		for _, rest := range f[2:] {
			if rest == "unit" {
				quota.PerUnit = true
			} else {
				quota.Of = rest
			}
		}
		t.Quotas = append(t.Quotas, quota)
	}
	if err := c.ws.SaveTarget(c.cycle, c.unit, t); err != nil {
		return err
	}
	fmt.Fprintln(e.out, "saved the target")
	return nil
}

// show prints the distribution against the target, the violations and the overrides.
func (c *calibration) show(e *env) error {
	cal, err := c.ws.Calibration(c.cycle, c.unit)
	if err != nil {
		return err
	}
	in, _, res, err := c.ws.Bonus(c.cycle, c.unit)
	if err != nil {
		return err
	}
	tr, _ := i18n.New("en")
	bands := rulesOf(res).Bands
	d := bonus.Distribute(in, bands, cal.Target)
	rows := [][]string{{"Band", "People", "Percent", "Target", "Raw cost"}}
	for _, b := range d.Bands {
		target := ""
		if b.HasTarget {
			target = strconv.FormatFloat(b.Target, 'f', 1, 64)
		}
		rows = append(rows, []string{b.Band, strconv.Itoa(b.Count), strconv.FormatFloat(b.Percent, 'f', 1, 64), target, tr.FormatNumber(b.Cost, 0)})
	}
	if err := writeTable(e.out, rows); err != nil {
		return err
	}
	for _, v := range bonus.Check(in, bands, cal.Target) {
		fmt.Fprintf(e.out, "violation: %s\n", v.Msg)
	}
	for _, o := range cal.Overrides {
		fmt.Fprintf(e.out, "override: %s %s to %s by %s on %s: %s\n", o.Code, o.From, o.To, o.User, o.At.Format("2006-01-02"), o.Reason)
	}
	state := "open"
	if cal.Signed() {
		state = "signed off by " + cal.SignedOff.User + " on " + cal.SignedOff.At.Format("2006-01-02")
	}
	var raw float64
	for _, r := range res.Rows {
		raw += r.Raw
	}
	fmt.Fprintf(e.out, "%s, %s: pool %.0f, raw %.0f (%+.0f against the pool), paid %.0f\n", bonus.Key(c.cycle), state, res.Pool, raw, raw-res.Pool, res.Total)
	return nil
}
