package main

import (
	"bufio"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/plandoc"
	"kpiplanner/app/workspace"
)

func cmdImport(e *env, fs *flag.FlagSet) error {
	plan := fs.String("plan", "", "for a spreadsheet: the plan to import into (id or name)")
	kpis := fs.Bool("kpis", false, "for a spreadsheet: it is a KPI sheet, not actuals")
	var so sheetImport
	so.add(fs)
	dryRun := fs.Bool("dry-run", false, "for a plan document: list the plans it would create and what it would change in existing ones, and change nothing")
	update := fs.Bool("update", false, "for a plan document: also update the existing plans it holds (matched by uid), listing them")
	var mo mappedImport
	mo.add(fs)
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	if mo.mapping != "" || mo.suggest { // a workbook of the company's own (import_map.go)
		if mo.password, err = so.readPassword(); err != nil {
			return err
		}
		mo.path, mo.dryRun, mo.reason, mo.plan = pos[0], *dryRun, so.reason, *plan
		return importMapped(e, &mo)
	}
	switch strings.ToLower(filepath.Ext(pos[0])) {
	case ".xlsx", ".xlsm", ".csv":
		so.path, so.plan, so.kpis = pos[0], *plan, *kpis
		return importSheet(e, &so)
	case ".xls":
		return fmt.Errorf("%s: Excel 97–2003 (.xls) files are not read: open it in Excel or LibreOffice Calc, "+
			"save it as an Excel Workbook (.xlsx), and import that", pos[0])
	}
	if err := sniffSpreadsheet(pos[0]); err != nil {
		return err
	}
	return importDoc(e, pos[0], *dryRun, *update)
}

func idRange(plans []*app.Plan) string {
	if len(plans) == 0 {
		return ""
	}
	if len(plans) == 1 {
		return fmt.Sprintf(" (id %d)", plans[0].ID)
	}
	return fmt.Sprintf(" (ids %d … %d)", plans[0].ID, plans[len(plans)-1].ID)
}

func cmdList(e *env, fs *flag.FlagSet) error {
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	rows, err := workspace.Summaries(s, e.today())
	if err != nil {
		return err
	}
	table := make([][]string, 0, len(rows)+1)
	table = append(table, []string{"ID", "PLAN", "PERSON", "DEPARTMENT", "CYCLE", "STATUS", "KPIS", "WINDOW", "TOTAL", "RATING", "BONUS"})
	for _, r := range rows {
		total, bonus := "no data", ""
		if r.HasTotal {
			total, bonus = two(r.Total), amount(r.Bonus, r.Currency)
			if r.Provisional {
				total += " (provisional)"
			}
		}
		table = append(table, []string{strconv.FormatUint(uint64(r.ID), 10), clean(r.Name), clean(r.Person),
			clean(r.Department), r.Cycle.Start.String() + " – " + r.Cycle.End.String(), clean(string(r.Status)),
			strconv.Itoa(r.KPIs), windowText(r.Window), total, r.Rating, bonus})
	}
	return writeTable(&termWriter{w: e.out}, table)
}

func cmdExportJSON(e *env, fs *flag.FlagSet) error {
	pos, err := e.parse(fs, 0, 1)
	if err != nil {
		return err
	}
	plans, err := e.exportablePlans(pos)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.out)
	if err := plandoc.Encode(w, plans); err != nil {
		return err
	}
	return w.Flush()
}

// exportablePlans loads the plans export-json writes, read-only. A database
// of an older schema has plans without uids, which a later import could not
// match: it is then opened read-write once, which migrates it, so every
// exported plan carries its stable uid (TestV1DatabaseOpensWithNothingLost).
func (e *env) exportablePlans(pos []string) ([]*app.Plan, error) {
	s, err := e.openRead()
	if err != nil {
		return nil, err
	}
	plans, err := plansOf(s, pos)
	if err != nil || !slices.ContainsFunc(plans, func(p *app.Plan) bool { return p.UID == "" }) {
		return plans, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	e.store = nil
	if s, err = e.open(); err != nil {
		return nil, err
	}
	return plansOf(s, pos)
}

func cmdBackup(e *env, fs *flag.FlagSet) error {
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	if err := s.Backup(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "backed up %s to %s\n", s.Path(), pos[0])
	return nil
}

func cmdRestore(e *env, fs *flag.FlagSet) error {
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	safety, err := s.Restore(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "restored %s from %s; the database as it was before is kept in %s\n", s.Path(), pos[0], safety)
	return nil
}

func cmdDemo(e *env, fs *flag.FlagSet) error {
	people := fs.Int("people", 50, "number of people in the company")
	seed := fs.Int64("seed", 1, "random seed (the same seed gives the same company)")
	lang := fs.String("lang", "en", "language of the texts: vi or en (the numbers are the same)")
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	if *people < 1 || *people > 100_000 {
		return fmt.Errorf("%w: --people must be between 1 and 100000", errUsage)
	}
	if *lang != "vi" && *lang != "en" {
		return fmt.Errorf("%w: --lang must be vi or en, not %q", errUsage, *lang)
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	plans, err := demo.Save(s, *people, *seed, *lang)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "added a demo company of %d people%s\n", len(plans), idRange(plans))
	return nil
}
