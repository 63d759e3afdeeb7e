package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/library"
	"kpiplanner/app/smart"
)

func init() {
	commands["library"] = command{
		"library [--goal TYPE] [--dept D] [--stage S] [--search TEXT] [--lang vi|en] [--json]",
		"list KPI library entries", cmdLibrary}
}

func cmdLibrary(e *env, fs *flag.FlagSet) error {
	var f library.Filter
	fs.StringVar(&f.GoalType, "goal", "", "only the KPI set of this goal type (e.g. lead-generation)")
	fs.StringVar(&f.Department, "dept", "", "only this department (e.g. marketing, sales, hr)")
	fs.StringVar(&f.Stage, "stage", "", "only this funnel stage (awareness, consideration, conversion, loyalty)")
	fs.StringVar(&f.Query, "search", "", "words to find in either language, accents and case ignored")
	lang := fs.String("lang", "en", "language: vi or en")
	asJSON := fs.Bool("json", false, "print the entries as JSON")
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	if !i18n.Supported(*lang) {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if f.GoalType != "" {
		if _, ok := lib.GoalType(f.GoalType); !ok {
			return fmt.Errorf("unknown goal type %q (known: %s)", f.GoalType, goalIDs(lib))
		}
	}
	entries := lib.Filter(f)
	w := bufio.NewWriter(e.out)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			return err
		}
		return w.Flush()
	}
	tr, err := i18n.New(*lang)
	if err != nil {
		return err
	}
	writeLibrary(w, lib, entries, f.GoalType, tr)
	return w.Flush()
}

func writeLibrary(w io.Writer, lib *library.Library, entries []app.LibraryEntry, goal string, tr *i18n.Translator) {
	lang := tr.Lang()
	if g, ok := lib.GoalType(goal); ok {
		fmt.Fprintf(w, "%s — %s\n%s: %s\n\n", g.Name.In(lang), g.Description.In(lang), tr.T("Example"), g.Example.In(lang))
	}
	groups := map[string]app.Group{}
	for _, s := range lib.Suggest(goal) {
		groups[s.Entry.ID] = s.Group
	}
	slices.SortStableFunc(entries, func(a, b app.LibraryEntry) int { return strings.Compare(string(groups[a.ID]), string(groups[b.ID])) })
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", tr.T("Group"), "ID", tr.T("KPI"), tr.T("Department"), tr.T("Formula"))
	for _, x := range entries {
		g := string(groups[x.ID])
		if g == "" {
			g = "-"
		}
		name := x.Name.In(lang)
		if x.Vanity {
			name += " (" + tr.T("vanity metric") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", g, x.ID, name, tr.Name(x.Department), x.Formula.In(lang))
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%s\n", tr.T("%d KPIs", len(entries)))
}

func goalIDs(lib *library.Library) string {
	s := ""
	for i, g := range lib.GoalTypes() {
		if i > 0 {
			s += ", "
		}
		s += g.ID
	}
	return s
}

// library opens the KPI library with the user's entries when a database is
// given, or the built-in library alone.
func (e *env) library() (*library.Library, error) {
	if e.db == "" {
		return library.Load()
	}
	s, err := e.open()
	if err != nil {
		return nil, err
	}
	lib, err := library.Open(s)
	if lib == nil {
		return nil, err
	}
	if err != nil {
		fmt.Fprintf(e.errOut, "warning: %s\n", oneLine(err))
	}
	return lib, nil
}

// catalog returns the KPI library as SMART checks see it (nil if it cannot load).
func catalog() smart.Catalog {
	lib, err := library.Load()
	if err != nil {
		return nil
	}
	return lib
}
