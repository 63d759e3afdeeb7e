package demo

import "kpiplanner/app"

// Name parts for Vietnamese-style person names, written in NFC.
var (
	familyNames = []string{
		"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
		"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
	}
	maleMiddle   = []string{"Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Gia", "Tuấn"}
	femaleMiddle = []string{"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mai", "Thùy", "Phương", "Bảo"}
	maleGiven    = []string{
		"An", "Bình", "Cường", "Dũng", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quân",
		"Sơn", "Tuấn", "Việt", "Hải", "Khoa", "Đạt", "Huy", "Thắng", "Trung", "Lộc",
	}
	femaleGiven = []string{
		"Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai",
		"Ngân", "Nhung", "Thảo", "Trang", "Vy", "Yến", "Hằng", "Quyên", "Tâm", "Uyên",
	}
)

// goal is a business goal a department's plans pursue.
type goal struct {
	text string
	typ  string
}

// department is one department of the synthetic company.
type department struct {
	name      string
	share     int      // relative headcount
	positions []string // from junior to senior
	goals     []goal
	kpis      []tmpl
}

// departments lists the company's departments; their KPI pools live in pools*.go.
var departments = []department{
	{
		name: "Marketing", share: 15,
		positions: []string{"Marketing Executive", "Content Specialist", "Digital Marketing Specialist", "Brand Manager", "Marketing Manager"},
		goals: []goal{
			{"Raise unaided brand awareness in Hanoi and Ho Chi Minh City from 18% to 25% by December", "brand-awareness"},
			{"Generate 30% more qualified leads for the sales team than in 2025", "lead-generation"},
			{"Lower the cost of each new customer by 15% while keeping lead volume", "marketing-efficiency"},
		},
		kpis: marketingKPIs,
	},
	{
		name: "Sales", share: 25,
		positions: []string{"Sales Executive", "Account Manager", "Key Account Manager", "Sales Team Leader", "Sales Manager"},
		goals:     []goal{{"Increase revenue from new customers by 20% in 2026", "sales-growth"}},
		kpis:      salesKPIs,
	},
	{
		name: "E-commerce", share: 12,
		positions: []string{"E-commerce Executive", "Marketplace Specialist", "E-commerce Team Leader", "E-commerce Manager"},
		goals:     []goal{{"Double online revenue on our website, Shopee and Lazada stores", "ecommerce-growth"}},
		kpis:      ecommerceKPIs,
	},
	{
		name: "Customer Service", share: 18,
		positions: []string{"Customer Service Agent", "Customer Care Specialist", "CS Team Leader", "Customer Service Manager"},
		goals: []goal{
			{"Resolve customer issues faster and raise CSAT above 4.5", "customer-service"},
			{"Keep 85% of existing customers buying again within the year", "customer-retention"},
		},
		kpis: serviceKPIs,
	},
	{
		name: "Finance", share: 7,
		positions: []string{"Accountant", "Financial Analyst", "Senior Accountant", "Chief Accountant"},
		goals:     []goal{{"Close the books faster and keep cash flow healthy", "finance"}},
		kpis:      financeKPIs,
	},
	{
		name: "HR", share: 8,
		positions: []string{"HR Executive", "Recruiter", "C&B Specialist", "HR Manager"},
		goals:     []goal{{"Hire and keep the people the 2026 growth plan needs", "people-hr"}},
		kpis:      hrKPIs,
	},
	{
		name: "Operations", share: 15,
		positions: []string{"Logistics Coordinator", "Warehouse Supervisor", "Planning Specialist", "Operations Manager"},
		goals:     []goal{{"Deliver every order on time, complete and at lower cost", "operations-quality"}},
		kpis:      operationsKPIs,
	},
}

// totalShare is the sum of the departments' shares.
var totalShare = func() int {
	n := 0
	for _, d := range departments {
		n += d.share
	}
	return n
}()

// Level shorthands for the KPI tables.
const (
	H = app.High
	L = app.Low
)
