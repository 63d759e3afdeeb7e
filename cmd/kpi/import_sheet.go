package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/xlsx"
)

// sheetImport is what `kpi import` of a spreadsheet needs.
type sheetImport struct {
	path, plan, lang     string
	kpis                 bool
	password, passFile   string
	allowDroppingActuals bool
	reason               string
}

// add declares the spreadsheet flags of `kpi import`.
func (o *sheetImport) add(fs *flag.FlagSet) {
	fs.StringVar(&o.lang, "lang", "en", "for a spreadsheet: the language its headers and words are written in (vi or en)")
	fs.StringVar(&o.password, "password", "", "for a password-protected .xlsx: its password")
	fs.StringVar(&o.passFile, "password-file", "", "for a password-protected .xlsx: a file whose first line is its password")
	fs.BoolVar(&o.allowDroppingActuals, "allow-dropping-actuals", false,
		"for a KPI sheet: save even when a change (of aggregation, direction, unit) drops or reinterprets recorded actuals; they are listed")
	fs.StringVar(&o.reason, "reason", "", "for a spreadsheet: why, recorded in the plan's history (needed for a plan approved once, and for actuals of a reopened period)")
}

// readPassword returns the password given by --password or --password-file.
func (o *sheetImport) readPassword() (string, error) {
	if o.passFile == "" {
		return o.password, nil
	}
	if o.password != "" {
		return "", fmt.Errorf("%w: give --password or --password-file, not both", errUsage)
	}
	b, err := os.ReadFile(o.passFile)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

// importSheet imports actuals (or KPI definitions) for the plan o.plan from
// a spreadsheet through the workspace, which checks the review lifecycle and
// closed periods and records the changes in the plan's history: nothing is
// saved unless every row is valid, something is imported, and no recorded
// actual is dropped or reinterpreted without --allow-dropping-actuals.
func importSheet(e *env, o *sheetImport) error {
	if o.plan == "" {
		return fmt.Errorf("%w: importing a spreadsheet needs --plan PLAN (one of our templates), or --mapping MAP.json for a workbook of your own (see --suggest-mapping)", errUsage)
	}
	tr, err := i18n.New(o.lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	pass, err := o.readPassword()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	grid, err := xlsx.ReadGridContext(ctx, o.path, xlsx.ReadOptions{Password: pass})
	if err != nil {
		if errors.Is(err, xlsx.ErrPasswordProtected) {
			return fmt.Errorf("%w (--password or --password-file)", err)
		}
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), o.plan)
	if err != nil {
		return err
	}
	updated, what, n, err := parseSheet(p, grid, o.kpis, tr)
	if err != nil {
		return fmt.Errorf("%s: %w", o.path, firstErrors(err, 5))
	}
	if n == 0 {
		return fmt.Errorf("%s: nothing to import: the file holds no %s for plan %d (%s)", o.path, what, p.ID, p.Name)
	}
	losses := app.ActualsLosses(p, updated)
	if len(losses) > 0 && !o.allowDroppingActuals {
		return fmt.Errorf("%s: nothing imported: %s; check the file, or give --allow-dropping-actuals to import it anyway", o.path, lossLines(losses))
	}
	if err := updated.Validate(); err != nil {
		return fmt.Errorf("%s: %w", o.path, err)
	}
	ws.Source = filepath.Base(o.path) // the history names the file the change came from
	if err := ws.Change(updated, o.reason); err != nil {
		return fmt.Errorf("%s: nothing imported: %w", o.path, err)
	}
	fmt.Fprintf(e.out, "imported %d %s into plan %d (%s)\n", n, what, p.ID, p.Name)
	for _, l := range losses {
		fmt.Fprintf(e.out, "dropped or reinterpreted the recorded actuals of %s\n", l.Message())
	}
	return nil
}

// parseSheet reads the grid as actuals or KPI definitions of p, returning
// the plan as the import leaves it, what it imports and how many.
func parseSheet(p *app.Plan, grid sheet.Grid, kpis bool, tr *i18n.Translator) (*app.Plan, string, int, error) {
	o := sheet.ImportOptions{T: tr.T, ParseNumber: tr.ParseNumber, ParseDate: tr.ParseDate}
	if kpis {
		pv := sheet.ParseKPIs(p, grid, o)
		updated, err := pv.Apply()
		return updated, "KPI row(s)", len(pv.Rows), err
	}
	pv := sheet.ParseActuals(p, grid, o)
	updated, err := pv.Apply()
	return updated, "actual(s)", len(pv.Changes), err
}

// lossLines lists the actuals a change drops or reinterprets, one a line.
func lossLines(losses []app.ActualsLoss) string {
	lines := make([]string, len(losses))
	for i, l := range losses {
		lines[i] = "\n  " + l.Message().String()
	}
	return fmt.Sprintf("%d change(s) would drop or reinterpret recorded actuals:%s\n", len(losses), strings.Join(lines, ""))
}
