package dashboard

import (
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

func TestRank(t *testing.T) {
	s := func(name string, scored int, mean float64) KPIStat {
		return KPIStat{Key: "name:" + name, Name: name, Uses: scored, Scored: scored, MeanScore: mean}
	}
	many := []KPIStat{s("a", 3, 50), s("b", 3, 90), s("c", 9, 70), s("d", 3, 110), s("e", 4, 70), s("f", 3, 20),
		s("g", 3, 100), s("h", 5, 60), s("i", 3, 30), s("j", 3, 80), s("k", 3, 40), s("rare", 2, 200), s("none", 0, 0)}
	cases := map[string]struct {
		stats       []KPIStat
		top, bottom []string
	}{
		// 11 kinds scored ≥ 3 times, ranked d 110, g 100, b 90, j 80, c 70 (9 plans), e 70 (4 plans), h 60, a 50,
		// k 40, i 30, f 20; "rare" (2 plans) and "none" are left out.
		"more than ten kinds": {stats: many, top: []string{"d", "g", "b", "j", "c"}, bottom: []string{"f", "i", "k", "a", "h"}},
		// 7 ranked kinds: the bottom list holds the 2 left after the top 5, worst first
		"seven kinds": {stats: many[:7], top: []string{"d", "g", "b", "c", "e"}, bottom: []string{"f", "a"}},
		// nothing reaches RankMin: every scored kind is ranked
		"fallback": {stats: []KPIStat{s("x", 1, 10), s("y", 2, 30), s("z", 0, 0)}, top: []string{"y", "x"}, bottom: []string{}},
		"empty":    {top: []string{}, bottom: []string{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			top, bottom := topBottom(rank(tc.stats))
			names := func(ss []KPIStat) []string {
				out := []string{}
				for _, s := range ss {
					out = append(out, s.Name)
				}
				return out
			}
			if got := names(top); !slices.Equal(got, tc.top) {
				t.Errorf("top = %v, want %v", got, tc.top)
			}
			if got := names(bottom); !slices.Equal(got, tc.bottom) {
				t.Errorf("bottom = %v, want %v", got, tc.bottom)
			}
		})
	}
}

func TestKindKey(t *testing.T) {
	cases := map[string]struct {
		k    app.KPI
		want string
	}{
		"library id wins over the name": {app.KPI{LibraryID: " cac ", Name: "Chi phí"}, "lib:cac"},
		"name folded":                   {app.KPI{Name: "  New   Leads "}, "name:new leads"},
		"vietnamese name folded":        {app.KPI{Name: "Doanh Thu Mới"}, "name:doanh thu mới"},
	}
	for name, tc := range cases {
		if got := kindKey(&tc.k); got != tc.want {
			t.Errorf("%s: kindKey = %q, want %q", name, got, tc.want)
		}
	}
}

func TestRatingCountsOtherBands(t *testing.T) {
	ps := fixture()[:3] // An 112.5 Excellent, Binh 72.5 Fair, Chi 90 Good
	ps[1].Rules.Bands = []app.Band{{Min: 70, Name: "Pass", Multiplier: 1}, {Min: 0, Name: "Fail"}}
	// Binh's own bands rate 72.5 "Pass"; the common bands (2 of 3 plans) come first with zero counts kept
	got := New(ps, score.PickAt(march)).Director("").Ratings
	want := append(ratings(1, 1, 0, 0), RatingCount{"Pass", 70, 1})
	if !slices.Equal(got, want) {
		t.Errorf("ratings = %v, want %v", got, want)
	}
}
