package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/fileio"
	"kpiplanner/storage/xlsx"
)

func init() {
	commands["bonus"] = command{"bonus [--cycle YEAR|START/END] [--pool AMOUNT] [--mode fit|cap|none] [--unit CODE] [--floor X|Nx] [--cap X|Nx] [--step N] " +
		"[--pro-rate none|days|months] [--month-days N] [--min-days N] [--payment-date D] [--probation DAYS] [--unit-pool CODE=AMOUNT]… [--save] " +
		"[--out FILE.xlsx] [--json] [--regulation FILE.html|.xlsx] [--lang vi|en]",
		"solve the cycle's bonus pool (the stored policy, changed by the flags; --save stores it): every row explained, Σ = pool exactly in fit mode", cmdBonus}
}

// policyFlags are the flags that change a stored policy for one run (or for good with --save).
type policyFlags struct {
	pool, mode, floor, cap, step, proRate, paymentDate string
	monthDays, minDays, probation                      int
	unitPools                                          multiFlag
}

// multiFlag collects a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func (f *policyFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&f.pool, "pool", "", "the company pool: 4200000000, 4.2e9, \"4,2 tỷ\" or 4.2bn")
	fs.StringVar(&f.mode, "mode", "", "fit (pay the pool exactly), cap (scale down only over the pool) or none (raw bonuses)")
	fs.StringVar(&f.floor, "floor", "", "the least positive bonus: an amount, or a multiple of the base such as 0.5x")
	fs.StringVar(&f.cap, "cap", "", "the most a bonus may be: an amount, or a multiple of the base such as 2x")
	fs.StringVar(&f.step, "step", "", "the rounding step (1000 rounds to thousands)")
	fs.StringVar(&f.proRate, "pro-rate", "", "none, days (days employed of the cycle's days) or months")
	fs.IntVar(&f.monthDays, "month-days", 0, "with --pro-rate months: the days of a month that make it count (default 15)")
	fs.IntVar(&f.minDays, "min-days", -1, "the least days employed in the cycle for a bonus")
	fs.StringVar(&f.paymentDate, "payment-date", "", "the payment date: people who left before it get no bonus (\"none\" clears it)")
	fs.IntVar(&f.probation, "probation", -1, "the probation length in days; it must end by the end of the cycle")
	fs.Var(&f.unitPools, "unit-pool", "a unit's own pool, CODE=AMOUNT (repeat for several units)")
}

// apply changes p by the flags given.
func (f *policyFlags) apply(p *bonus.Policy, org *app.Org) error {
	if err := f.applyMoney(p); err != nil {
		return err
	}
	if f.mode != "" {
		p.Mode = bonus.Mode(f.mode)
	}
	if f.proRate != "" {
		p.ProRate = bonus.ProRate(f.proRate)
	}
	if f.monthDays > 0 {
		p.MonthMinDays = f.monthDays
	}
	if f.minDays >= 0 {
		p.Eligibility.MinDays = f.minDays
	}
	if f.probation >= 0 {
		p.Eligibility.ProbationDays = f.probation
	}
	if f.paymentDate != "" {
		var err error
		if p.Eligibility.PaymentDate, err = parseOptionalDate(f.paymentDate); err != nil {
			return fmt.Errorf("%w: --payment-date: %v", errUsage, err)
		}
	}
	return f.applyUnitPools(p, org)
}

// applyMoney changes the pool, the floor, the cap and the step by the flags given.
func (f *policyFlags) applyMoney(p *bonus.Policy) error {
	var err error
	if f.pool != "" {
		if p.Pool, err = parseAmount(f.pool); err != nil {
			return fmt.Errorf("%w: --pool: %v", errUsage, err)
		}
	}
	if f.floor != "" {
		if p.Floor, err = parseLimit(f.floor); err != nil {
			return fmt.Errorf("%w: --floor: %v", errUsage, err)
		}
	}
	if f.cap != "" {
		if p.Cap, err = parseLimit(f.cap); err != nil {
			return fmt.Errorf("%w: --cap: %v", errUsage, err)
		}
	}
	if f.step != "" {
		if p.Step, err = parseAmount(f.step); err != nil {
			return fmt.Errorf("%w: --step: %v", errUsage, err)
		}
	}
	return nil
}

