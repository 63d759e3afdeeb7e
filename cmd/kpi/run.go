package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
)

// Exit codes.
const (
	exitOK    = 0
	exitUser  = 1 // a user error: bad file, unknown plan…
	exitUsage = 2 // a wrong command line
)

// errUsage marks an error in the command line itself.
var errUsage = errors.New("usage")

// env is what every command gets: its arguments, output streams and the
// database path (opened lazily).
type env struct {
	args   []string
	out    io.Writer
	errOut io.Writer
	db     string
	asOf   string // --today: the date official windows are judged on
	store  *storage.DB
}

type command struct {
	usage string
	help  string
	run   func(e *env, fs *flag.FlagSet) error
}

var commands = map[string]command{
	"import": {"import FILE.json [--dry-run] [--update] | FILE.xlsx|.csv --plan PLAN [--kpis] [--lang vi|en] [--password P|--password-file F] [--allow-dropping-actuals] | FILE --mapping MAP.json [--sheet NAME] [--dry-run] [--save-mapping NAME] | FILE --suggest-mapping",
		"import plans from a plan document (matched by uid; --update to change existing ones), or a plan's actuals or KPI sheet from a spreadsheet (all or nothing)", cmdImport},
	"list":        {"list", "list the plans", cmdList},
	"show":        {"show PLAN", "show a plan: person, goal, KPIs, actuals and SMART checks", cmdShow},
	"score":       {"score [PLAN] [--at PERIOD] [--json]", "score one plan or all of them", cmdScore},
	"export-json": {"export-json [PLAN]", "write plans as a plan document to standard output", cmdExportJSON},
	"backup":      {"backup FILE", "write a consistent copy of the database to FILE", cmdBackup},
	"restore":     {"restore FILE", "replace the whole database with the backup FILE after checking it, keeping a dated safety copy of the current one beside it", cmdRestore},
	"demo":        {"demo --people N [--seed S] [--lang vi|en]", "add a deterministic synthetic company", cmdDemo},
}

// run executes the command line args and returns the process exit code.
func run(args []string, out, errOut io.Writer) int {
	global, args, err := globalFlags(args)
	if err != nil {
		fmt.Fprintf(errOut, "kpi: %v\n", err)
		usage(errOut)
		return exitUsage
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(errOut)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	name := args[0]
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(errOut, "kpi: unknown command %q\n", name)
		usage(errOut)
		return exitUsage
	}
	e := &env{args: args[1:], out: out, errOut: errOut}
	fs := flag.NewFlagSet("kpi "+name, flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.StringVar(&e.db, "db", global["db"], "database file (default: the user's data folder)")
	fs.StringVar(&e.asOf, "today", global["today"], "judge official scoring windows as on this date (YYYY-MM-DD; default today)")
	fs.Usage = func() { fmt.Fprintf(errOut, "usage: kpi %s [--db FILE]\n  %s\n", c.usage, c.help); fs.PrintDefaults() }
	err = c.run(e, fs)
	if e.store != nil {
		if cerr := e.store.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errConflicts): // packet merge (packet.go)
		fmt.Fprintf(errOut, "kpi %s: %s\n", name, oneLine(err))
		return exitConflicts
	case errors.Is(err, errUsage):
		fmt.Fprintf(errOut, "kpi %s: %v\n", name, err)
		fs.Usage()
		return exitUsage
	}
	fmt.Fprintf(errOut, "kpi %s: %s\n", name, oneLine(err))
	return exitUser
}

// globalFlags takes the flags every command has (--db FILE, --today DATE, as
// "--db FILE" or "--db=FILE", one or two dashes) from the front of args, before
// the command's name, and returns their values and the rest of args.
func globalFlags(args []string) (map[string]string, []string, error) {
	vals := map[string]string{}
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		name, val, hasVal := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if name == "h" || name == "help" {
			break
		}
		if name != "db" && name != "today" {
			return nil, nil, fmt.Errorf("flag %s before the command: only --db and --today may come before it", args[0])
		}
		args = args[1:]
		if !hasVal {
			if len(args) == 0 {
				return nil, nil, fmt.Errorf("flag --%s needs a value", name)
			}
			val, args = args[0], args[1:]
		}
		vals[name] = val
	}
	return vals, args, nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: kpi [--db FILE] [--today DATE] COMMAND [arguments]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-40s %s\n", commands[n].usage, commands[n].help)
	}
}

