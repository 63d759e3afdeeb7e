package xlsx

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeLocaleIsPinned is the set-up defect "LANG=vi_VN.UTF-8 make
// test fails": soffice inherited the caller's locale and wrote 0.5 as "0,5"
// and 1 February 2026 as 01/02/2026. Run under Vietnamese and German locales,
// the recomputed file must still read 0.5 and 02/01/2026 (MM/DD/YYYY).
func TestLibreOfficeLocaleIsPinned(t *testing.T) {
	sofficeBin(t)
	t.Setenv("LANG", "vi_VN.UTF-8")
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	t.Setenv("LC_NUMERIC", "vi_VN.UTF-8")
	t.Setenv("LANGUAGE", "vi")
	path := filepath.Join(t.TempDir(), "locale.xlsx")
	f := excelize.NewFile()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy, localised by the reader
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellFloat("Sheet1", "A1", 0.5, -1, 64))
	must(f.SetCellFormula("Sheet1", "B1", "A1*3")) // 1.5
	must(f.SetCellValue("Sheet1", "C1", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle("Sheet1", "C1", "C1", date))
	must(f.SaveAs(path))
	g := recalc(t, path)[path]["Sheet1"]
	got := strings.Join([]string{at(g, 0, 0), at(g, 0, 1), at(g, 0, 2)}, " ")
	if got != "0.5 1.5 02/01/2026" {
		t.Errorf("soffice under LANG=vi_VN, LC_ALL=de_DE wrote %q, want %q", got, "0.5 1.5 02/01/2026")
	}
}

// TestSofficeEnvDropsTheCallersLocale: every locale variable of the caller is
// replaced, and the rest of the environment is kept.
func TestSofficeEnvDropsTheCallersLocale(t *testing.T) {
	got := sofficeEnv([]string{"PATH=/bin", "LANG=vi_VN.UTF-8", "LC_ALL=de_DE.UTF-8", "LC_NUMERIC=vi_VN", "LANGUAGE=vi", "HOME=/root", "CI=true"}, "/tmp/x")
	want := "PATH=/bin CI=true HOME=/tmp/x LANG=C.UTF-8 LC_ALL=C.UTF-8"
	if strings.Join(got, " ") != want {
		t.Errorf("sofficeEnv = %q, want %q", got, want)
	}
}
