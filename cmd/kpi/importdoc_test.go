package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// otherDoc is a plan of somebody else, with no uid: imported into a fresh
// database it becomes plan 1 there.
var otherDoc = strings.NewReplacer(`"Sales 2026"`, `"Support 2026"`, `"Nguyễn Văn An"`, `"Trần Thị Bình"`).Replace(teamDoc)

func mustKPI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := kpi(t, args...)
	if code != 0 {
		t.Fatalf("kpi %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// TestImportIntoAnotherWorkspaceNeverReplacesSameID is the finding: export-json
// from A wrote plan id 1; importing it into B replaced B's own plan 1.
func TestImportIntoAnotherWorkspaceNeverReplacesSameID(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", a)
	mustKPI(t, "import", writeFile(t, "other.json", otherDoc), "--db", b)
	fromA := mustKPI(t, "export-json", "--db", a)
	if !strings.Contains(fromA, `"id": 1,`) {
		t.Fatalf("A's export does not hold plan id 1:\n%s", fromA)
	}
	bPlan1 := mustKPI(t, "export-json", "--db", b, "1")
	out := mustKPI(t, "import", writeFile(t, "a.json", fromA), "--db", b)
	if !strings.Contains(out, "1 created (id 2), 0 updated") {
		t.Errorf("import output %q, want a new plan 2", out)
	}
	if got := mustKPI(t, "export-json", "--db", b, "1"); got != bPlan1 {
		t.Errorf("B's plan 1 changed:\n%s\nwant\n%s", got, bPlan1)
	}
	list := mustKPI(t, "list", "--db", b)
	if !strings.Contains(list, "Support 2026") || !strings.Contains(list, "Sales 2026") {
		t.Errorf("B's list:\n%s", list)
	}
	uidA := regexp.MustCompile(`"uid": "([0-9a-f]{32})"`).FindStringSubmatch(fromA)
	if uidA == nil || !strings.Contains(mustKPI(t, "export-json", "--db", b, "2"), uidA[0]) {
		t.Errorf("plan 2 of B does not keep A's uid %v", uidA)
	}
}

// TestImportKnownUIDShownBeforeUpdate: a document holding a plan the
// workspace already has is refused without --update, listed by --dry-run,
// and applied (and listed) with --update.
func TestImportKnownUIDShownBeforeUpdate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	submitted := strings.Replace(teamDoc, `"status": "active",`, `"status": "submitted",`, 1) // terms still open to change
	mustKPI(t, "import", writeFile(t, "team.json", submitted), "--db", db)
	doc := mustKPI(t, "export-json", "--db", db)
	before := mustKPI(t, "export-json", "--db", db)
	changed := strings.Replace(doc, `"target": 4,`, `"target": 5,`, 1)              // k4's target
	changed = strings.Replace(changed, `"value": 70}`, `"value": 75}`, 1)           // k2's February actual
	changed = strings.Replace(changed, `"Sales 2026"`, `"Sales 2026 (revised)"`, 1) // the plan's name
	file := writeFile(t, "changed.json", changed)

	code, _, errs := kpi(t, "import", file, "--db", db)
	if code != exitUser || !strings.Contains(errs, "would update 1 existing plan(s)") || !strings.Contains(errs, `plan 1 "Sales 2026"`) ||
		!strings.Contains(errs, "--update") {
		t.Errorf("import without --update: exit %d, %q; want a refusal listing plan 1", code, errs)
	}
	if got := mustKPI(t, "export-json", "--db", db); got != before {
		t.Error("a refused import changed the database")
	}
	out := mustKPI(t, "import", file, "--db", db, "--dry-run")
	for _, want := range []string{`would update plan 1 "Sales 2026"`, "changes name", "changes KPI k4", "1 actual(s)", "0 plan(s) would be created, 1 updated; nothing was changed"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if got := mustKPI(t, "export-json", "--db", db); got != before {
		t.Error("a dry run changed the database")
	}
	out = mustKPI(t, "import", file, "--db", db, "--update")
	if !strings.Contains(out, `updated plan 1 "Sales 2026"`) || !strings.Contains(out, "0 created, 1 updated") {
		t.Errorf("import --update output:\n%s", out)
	}
	// The update is a change: the revision goes up.
	changed = strings.Replace(changed, `"status": "submitted",`+"\n", `"status": "submitted",`+"\n"+`      "revision": 1,`+"\n", 1)
	if got := mustKPI(t, "export-json", "--db", db); got != strings.Replace(changed, "\r", "", -1) {
		t.Errorf("after --update the database holds\n%s\nwant\n%s", got, changed)
	}
	// Both imports are in the plan's history, with the file as their source.
	hist := mustKPI(t, "history", "--db", db, "--json", "1")
	for _, want := range []string{`"path": "plan",`, `"new": "Sales 2026"`, `"source": "team.json"`, `"path": "name",`, `"new": "Sales 2026 (revised)"`,
		`"path": "kpis[k4].target",`, `"old": "4",`, `"path": "kpis[k2].actuals[2026-02].value"`, `"source": "changed.json"`, `"user": "`} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %s:\n%s", want, hist)
		}
	}
}

