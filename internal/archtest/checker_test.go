package archtest

import (
	"reflect"
	"testing"
)

// TestViolationsNameTheChainToTheForbiddenImport checks the checker itself on
// a made-up graph: a direct import, one through a package outside the rule,
// one through a covered package (reported once, by that package) and a
// look-alike path that is allowed.
func TestViolationsNameTheChainToTheForbiddenImport(t *testing.T) {
	graph := map[string]*pkg{
		"kpiplanner/app":         {ImportPath: "kpiplanner/app", Imports: []string{"fmt"}},
		"kpiplanner/app/a":       {ImportPath: "kpiplanner/app/a", Imports: []string{"kpiplanner/app", "fyne.io/fyne/v2/widget"}},
		"kpiplanner/app/b":       {ImportPath: "kpiplanner/app/b", Imports: []string{"kpiplanner/app/a", "kpiplanner/helper"}},
		"kpiplanner/helper":      {ImportPath: "kpiplanner/helper", Imports: []string{"go.etcd.io/bbolt"}},
		"kpiplanner/appendix":    {ImportPath: "kpiplanner/appendix", Imports: []string{"fyne.io/fyne/v2"}},
		"kpiplanner/ui":          {ImportPath: "kpiplanner/ui", Imports: []string{"kpiplanner/storagex", "kpiplanner/storage/xlsx"}},
		"kpiplanner/storagex":    {ImportPath: "kpiplanner/storagex"},
		"fyne.io/fyne/v2/widget": {ImportPath: "fyne.io/fyne/v2/widget", Imports: []string{"fyne.io/fyne/v2"}},
		"go.etcd.io/bbolt":       {ImportPath: "go.etcd.io/bbolt"},
	}
	rs := []rule{
		{From: []string{"kpiplanner/app"}, Not: []string{"fyne.io/", "go.etcd.io/bbolt"}, Why: "domain"},
		{From: []string{"kpiplanner/ui"}, Not: []string{"kpiplanner/storage"}, Why: "through app"},
	}
	want := []string{
		// app/a imports a Fyne package directly; the walk stops there.
		"kpiplanner/app/a imports fyne.io/fyne/v2/widget (kpiplanner/app/a -> fyne.io/fyne/v2/widget): domain",
		// app/b reaches bbolt through a package outside app/; its path through app/a is app/a's report.
		"kpiplanner/app/b imports go.etcd.io/bbolt (kpiplanner/app/b -> kpiplanner/helper -> go.etcd.io/bbolt): domain",
		// ui imports storage/xlsx; storagex only looks like storage. appendix is not under app/.
		"kpiplanner/ui imports kpiplanner/storage/xlsx (kpiplanner/ui -> kpiplanner/storage/xlsx): through app",
	}
	if got := violations(graph, rs); !reflect.DeepEqual(got, want) {
		t.Errorf("violations =\n%q\nwant\n%q", got, want)
	}
}

// TestRulesHoldOnACleanGraph checks that the project's rules find nothing in
// a graph that follows the direction.
func TestRulesHoldOnACleanGraph(t *testing.T) {
	graph := map[string]*pkg{
		"kpiplanner/cmd/kpiplanner": {ImportPath: "kpiplanner/cmd/kpiplanner", Imports: []string{"kpiplanner/ui", "kpiplanner/storage/xlsx", "fyne.io/fyne/v2"}},
		"kpiplanner/ui":             {ImportPath: "kpiplanner/ui", Imports: []string{"kpiplanner/app", "kpiplanner/charts", "fyne.io/fyne/v2"}},
		"kpiplanner/storage/xlsx":   {ImportPath: "kpiplanner/storage/xlsx", Imports: []string{"kpiplanner/app", "github.com/xuri/excelize/v2"}},
		"kpiplanner/charts":         {ImportPath: "kpiplanner/charts", Imports: []string{"kpiplanner/app"}},
		"kpiplanner/app":            {ImportPath: "kpiplanner/app"},
	}
	if got := violations(graph, rules); len(got) != 0 {
		t.Errorf("violations = %q, want none", got)
	}
}
