package sheet

import (
	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// column is a column an import file may have: its header in templates (an
// English translation key) and the other names it goes by, English and
// Vietnamese, compared with fold.
type column = HeaderColumn

// The columns of the KPI definitions sheet, in template order.
var (
	colID          = column{i18n.N("KPI code"), []string{"id", "kpi id", "code", "ma", "ma kpi", "ma chi so", "ma chi tieu"}}
	colName        = column{i18n.N("Name"), []string{"kpi", "kpi name", "ten", "ten kpi", "ten chi so", "ten chi tieu", "chi so"}}
	colDescription = column{i18n.N("Description"), []string{"mo ta", "dien giai"}}
	colUnit        = column{i18n.N("Unit"), []string{"don vi", "don vi tinh", "dvt"}}
	colDirection   = column{i18n.N("Direction"), []string{"chieu", "huong", "xu huong", "chieu danh gia"}}
	colBaseline    = column{i18n.N("Baseline"), []string{"gia tri nen", "muc nen", "muc co so", "gia tri co so", "co so", "gia tri ban dau"}}
	colTarget      = column{i18n.N("Target"), []string{"muc tieu", "chi tieu", "gia tri muc tieu"}}
	colRangeLow    = column{i18n.N("Range low"), []string{"low", "min range", "can duoi", "gioi han duoi", "muc duoi"}}
	colRangeHigh   = column{i18n.N("Range high"), []string{"high", "max range", "can tren", "gioi han tren", "muc tren"}}
	colTolerance   = column{i18n.N("Tolerance"), []string{"dung sai", "sai so cho phep"}}
	colFloor       = column{i18n.N("Achievement floor"), []string{"floor", "san", "nguong san", "muc san", "nguong san hoan thanh"}}
	colCap         = column{i18n.N("Achievement cap"), []string{"cap", "tran", "muc tran", "nguong tran", "muc tran hoan thanh"}}
	colWeight      = column{i18n.N("Weight"), []string{"trong so"}}
	colGroup       = column{i18n.N("Group"), []string{"nhom", "nhom kpi"}}
	colEffort      = column{i18n.N("Effort"), []string{"cong suc", "no luc", "muc do no luc"}}
	colImpact      = column{i18n.N("Impact"), []string{"tac dong", "anh huong", "muc anh huong", "muc do tac dong"}}
	colAggregation = column{i18n.N("Aggregation"), []string{"tong hop", "cach tong hop", "phuong phap tong hop", "cach tinh"}}
	colDataSource  = column{i18n.N("Data source"), []string{"source", "nguon", "nguon du lieu"}}
	colOwner       = column{i18n.N("Owner"), []string{"nguoi phu trach", "phu trach", "chu so huu"}}
	colDeadline    = column{i18n.N("Deadline"), []string{"due", "due date", "han", "thoi han", "han chot", "han hoan thanh"}}
	colSteps       = column{i18n.N("Step bands"), []string{"steps", "bac diem", "thang diem", "cac bac diem"}}
	colNote        = column{i18n.N("Notes"), []string{"note", "ghi chu"}}
	colRationale   = column{i18n.N("Rationale"), []string{"ly do", "muc dich", "ly do chon kpi"}}
	colExempt      = column{i18n.N("Exemption reason"), []string{"exempt", "exemption", "mien tru", "ly do mien tru"}}
	colLibraryID   = column{i18n.N("Library entry"), []string{"library id", "library", "ma thu vien", "muc thu vien"}}
	// targets per period and reference value (issue 12)
	colReference     = column{i18n.N("Reference value"), []string{"reference", "last year", "gia tri tham chieu", "tham chieu", "thuc hien nam truoc"}}
	colPeriodTargets = column{i18n.N("Targets per period"), []string{"period targets", "monthly plan", "muc tieu theo ky", "ke hoach theo ky"}}
	// cascade: the unit KPI a KPI contributes to, and its share
	colUnitPlan = column{i18n.N("Unit plan"), []string{"unit plan uid", "ke hoach don vi", "ke hoach phong"}}
	colUnitKPI  = column{i18n.N("Unit KPI"), []string{"unit kpi id", "kpi don vi", "kpi phong"}}
	colShare    = column{i18n.N("Share"), []string{"contribution share", "ty le dong gop", "phan dong gop"}}
	// colFromTemplate is the template KPI a KPI was made from (position templates).
	colFromTemplate = column{i18n.N("Template KPI"), []string{"from template", "from_template", "kpi mau", "ma kpi mau"}}
)

// kpiColumns are the KPI definitions sheet's columns, in template order.
var kpiColumns = []column{
	colID, colName, colDescription, colGroup, colUnit, colDirection, colAggregation, colBaseline, colTarget,
	colRangeLow, colRangeHigh, colTolerance, colFloor, colCap, colWeight, colSteps, colEffort, colImpact,
	colDataSource, colOwner, colDeadline, colRationale, colNote, colExempt, colLibraryID,
	colReference, colPeriodTargets,
	colUnitPlan, colUnitKPI, colShare, colFromTemplate,
}

// The columns of the actuals template and the long actuals table.
var (
	colKPI       = column{i18n.N("KPI"), []string{"name", "kpi name", "ten", "ten kpi", "ten chi so", "chi so"}}
	colValueType = column{i18n.N("Value type"), []string{"type", "row type", "loai", "loai gia tri", "loai so lieu", "kieu gia tri"}}
	colPeriod    = column{i18n.N("Period"), []string{"ky", "thang", "quy", "tuan", "ky danh gia"}}
	colActual    = column{i18n.N("Actual"), []string{"value", "actuals", "thuc te", "thuc hien", "so lieu thuc hien", "gia tri", "ket qua", "so thuc te", "gia tri thuc te"}}
	colNumerator = column{i18n.N("Numerator"), []string{"tu so"}}
	colDenom     = column{i18n.N("Denominator"), []string{"mau so"}}
	colPerson    = column{i18n.N("Person"), []string{"employee", "nhan vien", "nhan su", "ho ten", "ho va ten", "nguoi"}}
)

// Value types of the actuals template's rows.
const (
	valueRow = "value"
	numRow   = "numerator"
	denRow   = "denominator"
)

// valueTypes are the value-type words and their display names.
var valueTypes = []word{
	{valueRow, i18n.N("Actual"), []string{"value", "gia tri", "thuc te", "thuc hien"}},
	{numRow, i18n.N("Numerator"), []string{"num", "tu so", "tu"}},
	{denRow, i18n.N("Denominator"), []string{"den", "mau so", "mau"}},
}

// word is an enumerated value of an import file: the value, its display
// name (a translation key) and the other words for it.
type word struct {
	value   string
	display string
	aliases []string
}

// enumWords builds the words of enumerated values whose display names are in enumNames.
func enumWords[T ~string](values []T, aliases map[T][]string) []word {
	out := make([]word, len(values))
	for i, v := range values {
		out[i] = word{string(v), enumNames[string(v)], aliases[v]}
	}
	return out
}

var directionWords = enumWords(app.Directions, map[app.Direction][]string{
	app.Higher:    {"higher", "up", "increase", "↑", "cao hon la tot", "cang cao cang tot", "tang", "cao"},
	app.Lower:     {"lower", "down", "decrease", "↓", "thap hon la tot", "cang thap cang tot", "giam", "thap"},
	app.Range:     {"range", "within range", "in range", "trong khoang", "khoang", "nam trong khoang"},
	app.Milestone: {"done", "moc", "cot moc", "hoan thanh", "moc hoan thanh"},
})

var unitWords = enumWords(app.Units, map[app.Unit][]string{
	app.Number:   {"so", "con so", "gia tri"},
	app.Percent:  {"%", "pct", "phan tram", "ty le phan tram"},
	app.Currency: {"money", "vnd", "₫", "dong", "usd", "$", "€", "tien", "tien te"},
	app.Duration: {"thoi luong", "thoi gian"},
	app.Count:    {"so luong", "luot", "dem", "lan"},
	app.Ratio1:   {"ratio", "ty le", "ti le", "he so"},
	app.Score:    {"diem", "diem so", "chi so diem"},
	app.Days:     {"day", "ngay"},
	app.Hours:    {"hour", "h", "gio"},
	app.Minutes:  {"minute", "min", "phut"},
	app.Seconds:  {"second", "s", "sec", "giay"},
})

var aggregationWords = enumWords(app.Aggregations, map[app.Aggregation][]string{
	app.Sum:     {"total", "tong", "cong don", "tong cong"},
	app.Average: {"avg", "mean", "trung binh"},
	app.Last:    {"latest", "last", "cuoi", "cuoi ky", "gia tri cuoi", "gia tri ky cuoi", "moi nhat"},
	app.Min:     {"minimum", "nho nhat", "thap nhat"},
	app.Max:     {"maximum", "lon nhat", "cao nhat"},
	app.Ratio:   {"ratio", "ty le", "ti le", "tu so mau so"},
})

var levelWords = enumWords([]app.Level{app.High, app.Low}, map[app.Level][]string{
	app.High: {"h", "cao", "lon", "nhieu"},
	app.Low:  {"l", "thap", "nho", "it"},
})

var groupWords = []word{
	{string(app.GroupA), "", []string{"a", "group a", "nhom a"}},
	{string(app.GroupB), "", []string{"b", "group b", "nhom b"}},
	{string(app.GroupC), "", []string{"c", "group c", "nhom c"}},
}
