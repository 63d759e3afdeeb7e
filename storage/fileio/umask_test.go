//go:build unix

package fileio

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestExportHonoursUmask is the finding: exports were forced to 0644
// whatever the user's umask. A new file gets 0666 less the umask; a file
// written over keeps its own mode.
func TestExportHonoursUmask(t *testing.T) {
	dir := t.TempDir()
	write := func(path string) {
		t.Helper()
		if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	for _, tc := range []struct {
		umask int
		want  os.FileMode
	}{
		{0o027, 0o640}, // 0666 &^ 0027
		{0o002, 0o664}, // 0666 &^ 0002
		{0o077, 0o600}, // 0666 &^ 0077
	} {
		syscall.Umask(tc.umask)
		path := filepath.Join(dir, "export.xlsx")
		os.Remove(path)
		write(path)
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != tc.want {
			t.Errorf("umask %#o: mode %v (%v), want %v", tc.umask, st.Mode().Perm(), err, tc.want)
		}
	}
	path := filepath.Join(dir, "kept.csv")
	write(path)
	if err := os.Chmod(path, 0o604); err != nil {
		t.Fatal(err)
	}
	write(path)
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o604 {
		t.Errorf("rewritten file mode %v, want its own 0604 kept", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