// parse parses flags allowing them before and after positional arguments,
// and checks the number of positional arguments is within [min, max].
func (e *env) parse(fs *flag.FlagSet, min, max int) ([]string, error) {
	var pos []string
	rest := e.args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if e.asOf != "" {
		if d, err := app.ParseDate(e.asOf); err != nil || d.IsZero() {
			return nil, fmt.Errorf("%w: --today %q: want a date YYYY-MM-DD", errUsage, e.asOf)
		}
	}
	if len(pos) < min || len(pos) > max {
		return nil, fmt.Errorf("%w: expected %s", errUsage, argCount(min, max))
	}
	return pos, nil
}

func argCount(min, max int) string {
	switch {
	case min == max && min == 0:
		return "no arguments"
	case min == max:
		return fmt.Sprintf("%d argument(s)", min)
	}
	return fmt.Sprintf("%d to %d arguments", min, max)
}

// today returns the date official windows are judged on: --today, or the
// system date (a bad --today was refused by parse).
func (e *env) today() app.Date {
	if d, err := app.ParseDate(e.asOf); err == nil && !d.IsZero() {
		return d
	}
	return app.DateOf(time.Now())
}

// open opens the database named by --db (or the default one) for reading
// and writing, creating it if need be.
func (e *env) open() (*storage.DB, error) { return e.openWith(storage.Open) }

// openRead opens the database named by --db (or the default one) read-only:
// nothing is written into it, so a backup or a read-only file can be read
// without being changed. A missing file is an error matching os.ErrNotExist.
func (e *env) openRead() (*storage.DB, error) { return e.openWith(storage.OpenReadOnly) }

func (e *env) openWith(open func(string) (*storage.DB, error)) (*storage.DB, error) {
	path := e.db
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	s, err := open(path)
	if err != nil {
		return nil, err
	}
	e.store = s
	warnSynced(e.errOut, path) // synced-folder warning (issue 10), cmd/kpi/synced.go
	return s, nil
}

// oneLine flattens an error message to one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// plansOf returns the plan named by pos[0], or every plan when pos is empty.
func plansOf(s app.Store, pos []string) ([]*app.Plan, error) {
	if len(pos) == 0 {
		return s.Plans()
	}
	p, err := findPlan(s, pos[0])
	if err != nil {
		return nil, err
	}
	return []*app.Plan{p}, nil
}

// scoredPlansOf is plansOf with what loading all plans derives for scoring
// also for one plan (a unit plan rolled up, the team component's unit
// totals: cascade.RollUpAll), so `kpi score` and the sheets show the
// official totals.
func scoredPlansOf(s app.Store, pos []string) ([]*app.Plan, error) {
	if len(pos) == 0 {
		return s.Plans() // storage rolls up and fills the team component
	}
	p, err := findPlan(s, pos[0])
	if err != nil {
		return nil, err
	}
	if !p.IsUnitPlan() && p.Rules.TeamWeight <= 0 {
		return []*app.Plan{p}, nil
	}
	plans, err := s.Plans()
	if err != nil {
		return nil, err
	}
	cascade.RollUpAll(plans)
	for _, q := range plans {
		if q.ID == p.ID {
			return []*app.Plan{q}, nil
		}
	}
	return []*app.Plan{p}, nil
}

// findPlan resolves PLAN as an id, a plan name or a person's name.
func findPlan(s app.Store, q string) (*app.Plan, error) {
	var id uint64
	if _, err := fmt.Sscan(q, &id); err == nil && fmt.Sprint(id) == q {
		p, err := s.Plan(app.PlanID(id))
		if errors.Is(err, app.ErrNotFound) {
			return nil, fmt.Errorf("no plan with id %d", id)
		}
		return p, err
	}
	plans, err := s.Plans()
	if err != nil {
		return nil, err
	}
	var found []*app.Plan
	for _, p := range plans {
		if strings.EqualFold(p.Name, q) || strings.EqualFold(p.Person.Name, q) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no plan named %q (use an id from `kpi list`)", q)
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, p := range found {
		ids[i] = fmt.Sprint(p.ID)
	}
	return nil, fmt.Errorf("%q names %d plans (ids %s): use an id", q, len(found), strings.Join(ids, ", "))
}

// workspace opens the database for writing and returns a Workspace over it:
// its changes are recorded with the source "cli", official windows judged
// on --today.
func (e *env) workspace() (*workspace.Workspace, error) {
	s, err := e.open()
	if err != nil {
		return nil, err
	}
	ws := workspace.New(s)
	ws.Source = "cli"
	ws.Clock = e.today
	return ws, nil
}
