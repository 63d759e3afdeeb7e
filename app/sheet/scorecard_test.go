package sheet

import (
	"math"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet/sheettest"
)

func TestCasesAreValid(t *testing.T) {
	for _, c := range sheettest.Cases() {
		if err := c.Plan.Validate(); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}

// cell returns the cell at 0-based row r, column c of rows.
func cellAt(rows []Row, r, c int) Cell {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return Cell{}
}

func TestScorecardCachesEngineResults(t *testing.T) {
	for _, c := range sheettest.Cases() {
		s, lay := Scorecard(c.Plan, score.PickAt(c.At), nil)
		rows := Collect(s)
		res := score.Plan(c.Plan, c.At)
		for i, k := range res.KPIs {
			r := lay.KPIRows[i]
			for col, want := range map[int]float64{ColAchievement: k.Achievement, ColScore: k.Score} {
				got := cellAt(rows, r, col)
				if got.Formula == "" {
					t.Errorf("%s KPI %s %s: no formula", c.Name, k.ID, Ref(col, r))
				}
				switch {
				case k.Status == score.NoData && got.Kind != Empty:
					t.Errorf("%s KPI %s %s: cached %v for a KPI without data", c.Name, k.ID, Ref(col, r), got.Num)
				case k.Status == score.Scored && got.Num != want:
					t.Errorf("%s KPI %s %s: cached %v, engine %v", c.Name, k.ID, Ref(col, r), got.Num, want)
				}
			}
		}
		for i, g := range res.Groups {
			got := cellAt(rows, lay.GroupRows[i], ColScore)
			if g.Scored != (got.Kind != Empty) || g.Scored && got.Num != g.Score {
				t.Errorf("%s group %s: cached %+v, engine %+v", c.Name, g.Group, got, g)
			}
		}
		total := cellAt(rows, lay.TotalRow, ColScore)
		if res.HasTotal != (total.Kind != Empty) || total.Num != res.Official {
			t.Errorf("%s total: cached %+v, engine %v (%v)", c.Name, total, res.Official, res.HasTotal)
		}
		if got := cellAt(rows, lay.RatingRow, ColScore); got.Str != res.Rating.Name {
			t.Errorf("%s rating: cached %q, engine %q", c.Name, got.Str, res.Rating.Name)
		}
		if got := cellAt(rows, lay.BonusRow, ColScore); got.Num != res.Bonus {
			t.Errorf("%s bonus: cached %v, engine %v", c.Name, got.Num, res.Bonus)
		}
	}
}

func TestScorecardFormulas(t *testing.T) {
	// Row 6 of the sheet is 0-based row 5: the first KPI.
	x := rowRefs{5}
	tests := map[string]struct{ got, want string }{
		"window target": {x.windowTarget(), "H6*M6"},
		"ratio percent": {x.ratioActual(true), `IF(T6=0,"",S6/T6*100)`},
		"ratio plain":   {x.ratioActual(false), `IF(T6=0,"",S6/T6)`},
		"higher":        {x.rawAchievement(app.Higher), `IF(J6="","",IFERROR(IF(G6="",J6/I6,(J6-G6*M6)/(I6-G6*M6)),0))`},
		"lower":         {x.rawAchievement(app.Lower), `IF(J6="","",IFERROR(IF(G6="",IF(J6<=0,R6,I6/J6),(G6*M6-J6)/(G6*M6-I6)),0))`},
		"range": {x.rawAchievement(app.Range),
			`IF(J6="","",IFERROR(IF(J6<N6*M6,MAX(0,1-(N6*M6-J6)/(P6*M6)),IF(J6>O6*M6,MAX(0,1-(J6-O6*M6)/(P6*M6)),1)),0))`},
		"milestone":   {x.rawAchievement(app.Milestone), `IF(J6="","",IFERROR(IF(J6>=1,1,0),0))`},
		"achievement": {x.achievement(), `IF(U6="","",IF(U6<Q6,0,MAX(MIN(U6,R6),0)))`},
		"score":       {x.score(nil), `IF(K6="","",100*K6)`},
		"steps": {x.score([]app.StepBand{{From: 0.8, Score: 60}, {From: 1, Score: 100}, {From: 1.2, Score: 120}}),
			`IF(K6="","",IF(K6>=1.2,120,IF(K6>=1,100,IF(K6>=0.8,60,0))))`},
		"group mean": {weightedMean("$A$6:$A$9", "A12", "$V$6:$V$9", "$W$6:$W$9"),
			`IF(SUMIF($A$6:$A$9,A12,$V$6:$V$9)>0,SUMIF($A$6:$A$9,A12,$W$6:$W$9)/SUMIF($A$6:$A$9,A12,$V$6:$V$9),"")`},
		"band bonus":   {bonus(false, "L16", "L21", "L18", "L20"), `IF(L16="","",L21*L18)`},
		"linear bonus": {bonus(true, "L16", "L21", "L18", "L20"), `IF(L16="","",L21*MIN(L16/100,L20))`},
	}
	for name, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", name, tc.got, tc.want)
		}
	}
}

