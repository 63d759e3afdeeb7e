package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/registry"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/xlsx"
)

func init() {
	commands["people"] = command{"people list [--unit CODE] [--json] | import FILE [--dry-run] | export FILE [--lang vi|en]",
		"list, import (.xlsx/.csv, all or nothing, previewed with --dry-run) or export the people registry", cmdPeople}
	commands["units"] = command{"units list [--json] | import FILE [--dry-run] | export FILE [--lang vi|en]",
		"list, import (.xlsx/.csv, all or nothing, previewed with --dry-run) or export the org units", cmdUnits}
}

// registryFlags are the flags of `kpi people` and `kpi units`.
type registryFlags struct {
	unit, lang, password string
	json, dryRun         bool
}

func (f *registryFlags) add(fs *flag.FlagSet, people bool) {
	if people {
		fs.StringVar(&f.unit, "unit", "", "list: only the people of this unit (by code) and the units below it")
	}
	fs.BoolVar(&f.json, "json", false, "list: print a JSON array")
	fs.BoolVar(&f.dryRun, "dry-run", false, "import: list what the file would add and change, and change nothing")
	fs.StringVar(&f.lang, "lang", "en", "import: the language numbers are written in; export: the language of the headers (vi or en)")
	fs.StringVar(&f.password, "password", "", "import: the password of a protected .xlsx")
}

func cmdPeople(e *env, fs *flag.FlagSet) error { return registryCommand(e, fs, true) }

func cmdUnits(e *env, fs *flag.FlagSet) error { return registryCommand(e, fs, false) }

// registryCommand runs `kpi people …` (people) or `kpi units …`.
func registryCommand(e *env, fs *flag.FlagSet, people bool) error {
	var f registryFlags
	f.add(fs, people)
	pos, err := e.parse(fs, 1, 2)
	if err != nil {
		return err
	}
	tr, err := i18n.New(f.lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	switch {
	case pos[0] == "list" && len(pos) == 1:
		return listRegistry(e, &f, people)
	case pos[0] == "import" && len(pos) == 2:
		return importRegistry(e, &f, tr, pos[1], people)
	case pos[0] == "export" && len(pos) == 2:
		return exportRegistry(e, tr, pos[1], people)
	}
	return fmt.Errorf("%w: want list, import FILE or export FILE", errUsage)
}

// readRegistry returns the stored registry; a missing database is an empty one.
func readRegistry(e *env) (registry.Current, error) {
	s, err := e.openRead()
	if errors.Is(err, os.ErrNotExist) {
		return registry.Current{}, nil
	}
	if err != nil {
		return registry.Current{}, err
	}
	var cur registry.Current
	if cur.People, err = s.People(); err != nil {
		return cur, err
	}
	cur.Units, err = s.Units()
	return cur, err
}

// importRegistry previews the import of a people or units file and, unless
// dry-run, applies it: all of it, or nothing when any row has a problem.
func importRegistry(e *env, f *registryFlags, tr *i18n.Translator, path string, people bool) error {
	if err := tableFile(path); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	g, err := xlsx.Files{}.ReadGrid(ctx, path, f.password)
	if err != nil {
		return err
	}
	opts := registry.Options{T: tr.T, ParseNumber: tr.ParseNumber}
	var pv *registry.Preview
	if f.dryRun {
		cur, err := readRegistry(e)
		if err != nil {
			return err
		}
		pv = parseTable(cur, g, opts, people)
		if err := pv.Err(); err != nil {
			return fmt.Errorf("%s: %w", path, firstErrors(err, 5))
		}
		printPreview(e, pv, "would ")
		fmt.Fprintln(e.out, "dry run: nothing was changed")
		return nil
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	var cur registry.Current
	if cur.People, err = ws.People(); err != nil {
		return err
	}
	if cur.Units, err = ws.Units(); err != nil {
		return err
	}
	pv = parseTable(cur, g, opts, people)
	if err := pv.Err(); err != nil {
		return fmt.Errorf("%s: nothing imported: %w", path, firstErrors(err, 5))
	}
	if err := ws.ApplyRegistryImport(pv, path); err != nil {
		return err
	}
	printPreview(e, pv, "")
	return nil
}

func parseTable(cur registry.Current, g sheet.Grid, o registry.Options, people bool) *registry.Preview {
	if people {
		return registry.Parse(cur, nil, g, o)
	}
	return registry.Parse(cur, g, nil, o)
}

// printPreview lists what an import adds and changes, field by field.
func printPreview(e *env, pv *registry.Preview, would string) {
	w := &termWriter{w: e.out}
	for _, c := range pv.AddUnits {
		fmt.Fprintf(w, "%sadd unit %s %q (row %d)\n", would, clean(c.Unit.Code), clean(c.Unit.Name), c.Row)
	}
	for _, c := range pv.UpdateUnits {
		fmt.Fprintf(w, "%supdate unit %s (row %d): %s\n", would, clean(c.Unit.Code), c.Row, editsText(c.Edits))
	}
	for _, c := range pv.AddPeople {
		fmt.Fprintf(w, "%sadd %s %q (row %d)\n", would, clean(c.Person.Code), clean(c.Person.Name), c.Row)
	}
	for _, c := range pv.UpdatePeople {
		fmt.Fprintf(w, "%supdate %s (row %d): %s\n", would, clean(c.Person.Code), c.Row, editsText(c.Edits))
	}
	added, updated, same := len(pv.AddUnits)+len(pv.AddPeople), len(pv.UpdateUnits)+len(pv.UpdatePeople), pv.UnchangedUnits+pv.UnchangedPeople
	verb := "imported"
	if would != "" {
		verb = "would import"
	}
	fmt.Fprintf(w, "%s: %d added, %d updated, %d unchanged\n", verb, added, updated, same)
}

// editsText writes field changes as "position: Rep to Senior rep; level: 1 to 2".
func editsText(edits []app.Edit) string {
	parts := make([]string, len(edits))
	for i, ed := range edits {
		field := ed.Path
		if j := strings.LastIndex(field, "]."); j >= 0 {
			field = field[j+2:]
		}
		parts[i] = fmt.Sprintf("%s: %s to %s", field, quoted(ed.Old), quoted(ed.New))
	}
	return strings.Join(parts, "; ")
}

func quoted(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(clean(s))
}

// tableFile refuses a path that is not an .xlsx or .csv file.
func tableFile(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".csv":
		return nil
	case ".xls":
		return fmt.Errorf("%s: Excel 97–2003 (.xls) files are not read: save it as an Excel Workbook (.xlsx) and use that", path)
	}
	return fmt.Errorf("%w: %s: want an .xlsx or .csv file", errUsage, path)
}

// exportRegistry writes the people (or units) to path in the columns the import reads.
func exportRegistry(e *env, tr *i18n.Translator, path string, people bool) error {
	if err := tableFile(path); err != nil {
		return err
	}
	cur, err := readRegistry(e)
	if err != nil {
		return err
	}
	t := registry.UnitsSheet(cur.Units, cur.People, tr.T)
	n, what := len(cur.Units), "unit(s)"
	if people {
		t, n, what = registry.PeopleSheet(cur.People, cur.Units, tr.T), len(cur.People), "people"
	}
	ctx, stop := interruptible()
	defer stop()
	files, err := xlsx.Files{}.WriteTable(ctx, path, t, xlsx.Options{T: tr.T})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "wrote %d %s to %s\n", n, what, strings.Join(files, ", "))
	return nil
}

