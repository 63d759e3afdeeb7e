package charts

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

func TestContributions(t *testing.T) {
	// A = 90, B = 80, C not scored; weights 50/30/20 → Σ scored weights 80.
	// A: 50/80 = 0.625 × 90 = 56.25; B: 30/80 = 0.375 × 80 = 30; C: 0. 56.25 + 30 = 86.25 = the total.
	r := score.Result{Total: 86.25, HasTotal: true, Groups: []score.GroupResult{
		{Group: app.GroupA, Weight: 50, Score: 90, Scored: true},
		{Group: app.GroupB, Weight: 30, Score: 80, Scored: true},
		{Group: app.GroupC, Weight: 20},
	}}
	got := Contributions(r)
	want := []struct{ share, points float64 }{{0.625, 56.25}, {0.375, 30}, {0, 0}}
	sum := 0.0
	for i, w := range want {
		if math.Abs(got[i].Share-w.share) > 1e-12 || math.Abs(got[i].Points-w.points) > 1e-12 {
			t.Errorf("group %s: share %g points %g, want %g %g", got[i].Group.Group, got[i].Share, got[i].Points, w.share, w.points)
		}
		sum += got[i].Points
	}
	if math.Abs(sum-r.Total) > 1e-12 {
		t.Errorf("contributions sum to %g, want the total %g", sum, r.Total)
	}
}

func TestContributionsMatchEngine(t *testing.T) {
	r := score.Plan(samplePlan(), 8)
	sum := 0.0
	for _, c := range Contributions(r) {
		sum += c.Points
	}
	if !r.HasTotal || math.Abs(sum-r.Total) > 1e-9 {
		t.Errorf("contributions sum to %g, engine total %g", sum, r.Total)
	}
}

func TestHistogram(t *testing.T) {
	// bins of 5 from 60: [60,65) [65,70) [70,75) [75,80); 70 opens the third bin;
	// 59 is clamped into the first, 80 into the last.
	h := histogram([]float64{59, 60, 64.9, 65, 70, 74.99, 80}, 60, 80)
	if want := []int{3, 1, 2, 1}; !slices.Equal(h.Counts, want) {
		t.Errorf("counts %v, want %v", h.Counts, want)
	}
}

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		name       string
		lo, hi     float64
		n          int
		ticks      []float64
		decimals   int
		div        float64
		unitSuffix string
	}{
		// raw step 120/6 = 20 → 2 × 10
		{"percent", 0, 120, 6, []float64{0, 20, 40, 60, 80, 100, 120}, 0, 1, ""},
		// raw step 1.3/4 = 0.325 → 0.5; 4.0 rounds up to 4.0
		{"small", 2.7, 4.0, 4, []float64{2.5, 3, 3.5, 4}, 1, 1, ""},
		// raw step 0.45/2 = 0.225 → 0.25: labels need 2 decimals
		{"quarter steps", 0, 0.45, 2, []float64{0, 0.25, 0.5}, 2, 1, ""},
		// 13.8e9/5 = 2.76e9 → 5e9; shown in billions
		{"billions", 0, 13.8e9, 5, []float64{0, 5e9, 10e9, 15e9}, 0, 1e9, "billions"},
		// 600000/3 → 2e5; below a million: unscaled
		{"thousands", 400000, 600000, 3, []float64{400000, 500000, 600000}, 0, 1, ""},
		// a flat series is padded by 10 %: 100 ± 10 → step 5
		{"flat", 100, 100, 4, []float64{90, 95, 100, 105, 110}, 0, 1, ""},
	}
	for _, tc := range tests {
		a := niceAxis(tc.lo, tc.hi, tc.n)
		if !slices.Equal(a.ticks, tc.ticks) || a.decimals != tc.decimals || a.div != tc.div || a.unit != tc.unitSuffix {
			t.Errorf("%s: %+v; want ticks %v decimals %d div %g unit %q", tc.name, a, tc.ticks, tc.decimals, tc.div, tc.unitSuffix)
		}
	}
}

// TestBuiltinLabelsCoverSource checks every label key the package writes
// has a built-in Vietnamese translation.
func TestBuiltinLabelsCoverSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`(?:c\.t\(|return |a\.unit[^"\n]*)"([^"]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "labels.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(b), -1) {
			if _, ok := viLabels[m[1]]; !ok && strings.ContainsAny(m[1][:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ%bm") {
				t.Errorf("%s: label %q has no Vietnamese translation", f, m[1])
			}
		}
	}
	for _, b := range app.DefaultRules().Bands {
		if _, ok := viLabels[b.Name]; !ok {
			t.Errorf("band %q has no Vietnamese translation", b.Name)
		}
	}
}