// TestImportHugeIDNeverWrapsCounter is the finding `"id": 18446744073709551615`:
// it wrapped the id counter and the next new plans overwrote plan 1.
func TestImportHugeIDNeverWrapsCounter(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	plan1 := mustKPI(t, "export-json", "--db", db, "1")
	huge := strings.Replace(otherDoc, `"name": "Support 2026"`, `"id": 18446744073709551615, "name": "Support 2026"`, 1)
	code, _, errs := kpi(t, "import", writeFile(t, "huge.json", huge), "--db", db)
	if code != exitUser || !strings.Contains(errs, "plans[0].id: 18446744073709551615 is above the highest plan id") {
		t.Errorf("huge id: exit %d %q, want a refusal naming plans[0].id", code, errs)
	}
	top := strings.Replace(otherDoc, `"name": "Support 2026"`, `"id": 9007199254740991, "name": "Support 2026"`, 1)
	if out := mustKPI(t, "import", writeFile(t, "top.json", top), "--db", db); !strings.Contains(out, "(id 2)") {
		t.Errorf("a document's id was trusted: %s", out) // ids are local: the plan gets the next one
	}
	for range 2 {
		mustKPI(t, "import", writeFile(t, "other.json", otherDoc), "--db", db)
	}
	if got := mustKPI(t, "export-json", "--db", db, "1"); got != plan1 {
		t.Error("plan 1 was overwritten")
	}
}

func TestImportOfNoPlansIsAnError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	code, _, errs := kpi(t, "import", writeFile(t, "none.json", `{"format": "kpiplanner/plan@2", "plans": []}`), "--db", db)
	if code != exitUser || !strings.Contains(errs, "holds no plans: nothing was imported") {
		t.Errorf("empty document: exit %d %q", code, errs)
	}
}

// TestListReadOnlyFileLeavesBytesUnchanged: list, show, score and export-json
// open the file read-only, so a read-only backup can be listed and keeps
// every byte.
func TestListReadOnlyFileLeavesBytesUnchanged(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	backup := filepath.Join(t.TempDir(), "backup.db")
	mustKPI(t, "backup", backup, "--db", db)
	for _, path := range []string{db, backup} {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"list"}, {"show", "1"}, {"score"}, {"score", "1", "--json"}, {"export-json"}} {
			mustKPI(t, append(args, "--db", path)...)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("%s changed by read-only commands", path)
		}
	}
}

// TestListStripsControlCharacters is the finding: names with terminal escape
// codes were printed raw by kpi list and show.
func TestListStripsControlCharacters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	evil := strings.NewReplacer(`"Sales 2026"`, `"Sales\u001b]0;pwned\u0007\u001b[2J 2026\u009b31m"`,
		`"Nguyễn Văn An"`, `"An\u202e\ttab"`, `"Revenue from new customers"`, `"Revenue\u001b[31m red"`).Replace(teamDoc)
	mustKPI(t, "import", writeFile(t, "evil.json", evil), "--db", db)
	for _, args := range [][]string{{"list"}, {"show", "1"}, {"score"}, {"score", "1"}} {
		out := mustKPI(t, append(args, "--db", db)...)
		if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && unsafeRune(r) }); i >= 0 {
			t.Errorf("kpi %s printed %q:\n%q", args[0], out[i:i+1], out)
		}
	}
	if out := mustKPI(t, "list", "--db", db); !strings.Contains(out, "Sales]0;pwned[2J 2026") {
		t.Errorf("list lost the printable text of the name:\n%s", out)
	}
	if json := mustKPI(t, "export-json", "--db", db); !strings.Contains(json, `\u001b]0;pwned`) {
		t.Errorf("export-json must keep the name as it is (escaped):\n%s", json)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn A":       "Nguyễn Văn A",
		"a\x1b[31mb":         "a[31mb",
		"a\tb\nc\rd":         "a b c d",
		"x\u202eevil\u2066y": "xevily",
		"del\x7f c1\u0085":   "del c1",
		"emoji 👩‍💻":          "emoji 👩‍💻", // the zero-width joiner stays
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermWriterKeepsRunesSplitAcrossWrites(t *testing.T) {
	var b bytes.Buffer
	w := &termWriter{w: &b}
	in := []byte("Việt\x1b[0m\tNam\n")
	for i := range in {
		if _, err := w.Write(in[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if got := b.String(); got != "Việt[0m\tNam\n" {
		t.Errorf("termWriter wrote %q", got)
	}
}

// TestImportUpdateOfAnApprovedPlanIsRefused: --update is an edit like any
// other, so an approved plan's targets refuse it until the plan is reopened
// (it used to skip the lifecycle), and nothing changes.
func TestImportUpdateOfAnApprovedPlanIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", db) // "active" reads as approved
	before := mustKPI(t, "export-json", "--db", db)
	file := writeFile(t, "changed.json", strings.Replace(before, `"target": 4,`, `"target": 5,`, 1))
	code, _, errs := kpi(t, "import", file, "--update", "--db", db)
	if code != exitUser || !strings.Contains(errs, "is approved: reopen it to change its terms") {
		t.Fatalf("--update of an approved target: exit %d, %s", code, errs)
	}
	if got := mustKPI(t, "export-json", "--db", db); got != before {
		t.Fatal("a refused update changed the database")
	}
	mustKPI(t, "reopen", "1", "--reason", "new budget", "--db", db)
	mustKPI(t, "import", file, "--update", "--db", db)
}
