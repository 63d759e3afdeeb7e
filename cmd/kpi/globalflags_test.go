package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGlobalFlagsBeforeCommand is the set-up defect "kpi --db FILE demo … is
// refused as an unknown command": --db and --today may come before the command.
func TestGlobalFlagsBeforeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if code, out, errs := kpi(t, "--db", db, "demo", "--people", "3"); code != 0 {
		t.Fatalf("kpi --db FILE demo: exit %d: %s %s", code, out, errs)
	}
	// The same database, named after the command, lists the 3 demo plans.
	code, after, errs := kpi(t, "list", "--db", db)
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, errs)
	}
	code, before, errs := kpi(t, "--db="+db, "list")
	if code != 0 || before != after {
		t.Fatalf("kpi --db=FILE list = %d %q %s, want the output of kpi list --db FILE %q", code, before, errs, after)
	}
	if n := strings.Count(strings.TrimSpace(after), "\n"); n < 3 {
		t.Errorf("list shows %d lines, want a header and 3 plans:\n%s", n+1, after)
	}
	// --today before the command is the same as after it.
	_, a, _ := kpi(t, "-today", "2026-12-01", "--db", db, "score", "--json")
	_, b, _ := kpi(t, "score", "--json", "--db", db, "--today", "2026-12-01")
	if a == "" || a != b {
		t.Errorf("score with --today before the command = %q, after = %q", a, b)
	}
}

// TestGlobalFlagsBeforeCommandErrors: a flag other than --db/--today before the
// command, or one without its value, is a usage error naming it.
func TestGlobalFlagsBeforeCommandErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--json", "score"}, "--json"},
		{[]string{"--db"}, "--db needs a value"},
		{[]string{"--db", "x.db"}, "usage: kpi"},
		{[]string{"--db", "x.db", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--today", "2026-13-45", "--db", filepath.Join(t.TempDir(), "k.db"), "list"}, "--today"},
	} {
		code, _, errs := kpi(t, tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("kpi %q = exit %d, %q; want exit %d and %q", tc.args, code, errs, exitUsage, tc.want)
		}
	}
	if code, _, _ := kpi(t, "--db", "x.db", "--help"); code != exitOK {
		t.Errorf("kpi --db x.db --help = exit %d, want 0", code)
	}
}