// listRegistry prints the people (of --unit's subtree) or the units.
func listRegistry(e *env, f *registryFlags, people bool) error {
	cur, err := readRegistry(e)
	if err != nil {
		return err
	}
	org := app.NewOrg(cur.Units)
	if !people {
		return listUnits(e, f.json, cur, org)
	}
	ps := cur.People
	if f.unit != "" {
		u := org.ByCode(f.unit)
		if u == nil {
			return fmt.Errorf("no unit with code %q (see kpi units list)", f.unit)
		}
		in := org.Subtree(u.UID)
		ps = nil
		for _, p := range cur.People {
			if in[p.Unit] {
				ps = append(ps, p)
			}
		}
	}
	return listPeople(e, f.json, ps, cur, org)
}

// personJSON is one person of `kpi people list --json`, links by code.
type personJSON struct {
	UID       app.UID `json:"uid"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Unit      string  `json:"unit,omitempty"`
	Position  string  `json:"position,omitempty"`
	Level     int     `json:"level,omitempty"`
	Manager   string  `json:"manager,omitempty"`
	Joined    string  `json:"joined,omitempty"`
	Left      string  `json:"left,omitempty"`
	BaseBonus float64 `json:"base_bonus"`
	Currency  string  `json:"currency,omitempty"`
	Email     string  `json:"email,omitempty"`
}

func listPeople(e *env, asJSON bool, ps []app.Employee, cur registry.Current, org *app.Org) error {
	code := map[app.UID]string{}
	for _, p := range cur.People {
		code[p.UID] = p.Code
	}
	out := make([]personJSON, len(ps))
	for i, p := range ps {
		out[i] = personJSON{UID: p.UID, Code: p.Code, Name: p.Name, Position: p.Position, Level: p.Level, Manager: code[p.Manager],
			Joined: dateText(p.Joined), Left: dateText(p.Left), BaseBonus: p.BaseBonus, Currency: p.Currency, Email: p.Email}
		if u := org.Units[p.Unit]; u != nil {
			out[i].Unit = u.Code
		}
	}
	if asJSON {
		return printJSON(e, out)
	}
	w := tabwriter.NewWriter(&termWriter{w: e.out}, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tNAME\tUNIT\tPOSITION\tLEVEL\tMANAGER\tJOINED\tLEFT\tBASE BONUS")
	for _, p := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", clean(p.Code), clean(p.Name), clean(p.Unit), clean(p.Position),
			p.Level, clean(p.Manager), p.Joined, p.Left, amount(p.BaseBonus, p.Currency))
	}
	return w.Flush()
}

// unitJSON is one unit of `kpi units list --json`, links by code.
type unitJSON struct {
	UID    app.UID `json:"uid"`
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Parent string  `json:"parent,omitempty"`
	Head   string  `json:"head,omitempty"`
	People int     `json:"people"`
}

func listUnits(e *env, asJSON bool, cur registry.Current, org *app.Org) error {
	head, count := map[app.UID]string{}, map[app.UID]int{}
	for _, p := range cur.People {
		head[p.UID] = p.Code
		count[p.Unit]++
	}
	out := make([]unitJSON, len(cur.Units))
	for i, u := range cur.Units {
		out[i] = unitJSON{UID: u.UID, Code: u.Code, Name: u.Name, Head: head[u.Head], People: count[u.UID]}
		if p := org.Units[u.Parent]; p != nil {
			out[i].Parent = p.Code
		}
	}
	if asJSON {
		return printJSON(e, out)
	}
	w := tabwriter.NewWriter(&termWriter{w: e.out}, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tNAME\tPARENT\tHEAD\tPEOPLE")
	for _, u := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\n", clean(u.Code), clean(u.Name), clean(u.Parent), clean(u.Head), u.People)
	}
	return w.Flush()
}

func dateText(d app.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// printJSON writes v as indented JSON.
func printJSON(e *env, v any) error {
	enc := json.NewEncoder(e.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
