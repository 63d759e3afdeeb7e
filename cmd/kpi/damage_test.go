package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// damagedFiles returns database files damaged in the three ways the issue
// found: truncated (every command died of SIGBUS, exit 2), zeroed pages
// (list panicked, import wrote into it) and 0 bytes (silently an empty workspace).
func damagedFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustKPI(t, "demo", "--db", good, "--people", "40")
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"truncated":    b[:16<<10],
		"zeroed pages": append(bytes.Clone(b[:2*os.Getpagesize()]), make([]byte, len(b)-2*os.Getpagesize())...),
		"0 bytes":      {},
	}
	out := map[string]string{}
	for name, body := range files {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
		if err := os.WriteFile(path, body, 0o600); err != nil {
			t.Fatal(err)
		}
		out[name] = path
	}
	return out
}

// TestDamagedDatabaseExitsOneAndIsNeverWritten: every command answers a
// damaged file with a message naming it and exit 1, and no byte changes.
func TestDamagedDatabaseExitsOneAndIsNeverWritten(t *testing.T) {
	doc := writeFile(t, "team.json", teamDoc)
	for name, path := range damagedFiles(t) {
		before, _ := os.ReadFile(path)
		for _, args := range [][]string{{"list"}, {"show", "1"}, {"score"}, {"export-json"}, {"import", doc}, {"demo", "--people", "2"}} {
			code, out, errs := kpi(t, append(args, "--db", path)...)
			if code != exitUser || !strings.Contains(errs, "is damaged") || !strings.Contains(errs, path) {
				t.Errorf("%s: kpi %s: exit %d, %q %q; want exit 1 saying the file is damaged", name, args[0], code, out, errs)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("%s: a command wrote into the damaged file", name)
		}
	}
}

// TestRestoreCommandKeepsSafetyCopy: kpi restore replaces the database with a
// backup and prints where the previous database was kept.
func TestRestoreCommandKeepsSafetyCopy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kpiplanner.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	backup := filepath.Join(t.TempDir(), "b.db")
	mustKPI(t, "backup", backup, "--db", db)
	mustKPI(t, "import", writeFile(t, "other.json", otherDoc), "--db", db)
	out := mustKPI(t, "restore", backup, "--db", db)
	m := regexp.MustCompile(`kept in (\S+\.before-restore\.db)`).FindStringSubmatch(out)
	if m == nil || filepath.Dir(m[1]) != dir {
		t.Fatalf("restore output %q: want the safety copy's path beside the database", out)
	}
	if list := mustKPI(t, "list", "--db", db); strings.Contains(list, "Support 2026") {
		t.Errorf("after restore:\n%s", list)
	}
	if list := mustKPI(t, "list", "--db", m[1]); !strings.Contains(list, "Support 2026") || !strings.Contains(list, "Sales 2026") {
		t.Errorf("safety copy:\n%s", list)
	}
	for name, bad := range damagedFiles(t) {
		code, _, errs := kpi(t, "restore", bad, "--db", db)
		if code != exitUser || !strings.Contains(errs, "damaged") {
			t.Errorf("restore from a %s backup: exit %d %q", name, code, errs)
		}
	}
	if list := mustKPI(t, "list", "--db", db); !strings.Contains(list, "Sales 2026") {
		t.Errorf("refused restores changed the database:\n%s", list)
	}
}
