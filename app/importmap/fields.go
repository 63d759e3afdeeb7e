package importmap

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Field is what a column of a sheet holds, as a mapping names it.
type Field string

// The fields a column may map to.
const (
	Ignore       Field = ""              // not imported
	FCode        Field = "employee_code" // the person's employee code
	FPerson      Field = "person"        // the person's name
	FUnit        Field = "unit"          // the person's org unit (code or name)
	FKPI         Field = "kpi"           // the KPI's name
	FKPICode     Field = "kpi_code"      // the KPI's id in its plan
	FMeasure     Field = "measure"       // the KPI's unit of measure
	FDirection   Field = "direction"     // higher, lower, range, milestone
	FTarget      Field = "target"        // the cycle target
	FBaseline    Field = "baseline"      // the starting level
	FWeight      Field = "weight"        // the weight in its group
	FGroup       Field = "group"         // A, B or C
	FPeriod      Field = "period"        // the period of a long layout's row (a number, month, quarter, week or date)
	FActual      Field = "actual"        // the actual (of the row's period, or of the column's period in a wide layout)
	FNumerator   Field = "numerator"     // a ratio KPI's numerator
	FDenominator Field = "denominator"   // a ratio KPI's denominator
	FComment     Field = "comment"       // a comment on the actual
	FReference   Field = "reference"     // a value to compare the target with (last year's)
	FPeriodTgt   Field = "period_target" // the target of the column's period in a wide layout, or of the row's period
	FAggregation Field = "aggregation"   // how the KPI's period values combine: sum, average, last, min, max, ratio
	FValueType   Field = "value_type"    // what the row's period values are: actual, numerator or denominator
)

// Fields lists every field a column may map to, in the order the wizard offers them.
var Fields = []Field{FCode, FPerson, FUnit, FKPICode, FKPI, FMeasure, FDirection, FTarget, FBaseline, FWeight,
	FGroup, FAggregation, FValueType, FPeriod, FActual, FNumerator, FDenominator, FComment, FReference, FPeriodTgt}

// Valid reports whether f is a known field (Ignore included).
func (f Field) Valid() bool {
	if f == Ignore {
		return true
	}
	for _, g := range Fields {
		if f == g {
			return true
		}
	}
	return false
}

// fieldWords are the folded header words of each field, English and
// Vietnamese, longest phrases first within a field. A header names a field
// when its folded text equals one of them, or starts or ends with one as
// whole words (bilingual headers "TÊN KPI/ Name of KPI" match both halves).
var fieldWords = []struct {
	f     Field
	words []string
}{
	{Ignore, []string{"target for the period", "pro rata factor", "weight counted", "weight score", "achievement before floor and cap", "group score", "step bands", "achievement floor", "achievement cap", "chenh lech", "actual plan", "actual vs plan", "variance", "difference", "diff", "gap", "% hoan thanh", "ty le hoan thanh", "muc do hoan thanh", "hoan thanh", "achievement", "achievement %", "% achievement", "score", "diem", "diem kpi", "ket qua danh gia", "xep loai", "rating", "stt", "no", "tt", "so tt",
		// columns of our own KPI sheet that a mapping does not carry (the KPI sheet import does)
		"targets per period", "period targets", "muc tieu theo ky", "ke hoach theo ky", "unit plan", "unit kpi", "share",
		"ke hoach don vi", "kpi don vi", "ty le dong gop", "template kpi", "kpi mau"}},
	{FCode, []string{"employee code", "employee id", "staff code", "staff id", "emp code", "emp id", "ma nhan vien", "ma nv", "ma so nhan vien", "msnv", "ma can bo", "ma nhan su"}},
	{FPerson, []string{"person", "employee", "employee name", "full name", "staff", "staff name", "name of employee", "nhan vien", "ho ten", "ho va ten", "ten nhan vien", "nguoi thuc hien", "nhan su", "ca nhan"}},
	{FUnit, []string{"department", "dept", "division", "team", "org unit", "phong ban", "bo phan", "don vi cong tac", "phong", "khoi", "to"}},
	{FKPICode, []string{"kpi code", "kpi id", "ma kpi", "ma chi tieu", "ma chi so"}},
	{FKPI, []string{"kpi", "kpi name", "name of kpi", "kpis", "indicator", "objective", "measure name", "metric", "ten kpi", "chi tieu", "ten chi tieu", "chi so", "ten chi so", "noi dung", "noi dung cong viec", "muc tieu cong viec", "tieu chi", "ten tieu chi", "key performance indicator", "name"}},
	{FMeasure, []string{"unit of measure", "uom", "unit", "units", "measure unit", "don vi tinh", "dvt", "don vi do", "don vi"}},
	{FDirection, []string{"direction", "polarity", "better if", "chieu", "huong", "xu huong", "chieu danh gia"}},
	{FTarget, []string{"target", "annual target", "year target", "yearly target", "plan", "goal", "ke hoach", "ke hoach nam", "muc tieu", "chi tieu nam", "gia tri muc tieu", "kh", "target value"}},
	{FBaseline, []string{"baseline", "base", "starting value", "gia tri nen", "muc nen", "co so", "gia tri co so", "gia tri ban dau"}},
	{FWeight, []string{"weight", "weighting", "weight %", "trong so", "ty trong", "ti trong", "trong so %"}},
	{FGroup, []string{"group", "category", "perspective", "nhom", "nhom kpi", "khia canh", "phan loai"}},
	{FPeriod, []string{"period", "month", "quarter", "week", "date", "ky", "thang", "quy", "tuan", "ngay", "ky danh gia", "thoi gian"}},
	{FActual, []string{"actual", "actuals", "result", "achieved", "value", "thuc te", "thuc hien", "ket qua", "gia tri thuc te", "so thuc hien", "th"}},
	{FNumerator, []string{"numerator", "tu so"}},
	{FValueType, []string{"value type", "row type", "loai gia tri", "loai so lieu", "kieu gia tri"}},
	{FAggregation, []string{"aggregation", "aggregate", "tong hop", "cach tong hop", "cach tinh", "phuong phap tong hop"}},
	{FDenominator, []string{"denominator", "mau so"}},
	{FComment, []string{"comment", "comments", "note", "notes", "remark", "remarks", "ghi chu", "nhan xet", "giai trinh", "binh luan"}},
	{FReference, []string{"last year", "prior year", "previous year", "ly", "last year actual", "prior year actual", "reference", "cung ky", "cung ky nam truoc", "thuc hien nam truoc", "nam truoc", "nam ngoai", "th nam truoc", "ky truoc"}},
}