func TestScorecardLayout(t *testing.T) {
	c := sheettest.Cases()[0] // directions: groups A, B, C mixed in plan order
	s, lay := Scorecard(c.Plan, score.PickAt(c.At), nil)
	rows := Collect(s)
	if s.Name != c.Plan.Person.Name || s.FreezeRows != FirstKPIRow || s.FreezeCols != 2 || s.PrintCols != ColScore+1 {
		t.Errorf("sheet %q freeze %d×%d print %d", s.Name, s.FreezeRows, s.FreezeCols, s.PrintCols)
	}
	prev := ""
	for r := FirstKPIRow; r < FirstKPIRow+len(c.Plan.KPIs); r++ {
		g := cellAt(rows, r, ColGroup).Str
		if g < prev {
			t.Errorf("row %d: group %s after %s: rows are not sorted by group", r+1, g, prev)
		}
		prev = g
	}
	for i, k := range c.Plan.KPIs {
		if got := cellAt(rows, lay.KPIRows[i], ColKPI).Str; got != k.Name {
			t.Errorf("KPI %s is on row %d named %q", k.ID, lay.KPIRows[i]+1, got)
		}
	}
	ch := s.Charts[0]
	if ch.Values.String() != "'Directions'!$K$6:$K$16" || ch.Categories.String() != "'Directions'!$B$6:$B$16" {
		t.Errorf("chart ranges %s / %s", ch.Values, ch.Categories)
	}
	if got := cellAt(rows, lay.RatingRow, ColScore).Formula; !strings.Contains(got, "LOOKUP("+Ref(ColScore, lay.TotalRow)+",$F$") {
		t.Errorf("rating formula %s does not look the total up in the bands table", got)
	}
}

func TestScorecardOfPlanWithoutData(t *testing.T) {
	p := sheettest.Cases()[7].Plan // nothing scored
	s, lay := Scorecard(p, score.PickAt(-1), nil)
	rows := Collect(s)
	for _, r := range []int{lay.TotalRow, lay.RatingRow, lay.MultiplierRow, lay.BonusRow} {
		if c := cellAt(rows, r, ColScore); c.Kind != Empty || c.Formula == "" {
			t.Errorf("row %d: %+v, want a formula with a blank result", r+1, c)
		}
	}
}

func TestDecimalsAndFormats(t *testing.T) {
	tests := map[string]struct{ got, want string }{
		"integers":      {NumberFormat(Decimals(1200, 300)), "#,##0"},
		"one decimal":   {NumberFormat(Decimals(3.5, 2)), "#,##0.0"},
		"capped at two": {NumberFormat(Decimals(1.0 / 3)), "#,##0.00"},
		"NaN ignored":   {NumberFormat(Decimals(math.NaN(), 4)), "#,##0"},
		"VND":           {MoneyFormat("VND"), `#,##0 "₫"`},
		"USD":           {MoneyFormat("usd"), `"$"#,##0.00`},
		"EUR":           {MoneyFormat("EUR"), `#,##0.00 "€"`},
		"other":         {MoneyFormat("CHF"), `#,##0.00 "CHF"`},
		"percent unit":  {UnitFormat(app.Percent, "VND", 1), `#,##0.0" %"`},
	}
	for name, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: %s, want %s", name, tc.got, tc.want)
		}
	}
}

