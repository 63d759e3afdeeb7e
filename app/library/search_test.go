package library

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

func ids(es []app.LibraryEntry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func TestFold(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"tones":      {"Tỷ lệ chuyển đổi", "ty le chuyen doi"},
		"upper đ":    {"ĐƠN HÀNG", "don hang"},
		"lower đ":    {"đơn hàng", "don hang"},
		"decomposed": {norm.NFD.String("Chi phí thu hút"), "chi phi thu hut"},
		"english":    {"Conversion Rate (CTR)", "conversion rate (ctr)"},
	}
	for name, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("%s: Fold(%q) = %q, want %q", name, c.in, got, c.want)
		}
	}
}

func TestSearch(t *testing.T) {
	l := load(t)
	cases := map[string]struct {
		query   string
		first   string   // expected best match; "" to skip
		include []string // must be among the results
		exclude []string // must not be among the results
	}{
		"vietnamese without accents": {"ty le chuyen doi", "conversion-rate", []string{"landing-page-conversion-rate", "ecommerce-conversion-rate", "mql-to-sql-rate"}, []string{"cpc"}},
		"vietnamese with accents":    {"Tỷ lệ chuyển đổi", "conversion-rate", []string{"landing-page-conversion-rate"}, nil},
		"upper case without accents": {"CHI PHI", "", []string{"cpc", "cpa", "cpl", "cac", "cost-per-hire"}, []string{"reach"}},
		"đ with accents":             {"đơn hàng", "", []string{"orders", "aov", "return-rate"}, []string{"reach"}},
		"đ folded to d":              {"don hang", "", []string{"orders", "aov", "return-rate"}, []string{"reach"}},
		"english":                    {"conversion", "conversion-rate", []string{"ecommerce-conversion-rate", "landing-page-conversion-rate"}, []string{"reach"}},
		"acronym":                    {"cac", "cac", []string{"ltv-cac-ratio"}, nil},
		"id":                         {"on-time-task-completion", "on-time-task-completion", nil, nil},
		"department label vi":        {"nhan su", "", []string{"turnover-rate", "time-to-hire"}, []string{"cpc"}},
		"stage label vi":             {"trung thanh", "", []string{"repeat-purchase-rate", "nps"}, []string{"cpc"}},
		"perspective":                {"quy trinh noi bo", "", []string{"oee", "defect-rate"}, []string{"sales-revenue"}},
		"prefix of last word":        {"ty le chuyen d", "conversion-rate", nil, nil},
		"all words must match":       {"conversion zzzz", "", nil, []string{"conversion-rate"}},
	}
	for name, c := range cases {
		got := ids(l.Filter(Filter{Query: c.query}))
		if c.first != "" && (len(got) == 0 || got[0] != c.first) {
			t.Errorf("%s: %q first result = %v, want %s", name, c.query, got, c.first)
		}
		for _, id := range c.include {
			if !slices.Contains(got, id) {
				t.Errorf("%s: %q did not find %s (got %v)", name, c.query, id, got)
			}
		}
		for _, id := range c.exclude {
			if slices.Contains(got, id) {
				t.Errorf("%s: %q found %s", name, c.query, id)
			}
		}
	}
	if a, b := ids(l.Filter(Filter{Query: "đơn hàng"})), ids(l.Filter(Filter{Query: "DON HANG"})); !slices.Equal(a, b) {
		t.Errorf("đơn hàng and DON HANG differ:\n%v\n%v", a, b)
	}
}

// TestSearchRanksNamesFirst checks that entries whose name holds the query
// come before those matching only in their description.
func TestSearchRanksNamesFirst(t *testing.T) {
	l := load(t)
	got := l.Filter(Filter{Query: "chi phi"})
	seenOther := false
	for _, e := range got {
		inName := nameRank(words(e.Name.VI), words("chi phi")) < rankOther
		if inName && seenOther {
			t.Fatalf("%s (name match) comes after a description-only match", e.ID)
		}
		seenOther = seenOther || !inName
	}
	if !seenOther {
		t.Error("expected some description-only matches for chi phi")
	}
}

func TestFilterFields(t *testing.T) {
	l := load(t)
	cases := map[string]struct {
		f    Filter
		want func(e app.LibraryEntry) bool
		min  int
	}{
		"department":  {Filter{Department: "hr"}, func(e app.LibraryEntry) bool { return e.Department == "hr" }, 8},
		"stage":       {Filter{Stage: "awareness"}, func(e app.LibraryEntry) bool { return e.Stage == "awareness" }, 5},
		"perspective": {Filter{Perspective: "financial"}, func(e app.LibraryEntry) bool { return e.Perspective == "financial" }, 10},
		"dept+query": {Filter{Department: "digital-marketing", Query: "ty le"}, func(e app.LibraryEntry) bool {
			return e.Department == "digital-marketing"
		}, 5},
		"goal": {Filter{GoalType: "finance"}, func(e app.LibraryEntry) bool {
			return slices.Contains([]string{"gross-margin", "net-profit-margin", "dso", "budget-variance", "roi", "opex-ratio", "overdue-receivables-rate"}, e.ID)
		}, 7},
	}
	for name, c := range cases {
		got := l.Filter(c.f)
		if len(got) < c.min {
			t.Errorf("%s: %d entries, want at least %d", name, len(got), c.min)
		}
		for _, e := range got {
			if !c.want(e) {
				t.Errorf("%s: unexpected entry %s", name, e.ID)
			}
		}
	}
	if got := l.Filter(Filter{GoalType: "no-such-goal"}); len(got) != 0 {
		t.Errorf("unknown goal type gave %d entries", len(got))
	}
}
