package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// rule forbids the packages under From to depend on any package under one of Not.
type rule struct {
	From []string // import paths, each also covering the packages below it
	Not  []string // forbidden import paths, each also covering the packages below it
	Why  string   // the reason, for the failure message
}

// rules are the dependency directions of the developers' guide.
var rules = []rule{
	{
		From: []string{"kpiplanner/app"},
		Not:  []string{"fyne.io/", "go.etcd.io/bbolt", "github.com/xuri/excelize"},
		Why:  "app/ is the domain: it imports neither Fyne, bbolt nor excelize, and declares interfaces that storage/ implements",
	},
	{
		From: []string{"kpiplanner/app"},
		Not:  []string{"kpiplanner/ui", "kpiplanner/storage", "kpiplanner/charts", "kpiplanner/cmd"},
		Why:  "the direction is cmd -> ui -> app <- storage, charts: app/ depends on no other part of the program",
	},
	{
		From: []string{"kpiplanner/ui"},
		Not:  []string{"kpiplanner/storage"},
		Why:  "ui/ reaches storage through interfaces declared in app/ (app.Store, files.Spreadsheets, app.Recovery), passed in by cmd/",
	},
	{
		From: []string{"kpiplanner/storage", "kpiplanner/charts"},
		Not:  []string{"kpiplanner/ui"},
		Why:  "storage/ and charts/ serve the UI, they never depend on it",
	},
}

// pkg is what go list says of one package.
type pkg struct {
	ImportPath string
	Imports    []string
	Error      *struct{ Err string }
}

// within reports whether path is one of prefixes or a package below one of
// them; a prefix ending in "/" (such as "fyne.io/") matches every path that
// starts with it.
func within(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

// violations lists, sorted, every forbidden dependency of graph's packages:
// for each package a rule covers, the chain of imports from it to the first
// forbidden package on each path. Chains through another covered package are
// left to that package's own report.
func violations(graph map[string]*pkg, rules []rule) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rules {
		for path := range graph {
			if !within(path, r.From) {
				continue
			}
			for _, chain := range forbiddenChains(graph, path, r) {
				msg := fmt.Sprintf("%s imports %s (%s): %s", path, chain[len(chain)-1], strings.Join(chain, " -> "), r.Why)
				if !seen[msg] {
					seen[msg] = true
					out = append(out, msg)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// forbiddenChains walks the imports of start breadth first and returns the
// shortest chain of imports to each forbidden package it reaches.
func forbiddenChains(graph map[string]*pkg, start string, r rule) [][]string {
	prev := map[string]string{start: ""}
	queue := []string{start}
	var chains [][]string
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		p := graph[cur]
		if p == nil {
			continue
		}
		for _, imp := range p.Imports {
			if _, ok := prev[imp]; ok {
				continue
			}
			prev[imp] = cur
			switch {
			case within(imp, r.Not):
				chains = append(chains, chainTo(prev, imp))
			case !within(imp, r.From):
				queue = append(queue, imp)
			}
		}
	}
	return chains
}

// chainTo returns the import chain from the walk's start to path.
func chainTo(prev map[string]string, path string) []string {
	var chain []string
	for p := path; p != ""; p = prev[p] {
		chain = append([]string{p}, chain...)
	}
	return chain
}

// goList returns the non-test import graph of the module's packages and
// everything they depend on, built for goos with the project's build tags.
func goList(t *testing.T, goos string) map[string]*pkg {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-deps", "-tags", "migrated_fynedo", "-json=ImportPath,Imports,Error", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list (GOOS=%s): %v\n%s", goos, err, stderr.String())
	}
	graph := map[string]*pkg{}
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		p := &pkg{}
		if err := dec.Decode(p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list (GOOS=%s) output: %v", goos, err)
		}
		if p.Error != nil {
			t.Fatalf("go list (GOOS=%s): %s: %s", goos, p.ImportPath, p.Error.Err)
		}
		graph[p.ImportPath] = p
	}
	return graph
}

// moduleRoot is the directory of the go.mod above this package.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("module root: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// TestDependencyDirection fails naming every import that breaks the
// direction cmd -> ui -> app <- storage, charts, on Linux and on Windows
// (whose files may import other packages).
func TestDependencyDirection(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the architecture test needs the go tool on PATH: %v", err)
	}
	for _, goos := range []string{"linux", "windows"} {
		graph := goList(t, goos)
		for _, want := range []string{"kpiplanner/app", "kpiplanner/ui", "kpiplanner/storage", "kpiplanner/charts"} {
			if graph[want] == nil {
				t.Fatalf("GOOS=%s: go list did not list %s; the test would check nothing", goos, want)
			}
		}
		for _, v := range violations(graph, rules) {
			t.Errorf("GOOS=%s: %s", goos, v)
		}
	}
}