func TestRefsAndSheetNames(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColName(c); got != want {
			t.Errorf("ColName(%d) = %s, want %s", c, got, want)
		}
	}
	used := map[string]bool{}
	tests := []struct{ in, want string }{
		{"Nguyễn Văn An", "Nguyễn Văn An"},
		{"nguyễn văn an", "nguyễn văn an (2)"},
		{"Q1/Q2: [draft]*?", "Q1 Q2   draft"},
		{"'quoted'", "quoted"},
		{"", "Sheet"},
		{strings.Repeat("Đ", 40), strings.Repeat("Đ", 31)},
		{strings.Repeat("Đ", 40), strings.Repeat("Đ", 27) + " (2)"},
	}
	for _, tc := range tests {
		if got := SheetName(tc.in, used); got != tc.want {
			t.Errorf("SheetName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := QuoteSheet("Bob's"); got != "'Bob''s'" {
		t.Errorf("QuoteSheet = %s", got)
	}
	if got := Serial(app.NewDate(2026, 1, 1)); got != 46023 {
		t.Errorf("Serial(2026-01-01) = %v, want 46023", got)
	}
	if got := FromSerial(46023.75); got != app.NewDate(2026, 1, 1) {
		t.Errorf("FromSerial(46023.75) = %s", got)
	}
}

// TestScorecardTeamComponent: own total, unit total and team weight sit
// above the combined total, which rating and bonus read (sheettest team:
// own 86.25, unit 100, weight 30, combined 90.38, Good ×1.0).
func TestScorecardTeamComponent(t *testing.T) {
	var c sheettest.Case
	for _, x := range sheettest.Cases() {
		if x.Name == "team-component" {
			c = x
		}
	}
	s, lay := Scorecard(c.Plan, score.PickAt(c.At), nil)
	rows := Collect(s)
	if lay.OwnTotalRow == 0 || lay.UnitTotalRow != lay.OwnTotalRow+1 || lay.TeamWeightRow != lay.UnitTotalRow+1 || lay.TotalRow != lay.TeamWeightRow+1 {
		t.Fatalf("layout %+v: want own, unit, weight, total in a row", lay)
	}
	want := map[int]float64{lay.OwnTotalRow: 86.25, lay.UnitTotalRow: 100, lay.TeamWeightRow: 30, lay.TotalRow: 90.38, lay.BonusRow: 10_000_000}
	for r, v := range want {
		if got := cellAt(rows, r, ColScore); got.Num != v {
			t.Errorf("row %d: %v, want %v", r, got.Num, v)
		}
	}
	own, unit, w := Ref(ColScore, lay.OwnTotalRow), Ref(ColScore, lay.UnitTotalRow), Ref(ColScore, lay.TeamWeightRow)
	if f := cellAt(rows, lay.TotalRow, ColScore).Formula; f != "IF("+own+`="","",ROUND(`+own+"*(100-"+w+")/100+"+unit+"*"+w+"/100,2))" {
		t.Errorf("combined total formula %s", f)
	}
	if got := cellAt(rows, lay.RatingRow, ColScore); got.Str != "Good" {
		t.Errorf("rating %q, want Good (from the combined total; own alone is Fair)", got.Str)
	}
	plain, plainLay := Scorecard(sheettest.Cases()[4].Plan, score.PickAt(-1), nil) // linear-bonus: no team weight
	if plainLay.OwnTotalRow != 0 || plain == nil {
		t.Errorf("a plan without a team weight has team rows: %+v", plainLay)
	}
}
