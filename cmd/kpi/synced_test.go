package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandsWarnAboutADatabaseInASyncedFolder(t *testing.T) {
	root := t.TempDir()
	synced := filepath.Join(root, "Sync")
	if err := os.MkdirAll(filepath.Join(synced, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(synced, "kpi.db")
	code, out, errs := kpi(t, "--db", db, "import", writeFile(t, "team.json", teamDoc))
	if code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if !strings.Contains(errs, "synced by Syncthing") || !strings.Contains(errs, "packets") || strings.Contains(out, "warning") {
		t.Fatalf("stderr %q, stdout %q: want the Syncthing warning on stderr only", errs, out)
	}
	code, out, errs = kpi(t, "--db", db, "list") // read-only commands warn too
	if code != 0 || !strings.Contains(errs, "synced by Syncthing") || !strings.Contains(out, "Sales 2026") {
		t.Fatalf("list: %d %q %q", code, out, errs)
	}

	plain := filepath.Join(root, "data", "kpi.db")
	if err := os.MkdirAll(filepath.Dir(plain), 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, errs = kpi(t, "--db", plain, "import", writeFile(t, "team.json", teamDoc))
	if code != 0 || strings.Contains(errs, "synced") {
		t.Fatalf("a plain folder: %d, stderr %q", code, errs)
	}
}

func TestOneDriveEnvironmentIsRecognised(t *testing.T) {
	root := t.TempDir()
	t.Setenv("OneDriveCommercial", filepath.Join(root, "Contoso Files"))
	db := filepath.Join(root, "Contoso Files", "HR", "kpi.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, errs := kpi(t, "--db", db, "import", writeFile(t, "team.json", teamDoc))
	if code != 0 || !strings.Contains(errs, "synced by OneDrive") {
		t.Fatalf("import: %d %q", code, errs)
	}
}