func (f *policyFlags) applyUnitPools(p *bonus.Policy, org *app.Org) error {
	if len(f.unitPools) > 0 {
		p.Units = nil
	}
	for _, up := range f.unitPools {
		code, amount, ok := strings.Cut(up, "=")
		u := org.ByCode(strings.TrimSpace(code))
		if !ok || u == nil {
			return fmt.Errorf("%w: --unit-pool %q: want CODE=AMOUNT with a unit's code (see kpi units list)", errUsage, up)
		}
		x, err := parseAmount(amount)
		if err != nil {
			return fmt.Errorf("%w: --unit-pool %q: %v", errUsage, up, err)
		}
		p.Units = append(p.Units, bonus.UnitPool{Unit: u.UID, Code: u.Code, Amount: x})
	}
	return nil
}

func parseOptionalDate(s string) (app.Date, error) {
	if strings.EqualFold(s, "none") {
		return app.Date{}, nil
	}
	return app.ParseDate(s)
}

// parseAmount reads an amount of money: digits with spaces, underscores or
// thousands separators, an exponent, or a suffix tỷ/bn (10⁹), triệu/tr/m (10⁶), k (10³).
func parseAmount(s string) (float64, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), ""))
	t = strings.ReplaceAll(t, "_", "")
	mult := 1.0
	for _, suf := range []struct {
		s string
		m float64
	}{{"tỷ", 1e9}, {"ty", 1e9}, {"bn", 1e9}, {"triệu", 1e6}, {"tr", 1e6}, {"m", 1e6}, {"k", 1e3}} {
		if rest, ok := strings.CutSuffix(t, suf.s); ok && rest != "" {
			t, mult = rest, suf.m
			break
		}
	}
	if mult != 1 {
		t = strings.ReplaceAll(t, ",", ".") // 4,2 tỷ
	} else {
		t = strings.ReplaceAll(t, ",", "")
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || x < 0 || x != x {
		return 0, fmt.Errorf("%q is not an amount of money", s)
	}
	return x * mult, nil
}

// parseLimit reads a floor or cap: "2x" (× base), an amount, or "none".
func parseLimit(s string) (bonus.Limit, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "none" || t == "0" {
		return bonus.Limit{}, nil
	}
	if rest, ok := strings.CutSuffix(t, "x"); ok {
		x, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err != nil || x <= 0 {
			return bonus.Limit{}, fmt.Errorf("%q is not a multiple of the base such as 2x", s)
		}
		return bonus.Limit{Times: x}, nil
	}
	x, err := parseAmount(t)
	return bonus.Limit{Amount: x}, err
}

// pickCycle resolves --cycle: "" the cycle most plans have, a year, or START/END.
func pickCycle(ws *workspace.Workspace, s string) (app.Cycle, error) {
	cycles, err := ws.BonusCycles()
	if err != nil {
		return app.Cycle{}, err
	}
	if len(cycles) == 0 {
		return app.Cycle{}, fmt.Errorf("no plans: there is no cycle to pay bonuses for")
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return cycles[0], nil
	}
	for _, c := range cycles {
		if bonus.Key(c) == s || strconv.Itoa(c.Start.Time().Year()) == s && c.End.Time().Year() == c.Start.Time().Year() {
			return c, nil
		}
	}
	keys := make([]string, len(cycles))
	for i, c := range cycles {
		keys[i] = bonus.Key(c)
	}
	return app.Cycle{}, fmt.Errorf("%w: --cycle %q: the plans' cycles are %s", errUsage, s, strings.Join(keys, ", "))
}