// Fold returns s lower-cased, without accents, with đ as d and every run of
// characters other than letters, digits and % as one space: "TÊN KPI/ Name
// of KPI" folds to "ten kpi name of kpi".
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == '%':
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SuggestField returns the field a header text names and how well (3 the
// whole text, 2 a half of a bilingual header, 1 a leading or trailing
// phrase, 0 none). Several words that fit go to the longest.
func SuggestField(header string) (Field, int) {
	c := SuggestFields(header)
	if len(c) == 0 {
		return Ignore, 0
	}
	return c[0].Field, c[0].Quality
}

// Candidate is a field a header may name, and how well.
type Candidate struct {
	Field   Field
	Quality int
	length  int
}

// SuggestFields returns every field a header text names, best first: a
// bilingual header "CHỈ TIÊU/ Target" names one per half.
func SuggestFields(header string) []Candidate {
	h := Fold(header)
	if h == "" {
		return nil
	}
	halves := splitBilingual(header)
	best := map[Field]Candidate{}
	for _, fw := range fieldWords {
		for _, w := range fw.words {
			q := quality(h, halves, w)
			if b := best[fw.f]; q > 0 && (q > b.Quality || q == b.Quality && len(w) > b.length) {
				best[fw.f] = Candidate{Field: fw.f, Quality: q, length: len(w)}
			}
		}
	}
	out := make([]Candidate, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if a.Quality != b.Quality {
			return b.Quality - a.Quality
		}
		if a.length != b.length {
			return b.length - a.length
		}
		return strings.Compare(string(a.Field), string(b.Field))
	})
	return out
}

// quality returns how well the folded header h (with its bilingual halves)
// names word w: 3 the whole header, 2 a half, 1 a leading or trailing phrase, 0 not.
func quality(h string, halves halves, w string) int {
	switch {
	case h == w:
		return 3
	case halves.has(w):
		return 2
	case len(w) > 3 && (strings.HasPrefix(h, w+" ") || strings.HasSuffix(h, " "+w)):
		return 1
	}
	return 0
}

// halves are the folded parts of a bilingual header split at a slash,
// parenthesis, line break or dash: "Mục tiêu (Target)" → "muc tieu", "target".
type halves []string

func (h halves) has(w string) bool {
	for _, s := range h {
		if s == w {
			return true
		}
	}
	return false
}

func splitBilingual(s string) halves {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == '(' || r == ')' || r == '\n' || r == '|' || r == '–' || r == '[' || r == ']'
	})
	var out halves
	for _, p := range parts {
		if f := Fold(p); f != "" {
			out = append(out, f)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// folds remembers the folded form of texts an import folds again and again
// (KPI and person names on every row).
type folds map[string]string

// of returns Fold(s), folding each text once.
func (f folds) of(s string) string {
	if v, ok := f[s]; ok {
		return v
	}
	v := Fold(s)
	f[s] = v
	return v
}
