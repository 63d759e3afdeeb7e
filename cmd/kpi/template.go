package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/template"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/fileio"
)

// positionTemplateUsage and positionTemplateHelp describe `kpi template
// SUBCOMMAND`, which shares its name with the actuals sheet `kpi template PLAN`.
const (
	positionTemplateUsage = "template new NAME --position P [--level N] [--goal-type ID|--from-plan PLAN] [--kpi ID:NAME:TARGET:GROUP…] | template list | template show T | " +
		"template export FILE [T…] | template import FILE [--dry-run] | template assign T --year Y|--start D --end D [--unit CODE] [--position P] [--level N] [--people CODE,…] [--existing skip|replace|add] [--dry-run] | " +
		"template update T [--set KPI.FIELD=VALUE…] [--kpi …] [--remove KPI…] [--file F] [--apply all|unoverridden|PLAN,…] [--overwrite-overrides] [--reason R] [--dry-run]"
	positionTemplateHelp = "position templates: make, list, show (versions, diff, plans and their overrides), export and import (kpiplanner/template@1), " +
		"assign to people as draft plans, update the plans made from them"
)

// templateSubcommands are the subcommands of `kpi template` for position templates.
var templateSubcommands = map[string]func(*env, *templateFlags, []string) error{
	"new": templateNew, "list": templateList, "show": templateShow, "export": templateExport,
	"import": templateImport, "assign": templateAssign, "update": templateUpdate,
}

// templateOrSheet runs `kpi template SUBCOMMAND …` for position templates,
// or `kpi template PLAN …` (the actuals sheet) when the first argument is
// not one of the subcommands.
func templateOrSheet(e *env, fs *flag.FlagSet) error {
	for i := 0; i < len(e.args); i++ {
		a := e.args[i]
		if name, _, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "="); strings.HasPrefix(a, "-") {
			if !hasVal && (name == "db" || name == "today") {
				i++
			}
			continue
		}
		if templateSubcommands[a] != nil {
			return cmdPositionTemplate(e, fs)
		}
		break
	}
	return cmdTemplate(e, fs)
}

// templateFlags are the flags of every `kpi template` subcommand.
type templateFlags struct {
	position, goalType, fromPlan, lang, note string
	level                                    int
	kpis, sets, removes                      multi
	dryRun, json, force                      bool
	year                                     int
	start, end, freq, unit, people, existing string
	apply, reason, file                      string
}

// multi is a flag that may be given many times.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, " ") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func (f *templateFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&f.position, "position", "", "new: the position the template is for; assign: only people of this position")
	fs.IntVar(&f.level, "level", 0, "new: the level it is for (0: every level); assign: only people of this level")
	fs.StringVar(&f.goalType, "goal-type", "", "new: start from the KPI library's set for this goal type")
	fs.StringVar(&f.fromPlan, "from-plan", "", "new: start from this plan's goal, rules and KPIs")
	fs.StringVar(&f.lang, "lang", "vi", "new: the language of the library's KPI names (vi or en)")
	fs.StringVar(&f.note, "note", "", "new, update: why, recorded with the version")
	fs.Var(&f.kpis, "kpi", "new, update: add a KPI ID:NAME:TARGET:GROUP (repeatable)")
	fs.Var(&f.sets, "set", "update: KPI.FIELD=VALUE, e.g. rev.target=110 (fields: "+strings.Join(settable, ", ")+"), or goal=TEXT (repeatable)")
	fs.Var(&f.removes, "remove", "update: remove the KPI of this id (repeatable)")
	fs.StringVar(&f.file, "file", "", "update: the new version is the template of this kpiplanner/template@1 file")
	fs.BoolVar(&f.dryRun, "dry-run", false, "import, assign, update: show what would change, and change nothing")
	fs.BoolVar(&f.json, "json", false, "list: print JSON")
	fs.IntVar(&f.year, "year", 0, "assign: the cycle is this calendar year")
	fs.StringVar(&f.start, "start", "", "assign: the cycle's first day (YYYY-MM-DD)")
	fs.StringVar(&f.end, "end", "", "assign: the cycle's last day (YYYY-MM-DD)")
	fs.StringVar(&f.freq, "frequency", "monthly", "assign: weekly, monthly or quarterly")
	fs.StringVar(&f.unit, "unit", "", "assign: only people of this unit (by code) and the units below it")
	fs.StringVar(&f.people, "people", "", "assign: only these employee codes, separated by commas")
	fs.StringVar(&f.existing, "existing", "skip", "assign: for people who already have a plan for the cycle: skip, replace or add (the template's KPIs)")
	fs.StringVar(&f.apply, "apply", "all", "update: all, unoverridden (plans without overrides) or plan ids/names separated by commas")
	fs.BoolVar(&f.force, "overwrite-overrides", false, "update: overridden fields take the template's new value too")
	fs.StringVar(&f.reason, "reason", "", "update: the reason recorded in each plan's history (needed for plans approved before)")
}

func cmdPositionTemplate(e *env, fs *flag.FlagSet) error {
	var f templateFlags
	f.add(fs)
	pos, err := e.parse(fs, 1, 1<<10)
	if err != nil {
		return err
	}
	sub, args := pos[0], pos[1:]
	run, ok := templateSubcommands[sub]
	if !ok {
		return fmt.Errorf("%w: want new, list, show, export, import, assign or update", errUsage)
	}
	return run(e, &f, args)
}

