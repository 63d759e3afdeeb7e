package library

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

// required lists the KPIs the library must hold, by id.
var required = []string{
	"website-traffic", "unique-visitors", "page-views", "traffic-by-channel", "bounce-rate",
	"avg-time-on-site", "avg-time-on-page", "pages-per-session", "conversion-rate",
	"landing-page-conversion-rate", "cpa", "cpc", "ctr", "roas", "marketing-roi", "engagement-rate",
	"reach", "impressions", "new-followers", "shares", "video-views", "email-open-rate",
	"email-click-rate", "unsubscribe-rate", "mql", "sql", "cpl", "cac", "ltv", "aov",
	"repeat-purchase-rate", "nps", "csat", "churn-rate", "sales-revenue", "orders",
	"ecommerce-conversion-rate", "return-rate", "inventory-turnover", "page-load-time",
	"mobile-sales-share", "gross-margin", "roi", "budget-variance", "dso", "on-time-task-completion",
	"oee", "defect-rate", "first-response-time", "employee-satisfaction", "training-courses-completed",
	"turnover-rate", "time-to-hire",
}

// vanity lists entries that must be flagged as vanity metrics.
var vanity = []string{"page-views", "reach", "impressions", "new-followers", "shares", "video-views"}

var goalIDs = []string{
	"brand-awareness", "lead-generation", "sales-growth", "ecommerce-growth", "customer-retention",
	"marketing-efficiency", "customer-service", "people-hr", "operations-quality", "finance",
}

func load(t *testing.T) *Library {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return l
}

func TestLibraryCountsAndRequired(t *testing.T) {
	l := load(t)
	all := l.Entries()
	if len(all) < 100 {
		t.Errorf("library has %d entries, want at least 100", len(all))
	}
	perDept := map[string]int{}
	for _, e := range all {
		perDept[e.Department]++
	}
	for _, d := range Departments {
		t.Logf("%-18s %3d", d.ID, perDept[d.ID])
		if perDept[d.ID] < 8 {
			t.Errorf("department %s has %d entries, want at least 8", d.ID, perDept[d.ID])
		}
	}
	t.Logf("%-18s %3d", "total", len(all))
	for _, id := range required {
		if _, ok := l.Get(id); !ok {
			t.Errorf("required KPI %s is missing", id)
		}
	}
	for _, id := range vanity {
		if !l.Vanity(id) {
			t.Errorf("%s is not flagged as a vanity metric", id)
		}
	}
	for _, id := range []string{"conversion-rate", "cac", "sales-revenue", "no-such-kpi"} {
		if l.Vanity(id) {
			t.Errorf("Vanity(%s) = true, want false", id)
		}
	}
}

func TestLibrarySchema(t *testing.T) {
	l := load(t)
	seen := map[string]bool{}
	for _, e := range l.Entries() {
		if seen[e.ID] {
			t.Errorf("id %s is used twice", e.ID)
		}
		seen[e.ID] = true
		if fs := check(&e, true); len(fs) > 0 {
			t.Errorf("%s: %v", e.ID, (&EntryError{Index: -1, ID: e.ID, Fields: fs}).Error())
		}
		checkEntrySchema(t, &e)
	}
}

// checkEntrySchema checks one built-in entry against the allowed lists
// directly, independently of check.
func checkEntrySchema(t *testing.T, e *app.LibraryEntry) {
	t.Helper()
	for field, tx := range map[string]app.Text{"name": e.Name, "description": e.Description, "formula": e.Formula} {
		if tx.VI == "" || tx.EN == "" {
			t.Errorf("%s: %s is missing a language: %+v", e.ID, field, tx)
		}
	}
	texts := []string{e.Name.VI, e.Name.EN, e.Description.VI, e.Description.EN, e.Formula.VI, e.Formula.EN,
		e.Numerator.VI, e.Numerator.EN, e.Denominator.VI, e.Denominator.EN}
	for _, s := range texts {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s: text is not NFC: %q", e.ID, s)
		}
	}
	enums := []struct {
		field, v string
		allowed  []string
	}{
		{"unit", string(e.Unit), toStrings(app.Units)},
		{"direction", string(e.Direction), toStrings(app.Directions)},
		{"aggregation", string(e.Aggregation), toStrings(app.Aggregations)},
		{"department", e.Department, labelIDs(Departments)},
		{"perspective", e.Perspective, labelIDs(Perspectives)},
		{"tier", e.Tier, labelIDs(Tiers)},
		{"data_source", e.DataSource, labelIDs(DataSources)},
		{"effort", string(e.Effort), []string{"high", "low"}},
		{"impact", string(e.Impact), []string{"high", "low"}},
	}
	if e.Stage != "" {
		enums = append(enums, struct {
			field, v string
			allowed  []string
		}{"stage", e.Stage, labelIDs(Stages)})
	}
	for _, en := range enums {
		if !slices.Contains(en.allowed, en.v) {
			t.Errorf("%s: %s %q is not allowed", e.ID, en.field, en.v)
		}
	}
	isRatio := e.Aggregation == app.Ratio
	hasParts := e.Numerator.VI != "" && e.Numerator.EN != "" && e.Denominator.VI != "" && e.Denominator.EN != ""
	if isRatio != hasParts {
		t.Errorf("%s: ratio %v but numerator/denominator %+v / %+v", e.ID, isRatio, e.Numerator, e.Denominator)
	}
	// the scoring engine scales percent ratios by 100, so their formulas must say so
	if isRatio {
		scaled := strings.HasSuffix(e.Formula.EN, "× 100") && strings.HasSuffix(e.Formula.VI, "× 100")
		if scaled != (e.Unit == app.Percent) {
			t.Errorf("%s: unit %s but formula %q / %q", e.ID, e.Unit, e.Formula.EN, e.Formula.VI)
		}
	}
	if e.Direction == app.Milestone && (e.Aggregation != app.Last || e.Unit != app.Number) {
		t.Errorf("%s: a milestone should be a number aggregated with last", e.ID)
	}
}

