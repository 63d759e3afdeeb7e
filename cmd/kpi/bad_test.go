package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// badDir is the bad-input catalogue: every file in it must be refused.
const badDir = "../../testdata/bad"

// badCase is one catalogue file and what its NAME.expect sidecar says.
type badCase struct {
	file string     // path of the bad file
	args []string   // extra `kpi import` arguments ("args:" lines)
	want [][]string // substrings the error must hold ("want:" lines; "a|b" = either)
}

// readBadCase reads the sidecar of file: "# comment", "args: --plan 1 --kpis"
// and one or more "want: substring" lines.
func readBadCase(t *testing.T, file string) badCase {
	t.Helper()
	b, err := os.ReadFile(file + ".expect")
	if err != nil {
		t.Fatalf("every file of testdata/bad needs a .expect sidecar: %v", err)
	}
	c := badCase{file: file}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch {
		case strings.HasPrefix(line, "#"):
		case key == "args":
			c.args = append(c.args, strings.Fields(val)...)
		case key == "want" && val != "":
			c.want = append(c.want, strings.Split(val, "|"))
		default:
			t.Fatalf("%s.expect line %d: want \"# …\", \"args: …\" or \"want: …\", got %q", file, i+1, line)
		}
	}
	if len(c.want) == 0 {
		t.Fatalf("%s.expect has no want: line", file)
	}
	return c
}

// badFiles lists the catalogue's files (not the sidecars or the generator).
func badFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".expect") {
			continue
		}
		files = append(files, filepath.Join(badDir, name))
	}
	for _, e := range entries {
		if f, ok := strings.CutSuffix(filepath.Join(badDir, e.Name()), ".expect"); ok && !slices.Contains(files, f) {
			t.Errorf("%s.expect describes a file that does not exist", f)
		}
	}
	return files
}

// seedDB writes a database holding teamDoc's plan (id 1, the plan the
// spreadsheet cases import into) and a 3-person demo company, and returns its bytes.
func seedDB(t *testing.T) []byte {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seed.db")
	if code, _, errs := kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db); code != exitOK {
		t.Fatalf("seed import: %s", errs)
	}
	if code, _, errs := kpi(t, "demo", "--db", db, "--people", "3", "--seed", "1"); code != exitOK {
		t.Fatalf("seed demo: %s", errs)
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBadInputCatalogue imports every file of testdata/bad through the CLI
// into a seeded database: each must exit 1 (a user error, not success and
// not a usage error), name the field, row or line its sidecar expects,
// leave the database and the file unchanged, and leave no temporary file behind.
func TestBadInputCatalogue(t *testing.T) {
	seed := seedDB(t)
	for _, file := range badFiles(t) {
		c := readBadCase(t, file)
		t.Run(filepath.Base(file), func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "k.db")
			if err := os.WriteFile(db, seed, 0o600); err != nil {
				t.Fatal(err)
			}
			tmp := filepath.Join(dir, "tmp")
			if err := os.Mkdir(tmp, 0o700); err != nil {
				t.Fatal(err)
			}
			t.Setenv("TMPDIR", tmp)
			input := readBytes(t, c.file)
			_, before, _ := kpi(t, "export-json", "--db", db)

			code, out, errs := kpi(t, append([]string{"import", c.file, "--db", db}, c.args...)...)

			if code != exitUser {
				t.Errorf("exit %d, want %d (stdout %q, stderr %q)", code, exitUser, out, errs)
			}
			if strings.Contains(out, "imported") {
				t.Errorf("a refused import reports success: %q", out)
			}
			msg := strings.ReplaceAll(errs, c.file, "FILE") // the file's name must not pass for a place in it
			for _, alts := range c.want {
				if !slices.ContainsFunc(alts, func(w string) bool { return strings.Contains(msg, w) }) {
					t.Errorf("the error does not name %q:\n%s", strings.Join(alts, `" or "`), msg)
				}
			}
			if _, after, _ := kpi(t, "export-json", "--db", db); after != before || len(before) < 1000 {
				t.Errorf("the database changed (%d bytes of plan document before, %d after)", len(before), len(after))
			}
			if !bytes.Equal(readBytes(t, c.file), input) {
				t.Error("the import changed the input file")
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