func templateNew(e *env, f *templateFlags, args []string) error {
	if len(args) != 1 || f.position == "" {
		return fmt.Errorf("%w: template new NAME --position P", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	var t *app.Template
	switch {
	case f.goalType != "" && f.fromPlan != "":
		return fmt.Errorf("%w: give --goal-type or --from-plan, not both", errUsage)
	case f.goalType != "":
		lib, err := library.Open(ws.Store())
		if lib == nil {
			return err
		}
		if t, err = template.FromGoalType(lib, f.goalType, f.lang, args[0], f.position, f.level); err != nil {
			return err
		}
	case f.fromPlan != "":
		p, err := findPlan(ws.Store(), f.fromPlan)
		if err != nil {
			return err
		}
		t = template.FromPlan(p, args[0], f.position, f.level)
	default:
		t = app.NewTemplate(args[0], f.position, f.level)
	}
	if err := addKPIs(t, f.kpis); err != nil {
		return err
	}
	if err := ws.SaveTemplate(t, f.note); err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "template %s saved as version %d (uid %s) with %d KPIs\n", clean(t.Name), t.Version, t.UID, len(t.KPIs))
	return nil
}

// addKPIs adds KPIs given as ID:NAME:TARGET:GROUP to t.
func addKPIs(t *app.Template, specs []string) error {
	for _, s := range specs {
		parts := strings.Split(s, ":")
		if len(parts) != 4 {
			return fmt.Errorf("%w: --kpi %q: want ID:NAME:TARGET:GROUP", errUsage, s)
		}
		target, err := strconv.ParseFloat(parts[2], 64)
		if err != nil {
			return fmt.Errorf("%w: --kpi %q: target %q is not a number", errUsage, s, parts[2])
		}
		if t.KPI(parts[0]) != nil {
			return fmt.Errorf("%w: --kpi %q: the template already has a KPI %s", errUsage, s, parts[0])
		}
		k := app.CustomKPI(parts[0], parts[1])
		k.Target, k.Group = target, app.Group(strings.ToUpper(parts[3]))
		t.KPIs = append(t.KPIs, k)
	}
	return nil
}

func templateList(e *env, f *templateFlags, args []string) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	ts, err := ws.Templates()
	if err != nil {
		return err
	}
	held, err := heldBy(ws)
	if err != nil {
		return err
	}
	if f.json {
		type row struct {
			UID      app.UID `json:"uid"`
			Name     string  `json:"name"`
			Position string  `json:"position"`
			Level    int     `json:"level"`
			Version  int     `json:"version"`
			KPIs     int     `json:"kpis"`
			Plans    int     `json:"plans"`
		}
		rows := make([]row, len(ts))
		for i, t := range ts {
			rows[i] = row{t.UID, t.Name, t.Position, t.Level, t.Version, len(t.KPIs), held[t.UID]}
		}
		return printJSON(e, rows)
	}
	rows := [][]string{{"UID", "NAME", "POSITION", "LEVEL", "VERSION", "KPIS", "PLANS"}}
	for _, t := range ts {
		rows = append(rows, []string{string(t.UID)[:8], clean(t.Name), clean(t.Position), levelText(t.Level),
			strconv.Itoa(t.Version), strconv.Itoa(len(t.KPIs)), strconv.Itoa(held[t.UID])})
	}
	return writeRows(e, rows)
}

// heldBy counts the plans holding each template.
func heldBy(ws *workspace.Workspace) (map[app.UID]int, error) {
	ps, err := ws.Store().Plans()
	if err != nil {
		return nil, err
	}
	n := map[app.UID]int{}
	for _, p := range ps {
		if p.TemplateUID != "" {
			n[p.TemplateUID]++
		}
	}
	return n, nil
}

func levelText(l int) string {
	if l == 0 {
		return "any"
	}
	return strconv.Itoa(l)
}

// writeRows writes a table with aligned columns.
func writeRows(e *env, rows [][]string) error {
	w := &termWriter{w: e.out}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
	return nil
}

func templateExport(e *env, f *templateFlags, args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("%w: template export FILE [T…]", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	var ts []*app.Template
	if len(args) == 1 {
		if ts, err = ws.Templates(); err != nil {
			return err
		}
	}
	for _, ref := range args[1:] {
		t, err := ws.FindTemplate(ref)
		if err != nil {
			return err
		}
		ts = append(ts, t)
	}
	if err := fileio.WriteFile(args[0], func(w io.Writer) error { return template.WriteFile(w, ts) }); err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "wrote %d template(s) to %s\n", len(ts), args[0])
	return nil
}

func templateImport(e *env, f *templateFlags, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: template import FILE", errUsage)
	}
	ts, err := readTemplates(args[0])
	if err != nil {
		return err
	}
	if f.dryRun {
		for _, t := range ts {
			fmt.Fprintf(&termWriter{w: e.out}, "would import %s (%s, %d KPIs)\n", clean(t.Name), clean(t.Position), len(t.KPIs))
		}
		return nil
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	n, err := ws.ImportTemplates(ts, filepath.Base(args[0]))
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "imported %d template version(s); %d unchanged\n", n, len(ts)-n)
	return nil
}

func readTemplates(path string) ([]*app.Template, error) {
	r, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	ts, err := template.ReadFile(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(ts) == 0 {
		return nil, errors.New(path + ": the file holds no template")
	}
	return ts, nil
}
