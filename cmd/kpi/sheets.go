package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/xlsx"
)

func init() {
	commands["export"] = command{"export PLAN|--company --out FILE.xlsx|.csv [--at PERIOD] [--password P] [--lang vi|en]",
		"write a plan's scorecard or the company bonus sheet as a spreadsheet with live formulas", cmdExport}
	commands["template"] = command{"template PLAN [--out FILE.xlsx|.csv] [--kpis] [--filled] [--lang vi|en] | " + positionTemplateUsage,
		"write an actuals template (or, with --kpis, a KPI sheet) for a plan to fill in and import; or " + positionTemplateHelp, templateOrSheet}
}

// sheetFlags are the flags every spreadsheet command shares.
type sheetFlags struct {
	out, lang, password string
}

func (f *sheetFlags) add(fs *flag.FlagSet, defOut string) {
	fs.StringVar(&f.out, "out", defOut, "file to write: .xlsx or .csv")
	fs.StringVar(&f.lang, "lang", "en", "language of headers and labels: vi or en")
	fs.StringVar(&f.password, "password", "", "encrypt the .xlsx with this password")
}

func (f *sheetFlags) options() (xlsx.Options, error) {
	if !i18n.Supported(f.lang) {
		return xlsx.Options{}, fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	ext := strings.ToLower(filepath.Ext(f.out))
	if ext != ".xlsx" && ext != ".csv" {
		return xlsx.Options{}, fmt.Errorf("%w: --out must end in .xlsx or .csv", errUsage)
	}
	if f.password != "" && ext == ".csv" {
		return xlsx.Options{}, fmt.Errorf("%w: --password needs an .xlsx file", errUsage)
	}
	tr, err := i18n.New(f.lang)
	if err != nil {
		return xlsx.Options{}, err
	}
	return xlsx.Options{Password: f.password, T: tr.T}, nil
}

// interruptible returns a context cancelled by Ctrl+C, so a long export
// stops without leaving a partial file.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func cmdExport(e *env, fs *flag.FlagSet) error {
	var f sheetFlags
	f.add(fs, "")
	company := fs.Bool("company", false, "export the company bonus sheet (every plan) instead of one plan")
	at := fs.String("at", "", "score through this date, month, quarter or week (2026-03, 2026-Q1…), each plan in its own cycle; "+
		"\"whole\" for the whole cycle; default each plan's official window")
	pos, err := e.parse(fs, 0, 1)
	if err != nil {
		return err
	}
	if *company == (len(pos) == 1) {
		return fmt.Errorf("%w: give either PLAN or --company", errUsage)
	}
	if f.out == "" {
		return fmt.Errorf("%w: --out FILE is required", errUsage)
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	plans, err := scoredPlansOf(s, pos)
	if err != nil {
		return err
	}
	pick, err := pickAt(*at, e.today())
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	var files []string
	if *company {
		// Everything the workbook needs is loaded: closing the database
		// unmaps its file (tens of megabytes of resident pages for a
		// large company) before the workbook is written.
		if err := s.Close(); err != nil {
			return err
		}
		e.store = nil
		// The loaded plans are most of the heap and stay live while the
		// workbook is written, which makes little garbage: collecting at a
		// quarter above them rather than double keeps the peak resident
		// memory of 10 000 people under 150 MB for a few collections.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
		files, err = xlsx.WriteCompany(ctx, f.out, plans, pick, opts)
	} else {
		if opts.History, err = histories(workspace.New(s), plans); err != nil {
			return err
		}
		files, err = xlsx.WriteScorecards(ctx, f.out, plans, pick, opts)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "wrote %s\n", strings.Join(files, ", "))
	return nil
}

// pickAt resolves --at to the window each plan is scored over: empty is the
// official window on today, "whole" the whole cycle, anything else a date
// that every plan is scored through in its own cycle.
func pickAt(at string, today app.Date) (score.Pick, error) {
	switch at = strings.TrimSpace(at); {
	case at == "":
		return score.PickOfficial(today), nil
	case strings.EqualFold(at, "whole"):
		return score.PickAt(-1), nil
	}
	end, err := score.ParseEnd(at)
	if err != nil {
		return nil, fmt.Errorf("--at: %w", err)
	}
	return score.PickThrough(end), nil
}

func cmdTemplate(e *env, fs *flag.FlagSet) error {
	var f sheetFlags
	f.add(fs, "")
	kpis := fs.Bool("kpis", false, "write the plan's KPI sheet instead of its actuals template")
	filled := fs.Bool("filled", false, "fill the actuals template with the actuals recorded so far")
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
	if f.out == "" {
		kind := "actuals"
		if *kpis {
			kind = "kpis"
		}
		f.out = fmt.Sprintf("plan-%d-%s.xlsx", p.ID, kind)
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	var files []string
	if *kpis {
		files, err = xlsx.WriteKPISheet(ctx, f.out, p, opts)
	} else {
		files, err = xlsx.WriteActualsTemplate(ctx, f.out, p, *filled, opts)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "wrote %s\n", strings.Join(files, ", "))
	return nil
}

// histories returns the plans' change histories by uid, for the
// scorecard's History sheet.
func histories(ws *workspace.Workspace, plans []*app.Plan) (map[app.UID][]app.HistoryEntry, error) {
	out := make(map[app.UID][]app.HistoryEntry, len(plans))
	for _, p := range plans {
		h, err := ws.History(p.ID)
		if err != nil {
			return nil, err
		}
		out[p.UID] = h
	}
	return out, nil
}

// firstErrors keeps the first n problems of an import's error list.
func firstErrors(err error, n int) error {
	errs, ok := err.(sheet.Errors)
	if !ok || len(errs) <= n {
		return err
	}
	return fmt.Errorf("%w; … and %d more problems", errs[:n], len(errs)-n)
}
