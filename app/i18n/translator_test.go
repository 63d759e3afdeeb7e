package i18n

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"kpiplanner/app"
)

func TestNew(t *testing.T) {
	for _, l := range Languages {
		tr, err := New(l.Code)
		if err != nil {
			t.Fatalf("New(%q): %v", l.Code, err)
		}
		if tr.Lang() != l.Code {
			t.Errorf("Lang() = %q, want %q", tr.Lang(), l.Code)
		}
	}
	for _, bad := range []string{"", "fr", "VI", "vi_VN"} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%q) succeeded, want an error", bad)
		}
	}
}

func TestT(t *testing.T) {
	tr := translators(t)
	start := app.NewDate(2026, time.January, 5)
	tests := map[string]struct {
		key    string
		args   []any
		vi, en string
	}{
		"plain word":         {"Actual", nil, "Thực hiện", "Actual"},
		"band name":          {"Below target", nil, "Chưa đạt", "Below target"},
		"object-form key":    {"Description", nil, "Mô tả", "Description"},
		"fyne id key":        {"monday.short", nil, "T2", "Mon"},
		"missing key":        {"Not in the catalog", nil, "Not in the catalog", "Not in the catalog"},
		"missing with args":  {"%d apples", []any{3}, "3 apples", "3 apples"},
		"percent escape":     {"must be at least 1 (100 %%)", nil, "phải từ 1 (100 %) trở lên", "must be at least 1 (100 %)"},
		"float arg %g":       {"must sum to 100 (now %g)", []any{95.5}, "phải có tổng bằng 100 (hiện là 95,5)", "must sum to 100 (now 95.5)"},
		"large float arg":    {"must sum to 100 (now %g)", []any{1234.5}, "phải có tổng bằng 100 (hiện là 1.234,5)", "must sum to 100 (now 1,234.5)"},
		"int arg untouched":  {"Step %d of %d", []any{2, 2026}, "Bước 2/2026", "Step 2 of 2026"},
		"date arg":           {"must not be before the start (%s)", []any{start}, "không được trước ngày bắt đầu (05/01/2026)", "must not be before the start (2026-01-05)"},
		"quoted arg":         {"unknown unit %q", []any{"kg"}, `đơn vị "kg" không hợp lệ`, `unknown unit "kg"`},
		"nested message arg": {"Up to period %s", []any{app.M("Week %d", 5)}, "Lũy kế đến kỳ Tuần 5", "Up to period Week 5"},
		"%f precision":       {"%.2f and %5.1f%%", []any{1234.5, 2.25}, "1.234,50 and   2,3%", "1,234.50 and   2.3%"},
		"explicit index":     {"%[1]g", []any{1.5}, "1.5", "1.5"}, // left to fmt
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].T(tc.key, tc.args...); got != tc.vi {
				t.Errorf("vi T = %q, want %q", got, tc.vi)
			}
			if got := tr["en"].T(tc.key, tc.args...); got != tc.en {
				t.Errorf("en T = %q, want %q", got, tc.en)
			}
		})
	}
}

func TestNilTranslatorIsEnglish(t *testing.T) {
	var tr *Translator
	if got := tr.T("must sum to 100 (now %g)", 1234.5); got != "must sum to 100 (now 1,234.5)" {
		t.Errorf("nil T = %q", got)
	}
	if tr.Lang() != "en" || tr.FormatNumber(1234.5, 1) != "1,234.5" {
		t.Errorf("nil translator is not English: %q %q", tr.Lang(), tr.FormatNumber(1234.5, 1))
	}
}