func TestGoalTypes(t *testing.T) {
	l := load(t)
	var got []string
	for _, g := range l.GoalTypes() {
		got = append(got, g.ID)
		if len(g.KPIs) < 5 || len(g.KPIs) > 7 {
			t.Errorf("%s: %d KPIs, want 5 to 7", g.ID, len(g.KPIs))
		}
		groups := map[app.Group]int{}
		for _, k := range g.KPIs {
			if _, ok := l.Get(k.ID); !ok {
				t.Errorf("%s: KPI %s is not in the library", g.ID, k.ID)
			}
			if !slices.Contains(app.Groups, k.Group) {
				t.Errorf("%s: KPI %s has group %q", g.ID, k.ID, k.Group)
			}
			groups[k.Group]++
		}
		for _, gr := range app.Groups {
			if groups[gr] == 0 {
				t.Errorf("%s: no KPI proposed for group %s", g.ID, gr)
			}
		}
		for _, tx := range []app.Text{g.Name, g.Description, g.Example} {
			if tx.VI == "" || tx.EN == "" || !norm.NFC.IsNormalString(tx.VI) {
				t.Errorf("%s: text %+v must be NFC in both languages", g.ID, tx)
			}
		}
		for _, ex := range []string{g.Example.VI, g.Example.EN} {
			if !strings.ContainsFunc(ex, unicode.IsDigit) || !strings.Contains(ex, "20") {
				t.Errorf("%s: example %q needs a number and a date", g.ID, ex)
			}
		}
	}
	if !slices.Equal(got, goalIDs) {
		t.Errorf("goal types = %v, want %v", got, goalIDs)
	}
	if _, ok := l.GoalType("no-such-goal"); ok {
		t.Error("GoalType(no-such-goal) found something")
	}
}

func TestSuggest(t *testing.T) {
	l := load(t)
	got := l.Suggest("lead-generation")
	want := []struct {
		id    string
		group app.Group
	}{{"mql", "A"}, {"landing-page-conversion-rate", "A"}, {"cpl", "B"}, {"mql-to-sql-rate", "B"}, {"leads", "B"}, {"ctr", "C"}, {"website-traffic", "C"}}
	if len(got) != len(want) {
		t.Fatalf("Suggest(lead-generation) gave %d suggestions, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Entry.ID != w.id || got[i].Group != w.group {
			t.Errorf("suggestion %d = %s/%s, want %s/%s", i, got[i].Entry.ID, got[i].Group, w.id, w.group)
		}
	}
	if s := l.Suggest("no-such-goal"); s != nil {
		t.Errorf("Suggest(no-such-goal) = %v, want nil", s)
	}
	// a goal type's set can be changed by the caller without touching the library
	g, _ := l.GoalType("finance")
	g.KPIs[0].ID = "changed"
	if g2, _ := l.GoalType("finance"); g2.KPIs[0].ID == "changed" {
		t.Error("GoalType returned the library's own slice")
	}
}

// TestLibraryHasRevenueFromNewCustomers: the KPI of the app's own example
// goal ("Increase revenue from new customers by 20%…"), used by the sample
// company, is in the library and proposed first for sales growth.
func TestLibraryHasRevenueFromNewCustomers(t *testing.T) {
	l := load(t)
	e, ok := l.Get("new-customer-revenue")
	if !ok {
		t.Fatal("new-customer-revenue is not in the library")
	}
	if e.Name.VI != "Doanh thu từ khách hàng mới" || e.Name.EN != "Revenue from new customers" {
		t.Errorf("name = %+v", e.Name)
	}
	if e.Department != "sales" || e.Unit != app.Currency || e.Direction != app.Higher || e.Aggregation != app.Sum || e.DataSource != "accounting" {
		t.Errorf("entry = dept %s unit %s direction %s aggregation %s source %s, want sales/currency/higher/sum/accounting",
			e.Department, e.Unit, e.Direction, e.Aggregation, e.DataSource)
	}
	s := l.Suggest("sales-growth")
	if len(s) == 0 || s[0].Entry.ID != "new-customer-revenue" || s[0].Group != app.GroupA {
		t.Errorf("sales-growth does not propose new-customer-revenue first in group A: %+v", s)
	}
}
