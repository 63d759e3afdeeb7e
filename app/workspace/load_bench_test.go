package workspace_test

import (
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
)

// bench10k returns a workspace over a 10 000-person company saved in a new file.
func bench10k(b *testing.B) *workspace.Workspace {
	b.Helper()
	s, err := storage.Open(filepath.Join(b.TempDir(), "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.SavePlans(demo.CompanyIn(10_000, 1, "vi")); err != nil {
		b.Fatal(err)
	}
	w := workspace.New(s)
	end := demo.Company(1, 1)[0].Cycle.End
	w.Clock = func() app.Date { return end }
	return w
}

// BenchmarkSummaries10k is what the plans list needs before it shows: every
// plan read from the database and scored at its official window (goal with
// the first frame: the list usable < 1 s).
func BenchmarkSummaries10k(b *testing.B) {
	w := bench10k(b)
	b.ReportAllocs()
	for b.Loop() {
		rows, err := w.Summaries()
		if err != nil || len(rows) != 10_000 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkFilterKeystroke10k is one keystroke in the plans list's search
// over 10 000 plans (goal: < 100 ms): the text typed so far, "nguyen thi"
// one letter at a time, folded and matched, the rows sorted by person.
func BenchmarkFilterKeystroke10k(b *testing.B) {
	w := bench10k(b)
	rows, err := w.Summaries()
	if err != nil {
		b.Fatal(err)
	}
	typed := "nguyen thi"
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i = i%len(typed) + 1
		workspace.Apply(rows, workspace.Filter{Text: typed[:i]}, workspace.ByPerson, false)
	}
}
