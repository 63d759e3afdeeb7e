package library

import "kpiplanner/app"

// Label is an allowed value of a classification field (department, stage…)
// with its name in both languages.
type Label struct {
	ID   string
	Name app.Text
}

func t(vi, en string) app.Text { return app.Text{VI: vi, EN: en} }

// Departments lists the departments an entry can belong to, in display order.
var Departments = []Label{
	{"marketing", t("Marketing", "Marketing")},
	{"digital-marketing", t("Marketing kỹ thuật số", "Digital marketing")},
	{"ecommerce", t("Thương mại điện tử", "E-commerce")},
	{"sales", t("Kinh doanh", "Sales")},
	{"customer-service", t("Chăm sóc khách hàng", "Customer service")},
	{"finance", t("Tài chính – Kế toán", "Finance")},
	{"hr", t("Nhân sự", "Human resources")},
	{"operations", t("Vận hành – Sản xuất", "Operations and production")},
}

// Stages lists the customer-funnel stages, from first contact to loyalty.
var Stages = []Label{
	{"awareness", t("Nhận thức", "Awareness")},
	{"consideration", t("Cân nhắc", "Consideration")},
	{"conversion", t("Chuyển đổi", "Conversion")},
	{"loyalty", t("Lòng trung thành", "Loyalty")},
}

// Perspectives lists the four balanced-scorecard perspectives.
var Perspectives = []Label{
	{"financial", t("Tài chính", "Financial")},
	{"customer", t("Khách hàng", "Customer")},
	{"internal-process", t("Quy trình nội bộ", "Internal process")},
	{"learning-growth", t("Học hỏi và phát triển", "Learning and growth")},
}

// Tiers lists how often a KPI is reviewed: operational daily, tactical
// weekly, strategic monthly or quarterly.
var Tiers = []Label{
	{"operational", t("Tác nghiệp (theo dõi hằng ngày)", "Operational (checked daily)")},
	{"tactical", t("Chiến thuật (theo dõi hằng tuần)", "Tactical (checked weekly)")},
	{"strategic", t("Chiến lược (theo dõi hằng tháng, quý)", "Strategic (monthly or quarterly)")},
}

// DataSources lists the typical places a built-in KPI's numbers come from.
var DataSources = []Label{
	{"web-analytics", t("Công cụ phân tích website (Google Analytics…)", "Web analytics")},
	{"ads-platform", t("Nền tảng quảng cáo", "Ads platform")},
	{"social-platform", t("Nền tảng mạng xã hội", "Social media platform")},
	{"crm", t("Phần mềm CRM", "CRM")},
	{"email-platform", t("Nền tảng email marketing", "Email platform")},
	{"accounting", t("Sổ sách kế toán", "Accounting")},
	{"hr-records", t("Hồ sơ nhân sự", "HR records")},
	{"pos", t("Máy bán hàng (POS)", "Point of sale (POS)")},
	{"ecommerce-platform", t("Nền tảng thương mại điện tử", "E-commerce platform")},
	{"helpdesk", t("Hệ thống hỗ trợ khách hàng", "Helpdesk")},
	{"production-system", t("Hệ thống sản xuất, kho vận", "Production system")},
	{"survey", t("Khảo sát", "Survey")},
	{"project-tool", t("Công cụ quản lý công việc", "Project tool")},
}

// LabelOf returns the label with the given id from list.
func LabelOf(list []Label, id string) (Label, bool) {
	for _, l := range list {
		if l.ID == id {
			return l, true
		}
	}
	return Label{}, false
}

// LabelName returns the name of id from list in lang, or id itself when the
// list does not hold it (a custom data source, say).
func LabelName(list []Label, id, lang string) string {
	if l, ok := LabelOf(list, id); ok {
		return l.Name.In(lang)
	}
	return id
}

func labelIDs(list []Label) []string {
	ids := make([]string, len(list))
	for i, l := range list {
		ids[i] = l.ID
	}
	return ids
}
