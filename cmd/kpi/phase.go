package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

func init() {
	commands["phase"] = command{"phase PLAN KPI --even|--by-last|--values A;B;C|--clear [--target T] [--reference V|none] [--reason TEXT] [--lang vi|en]",
		"give a KPI a target per period: its cycle target split evenly or by last cycle's actual shares (the person's previous plan), the parts summing exactly to it, or the values given (one per period; a sum KPI's must add up to its target, or give --target); --clear goes back to one cycle target; --reference sets the value the target is compared with", cmdPhase}
}

// phaseFlags are the options of kpi phase.
type phaseFlags struct {
	even, byLast, clear *bool
	values, target, ref *string
	reason, lang        *string
}

func cmdPhase(e *env, fs *flag.FlagSet) error {
	f := phaseFlags{
		even:   fs.Bool("even", false, "split the cycle target evenly"),
		byLast: fs.Bool("by-last", false, "split the cycle target by last cycle's actual shares"),
		clear:  fs.Bool("clear", false, "remove the targets per period"),
		values: fs.String("values", "", "the target of each period, separated by ; (e.g. 50;50;100)"),
		target: fs.String("target", "", "set the cycle target first (with --values of a sum KPI: their sum)"),
		ref:    fs.String("reference", "", "the reference value (last year's actual), or none"),
		reason: fs.String("reason", "", "why, recorded in the plan's history (required once the plan has been approved)"),
		lang:   fs.String("lang", "en", "the language numbers are written in (vi or en)"),
	}
	pos, err := e.parse(fs, 2, 2)
	if err != nil {
		return err
	}
	tr, err := i18n.New(*f.lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	if n := count(*f.even, *f.byLast, *f.clear, *f.values != ""); n > 1 || n == 0 && *f.ref == "" && *f.target == "" {
		return fmt.Errorf("%w: give one of --even, --by-last, --values or --clear (or only --reference or --target)", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), pos[0])
	if err != nil {
		return err
	}
	k := p.KPI(pos[1])
	if k == nil {
		return fmt.Errorf("plan %d (%s) has no KPI %q (see kpi show %d)", p.ID, p.Name, pos[1], p.ID)
	}
	if err := applyPhase(e, f, tr, p, k); err != nil {
		return err
	}
	if err := ws.Change(p, *f.reason); err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "plan %d (%s): %s\n", p.ID, clean(p.Name), clean(phaseSummary(p, k)))
	return nil
}

// applyPhase changes k (a KPI of p) as the flags say.
func applyPhase(e *env, f phaseFlags, tr *i18n.Translator, p *app.Plan, k *app.KPI) error {
	num := func(flagName, s string) (float64, error) {
		v, err := tr.ParseNumber(strings.TrimSpace(s))
		if err != nil {
			return 0, fmt.Errorf("%w: %s: %v", errUsage, flagName, err)
		}
		return v, nil
	}
	if *f.ref != "" {
		k.Reference = nil
		if !strings.EqualFold(*f.ref, "none") {
			v, err := num("--reference", *f.ref)
			if err != nil {
				return err
			}
			k.Reference = app.Float(v)
		}
	}
	if *f.target != "" {
		v, err := num("--target", *f.target)
		if err != nil {
			return err
		}
		k.Target = v
	}
	n := p.Cycle.NumPeriods()
	var ts []app.PeriodTarget
	var err error
	switch {
	case *f.clear:
		k.PeriodTargets = nil
		return nil
	case *f.even:
		ts, err = app.PhaseEven(k, n)
	case *f.byLast:
		var plans []*app.Plan
		if plans, err = e.store.Plans(); err == nil { // every plan: the previous one of the person is among them
			ts, err = app.PhaseByLastCycle(plans, p, k)
		}
	case *f.values != "":
		var vs []float64
		for i, s := range strings.Split(*f.values, ";") {
			v, err := num(fmt.Sprintf("--values (period %d)", i+1), s)
			if err != nil {
				return err
			}
			vs = append(vs, v)
		}
		ts, err = app.PhaseByHand(k, vs, n)
	default:
		return nil
	}
	if err != nil {
		return err
	}
	k.PeriodTargets = ts
	return nil
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// phaseSummary describes k's targets: "target of rev 1200; per period 2026-01 50, …; reference 1000".
func phaseSummary(p *app.Plan, k *app.KPI) string {
	var b strings.Builder
	fmt.Fprintf(&b, "target of %s %g", k.ID, k.Target)
	if len(k.PeriodTargets) > 0 {
		parts := make([]string, len(k.PeriodTargets))
		for i, t := range k.PeriodTargets {
			parts[i] = fmt.Sprintf("%s %g", p.Cycle.Label(t.Period), t.Value)
		}
		b.WriteString("; per period " + strings.Join(parts, ", "))
	} else {
		b.WriteString("; no targets per period")
	}
	if k.Reference != nil {
		fmt.Fprintf(&b, "; reference %g", *k.Reference)
	}
	return b.String()
}

// showPhasing writes k's targets per period and reference value under its
// name in kpi show, nothing when it has neither.
func showPhasing(w io.Writer, p *app.Plan, k *app.KPI) {
	if k.Reference != nil {
		fmt.Fprintf(w, "  reference value %g\n", *k.Reference)
	}
	if len(k.PeriodTargets) == 0 {
		return
	}
	parts := make([]string, len(k.PeriodTargets))
	for i, t := range k.PeriodTargets {
		parts[i] = fmt.Sprintf("%s %g", p.Cycle.Label(t.Period), t.Value)
	}
	fmt.Fprintf(w, "  targets per period: %s\n", strings.Join(parts, ", "))
}