func cmdBonus(e *env, fs *flag.FlagSet) error {
	var pf policyFlags
	pf.add(fs)
	cycle := fs.String("cycle", "", "the cycle: a year (2026) or START/END; default the cycle most plans have")
	unit := fs.String("unit", "", "show the people of this unit (by code) and the units below it")
	save := fs.Bool("save", false, "store the policy as changed by the flags")
	out := fs.String("out", "", "write the bonus workbook (.xlsx) with the solver's steps as live formulas")
	asJSON := fs.Bool("json", false, "print the rows and pools as JSON")
	regulation := fs.String("regulation", "", "write the bonus regulation (Quy chế thưởng) in Vietnamese and English: .html (print-ready) or .xlsx")
	langFlag := fs.String("lang", "en", "language of the table and the workbook: vi or en")
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	tr, err := i18n.New(*langFlag)
	if err != nil || !i18n.Supported(*langFlag) {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	c, err := pickCycle(ws, *cycle)
	if err != nil {
		return err
	}
	units, err := ws.Units()
	if err != nil {
		return err
	}
	org := app.NewOrg(units)
	p, err := policyFor(e, ws, c, &pf, org, *save)
	if err != nil {
		return err
	}
	res, err := solveFor(ws, c, p, org, *unit)
	if err != nil {
		return err
	}
	return bonusOutputs(e, ws, c, p, res, tr, bonusFiles{*out, *regulation, *asJSON})
}

// bonusFiles are what kpi bonus writes besides its table.
type bonusFiles struct {
	book, regulation string
	json             bool
}

// bonusOutputs writes the workbook and the regulation when asked, then the rows as a table or JSON.
func bonusOutputs(e *env, ws *workspace.Workspace, c app.Cycle, p bonus.Policy, res bonus.Result, tr *i18n.Translator, f bonusFiles) error {
	if f.book != "" {
		if err := writeBonusBook(ws, f.book, c, res, p, tr); err != nil {
			return err
		}
		fmt.Fprintf(e.errOut, "wrote %s\n", f.book)
	}
	if f.regulation != "" {
		if err := writeRegulation(ws, f.regulation, c, p); err != nil {
			return err
		}
		fmt.Fprintf(e.errOut, "wrote %s\n", f.regulation)
	}
	if f.json {
		return writeBonusJSON(e.out, res)
	}
	return writeBonusTable(e.out, res, tr)
}

// policyFor is the cycle's stored policy changed by the flags, validated, and stored when save.
func policyFor(e *env, ws *workspace.Workspace, c app.Cycle, pf *policyFlags, org *app.Org, save bool) (bonus.Policy, error) {
	p, err := ws.BonusPolicy(c)
	if err != nil {
		return p, err
	}
	if err := pf.apply(&p, org); err != nil {
		return p, err
	}
	if err := p.Validate(); err != nil {
		return p, err
	}
	if save {
		if err := ws.SaveBonusPolicy(p); err != nil {
			return p, err
		}
		fmt.Fprintf(e.errOut, "saved the bonus policy of %s\n", bonus.Key(c))
	}
	return p, nil
}

// solveFor solves p over the cycle's people (with the stored overrides and
// sign-offs) and keeps the rows of unit's subtree when unit is given.
func solveFor(ws *workspace.Workspace, c app.Cycle, p bonus.Policy, org *app.Org, unit string) (bonus.Result, error) {
	var scope app.UID
	if unit != "" {
		u := org.ByCode(unit)
		if u == nil {
			return bonus.Result{}, fmt.Errorf("no unit with code %q (see kpi units list)", unit)
		}
		scope = u.UID
	}
	_, res, err := ws.BonusWith(c, p, scope)
	return res, err
}

func writeBonusBook(ws *workspace.Workspace, path string, c app.Cycle, res bonus.Result, p bonus.Policy, tr *i18n.Translator) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fmt.Errorf("%w: --out must end in .xlsx", errUsage)
	}
	cal, err := calibrationsOf(ws, c)
	if err != nil {
		return err
	}
	wb, _ := sheet.BonusPool(res, p, cal, bonus.Regulate(p, rulesOf(res)), tr.T)
	ctx, stop := interruptible()
	defer stop()
	return xlsx.Write(ctx, path, wb, xlsx.Options{T: tr.T})
}

// rulesOf returns the bands the regulation lists: those of the first person's plan, or the defaults.
func rulesOf(res bonus.Result) app.Rules {
	r := app.DefaultRules()
	for _, row := range res.Rows {
		if len(row.Bands) > 0 {
			r.Bands = row.Bands
			break
		}
	}
	return r
}

func calibrationsOf(ws *workspace.Workspace, c app.Cycle) ([]bonus.Calibration, error) {
	cal, err := ws.Calibration(c, "")
	if err != nil {
		return nil, err
	}
	return []bonus.Calibration{cal}, nil
}

// writeRegulation writes the regulation in Vietnamese and English.
func writeRegulation(ws *workspace.Workspace, path string, c app.Cycle, p bonus.Policy) error {
	in, err := ws.BonusInputs(c, p, "")
	if err != nil {
		return err
	}
	reg := bonus.Regulate(p, rulesOf(bonus.Result{Rows: rowsOf(in)}))
	vi, err := i18n.New("vi")
	if err != nil {
		return err
	}
	en, err := i18n.New("en")
	if err != nil {
		return err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		page := sheet.RegulationHTML(reg, []string{"vi", "en"}, vi.T, en.T)
		return fileio.WriteFile(path, func(w io.Writer) error { _, err := w.Write(page); return err })
	case ".xlsx":
		ctx, stop := interruptible()
		defer stop()
		return xlsx.Write(ctx, path, sheet.Regulation(reg, vi.T, en.T), xlsx.Options{})
	}
	return fmt.Errorf("%w: --regulation must end in .html or .xlsx", errUsage)
}

func rowsOf(in []bonus.Input) []bonus.Row {
	if len(in) == 0 {
		return nil
	}
	return []bonus.Row{{Input: in[0]}}
}