func TestErr(t *testing.T) {
	tr := translators(t)
	field := &app.FieldError{KPI: "rev", Field: "target", Msg: app.M("must be greater than 0")}
	planField := &app.FieldError{Field: "rules.group_weights", Msg: app.M("must sum to 100 (now %g)", 95.5)}
	group := &app.FieldError{Field: "rules.group_weights.A", Msg: app.M("must not be negative")}
	unknown := &app.FieldError{Field: "mystery", Msg: app.M("is required")}
	ve := &app.ValidationError{Plan: "Marketing Q1", Fields: []*app.FieldError{field, planField}}
	_, parseErr := tr["vi"].ParseNumber("1.5")
	tests := map[string]struct {
		err    error
		vi, en string
	}{
		"nil":             {nil, "", ""},
		"KPI field":       {field, "KPI rev – Mục tiêu: phải lớn hơn 0", "KPI rev: Target: must be greater than 0"},
		"plan field":      {planField, "Trọng số các nhóm: phải có tổng bằng 100 (hiện là 95,5)", "Group weights: must sum to 100 (now 95.5)"},
		"group weight":    {group, "Trọng số nhóm A: không được âm", "Weight of group A: must not be negative"},
		"unknown field":   {unknown, "mystery: không được để trống", "mystery: is required"},
		"validation":      {ve, "Marketing Q1: KPI rev – Mục tiêu: phải lớn hơn 0; Trọng số các nhóm: phải có tổng bằng 100 (hiện là 95,5)", "Marketing Q1: KPI rev: Target: must be greater than 0; Group weights: must sum to 100 (now 95.5)"},
		"unnamed plan":    {&app.ValidationError{Fields: []*app.FieldError{group}}, "Kế hoạch: Trọng số nhóm A: không được âm", "Plan: Weight of group A: must not be negative"},
		"wrapped":         {fmt.Errorf("save plan 3: %w", ve), "Marketing Q1: KPI rev – Mục tiêu: phải lớn hơn 0; Trọng số các nhóm: phải có tổng bằng 100 (hiện là 95,5)", "Marketing Q1: KPI rev: Target: must be greater than 0; Group weights: must sum to 100 (now 95.5)"},
		"parse error":     {parseErr, `"1.5": trong tiếng Việt, dấu '.' dùng để ngăn cách hàng nghìn và dấu ',' dùng cho phần thập phân — có phải ý bạn là 1,5?`, `"1.5": in Vietnamese, '.' separates thousands and ',' marks decimals — did you mean 1,5?`},
		"in use":          {fmt.Errorf("open x.db: %w", app.ErrInUse), "Tệp dữ liệu đang được một cửa sổ hoặc tiến trình KPI Planner khác sử dụng", "the database file is in use by another KPI Planner window or process"},
		"any other error": {errors.New("disk full"), "disk full", "disk full"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].Err(tc.err); got != tc.vi {
				t.Errorf("vi Err = %q, want %q", got, tc.vi)
			}
			if got := tr["en"].Err(tc.err); got != tc.en {
				t.Errorf("en Err = %q, want %q", got, tc.en)
			}
		})
	}
}

// TestErrInUseKey keeps the literal Err translates in step with app.ErrInUse.
func TestErrInUseKey(t *testing.T) {
	var tr *Translator
	if got := tr.Err(app.ErrInUse); got != app.ErrInUse.Error() {
		t.Errorf("Err(ErrInUse) = %q, want %q", got, app.ErrInUse.Error())
	}
}

func TestErrCoversValidate(t *testing.T) {
	vi := translators(t)["vi"]
	p := app.NewPlan()
	p.Rules.GroupWeights[app.GroupA] = 60
	p.KPIs = []app.KPI{{ID: "k1", Unit: "kg", Direction: app.Higher, Group: app.GroupA, Aggregation: app.Sum}}
	err := p.Validate()
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v, want a *ValidationError", err)
	}
	for _, f := range ve.Fields {
		if vi.FieldName(f.Field) == f.Field {
			t.Errorf("field %q has no label", f.Field)
		}
		if vi.Msg(f.Msg) == f.Msg.String() {
			t.Errorf("message %q is not translated", f.Msg.Key)
		}
	}
}

func TestName(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		v      any
		vi, en string
	}{
		"status":      {app.Approved, "Đã duyệt", "Approved"},
		"direction":   {app.Lower, "Càng thấp càng tốt", "Lower is better"},
		"aggregation": {app.Last, "Giá trị kỳ cuối", "Last value"},
		"unit":        {app.Percent, "Phần trăm", "Percent"},
		"ratio unit":  {app.Ratio1, "Tỷ lệ", "Ratio"},
		"level":       {app.High, "Cao", "High"},
		"frequency":   {app.Quarterly, "Hằng quý", "Quarterly"},
		"bonus mode":  {app.BonusBand, "Theo mức xếp loại", "By rating band"},
		"group":       {app.GroupB, "Nhóm B", "Group B"},
		"department":  {"digital-marketing", "Marketing số", "Digital marketing"},
		"perspective": {"learning-growth", "Học hỏi & phát triển", "Learning & growth"},
		"unknown id":  {"astrology", "astrology", "astrology"},
		"other type":  {42, "42", "42"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].Name(tc.v); got != tc.vi {
				t.Errorf("vi Name(%v) = %q, want %q", tc.v, got, tc.vi)
			}
			if got := tr["en"].Name(tc.v); got != tc.en {
				t.Errorf("en Name(%v) = %q, want %q", tc.v, got, tc.en)
			}
		})
	}
	for _, vals := range [][]string{
		strs(app.Statuses), strs(app.Directions), strs(app.Aggregations), strs(app.Units), strs(app.Frequencies),
	} {
		for _, v := range vals {
			if _, ok := names[v]; !ok {
				t.Errorf("value %q has no display name", v)
			}
		}
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// TestNameCoversLibraryVocabulary checks every data source the KPI library
// uses has a display name, in both languages.
func TestNameCoversLibraryVocabulary(t *testing.T) {
	vi, _ := New("vi")
	for _, id := range []string{"web-analytics", "ads-platform", "crm", "email-platform", "accounting",
		"hr-records", "pos", "social-platform", "survey", "helpdesk", "production-system", "project-tool",
		"ecommerce-platform"} {
		if got := vi.Name(id); got == id {
			t.Errorf("data source %q has no Vietnamese name", id)
		}
	}
}
