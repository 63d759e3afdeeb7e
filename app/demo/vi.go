package demo

import "kpiplanner/app"

// This file holds the Vietnamese texts of the demo company, keyed by their
// English originals, and the function that rewrites a plan into Vietnamese.
// All strings are NFC. KPI names follow the KPI library's Vietnamese wording
// (assets/library) and department names its Departments vocabulary.

// viRationale starts every Vietnamese KPI's rationale; the goal follows it.
const viRationale = "Góp phần vào mục tiêu: "

// viDepartments are the departments' Vietnamese names, as library.Departments writes them.
var viDepartments = map[string]string{
	"Marketing":        "Marketing",
	"Sales":            "Kinh doanh",
	"E-commerce":       "Thương mại điện tử",
	"Customer Service": "Chăm sóc khách hàng",
	"Finance":          "Tài chính – Kế toán",
	"HR":               "Nhân sự",
	"Operations":       "Vận hành – Sản xuất",
}

// viPositions are the job titles in Vietnamese.
var viPositions = map[string]string{
	"Marketing Executive":          "Nhân viên marketing",
	"Content Specialist":           "Chuyên viên nội dung",
	"Digital Marketing Specialist": "Chuyên viên marketing kỹ thuật số",
	"Brand Manager":                "Quản lý thương hiệu",
	"Marketing Manager":            "Trưởng phòng marketing",

	"Sales Executive":     "Nhân viên kinh doanh",
	"Account Manager":     "Chuyên viên quản lý khách hàng",
	"Key Account Manager": "Chuyên viên quản lý khách hàng trọng điểm",
	"Sales Team Leader":   "Trưởng nhóm kinh doanh",
	"Sales Manager":       "Trưởng phòng kinh doanh",

	"E-commerce Executive":   "Nhân viên thương mại điện tử",
	"Marketplace Specialist": "Chuyên viên vận hành gian hàng trên sàn",
	"E-commerce Team Leader": "Trưởng nhóm thương mại điện tử",
	"E-commerce Manager":     "Trưởng phòng thương mại điện tử",

	"Customer Service Agent":   "Nhân viên chăm sóc khách hàng",
	"Customer Care Specialist": "Chuyên viên chăm sóc khách hàng",
	"CS Team Leader":           "Trưởng nhóm chăm sóc khách hàng",
	"Customer Service Manager": "Trưởng phòng chăm sóc khách hàng",

	"Accountant":        "Kế toán viên",
	"Financial Analyst": "Chuyên viên phân tích tài chính",
	"Senior Accountant": "Kế toán tổng hợp",
	"Chief Accountant":  "Kế toán trưởng",

	"HR Executive":   "Nhân viên nhân sự",
	"Recruiter":      "Chuyên viên tuyển dụng",
	"C&B Specialist": "Chuyên viên lương thưởng và phúc lợi (C&B)",
	"HR Manager":     "Trưởng phòng nhân sự",

	"Logistics Coordinator": "Nhân viên điều phối vận chuyển",
	"Warehouse Supervisor":  "Giám sát kho",
	"Planning Specialist":   "Chuyên viên kế hoạch",
	"Operations Manager":    "Trưởng phòng vận hành",
}

// viGoals are the business goals in Vietnamese.
var viGoals = map[string]string{
	"Raise unaided brand awareness in Hanoi and Ho Chi Minh City from 18% to 25% by December": "Nâng mức độ nhận biết thương hiệu không gợi ý tại Hà Nội và TP. Hồ Chí Minh từ 18% lên 25% trước tháng 12",
	"Generate 30% more qualified leads for the sales team than in 2025":                       "Tăng 30% số khách hàng tiềm năng đủ điều kiện chuyển cho đội kinh doanh so với năm 2025",
	"Lower the cost of each new customer by 15% while keeping lead volume":                    "Giảm 15% chi phí có được mỗi khách hàng mới mà vẫn giữ vững số lượng khách hàng tiềm năng",
	"Increase revenue from new customers by 20% in 2026":                                      "Tăng 20% doanh thu từ khách hàng mới trong năm 2026",
	"Double online revenue on our website, Shopee and Lazada stores":                          "Tăng gấp đôi doanh thu trực tuyến trên website và các gian hàng Shopee, Lazada",
	"Resolve customer issues faster and raise CSAT above 4.5":                                 "Xử lý yêu cầu của khách hàng nhanh hơn và nâng điểm hài lòng (CSAT) lên trên 4,5",
	"Keep 85% of existing customers buying again within the year":                             "Giữ chân 85% khách hàng hiện tại quay lại mua hàng trong năm",
	"Close the books faster and keep cash flow healthy":                                       "Rút ngắn thời gian khóa sổ và giữ dòng tiền lành mạnh",
	"Hire and keep the people the 2026 growth plan needs":                                     "Tuyển dụng và giữ chân đủ nhân sự cho kế hoạch tăng trưởng năm 2026",
	"Deliver every order on time, complete and at lower cost":                                 "Giao mọi đơn hàng đúng hạn, đủ hàng và với chi phí thấp hơn",
}

// viText is a KPI's name and description in Vietnamese.
type viText struct{ name, about string }

// viKPIs are the KPI templates' names and descriptions in Vietnamese, keyed
// by the English name.
var viKPIs = map[string]viText{
	// Marketing
	"Marketing qualified leads":            {"Số khách hàng tiềm năng đủ điều kiện marketing (MQL)", "Khách hàng tiềm năng đạt tiêu chí chất lượng đã thống nhất, được chuyển cho đội kinh doanh."},
	"Branded search volume":                {"Lượt tìm kiếm tên thương hiệu", "Số lượt tìm kiếm tên thương hiệu trên Google mỗi tháng."},
	"Return on ad spend":                   {"Doanh thu trên chi phí quảng cáo (ROAS)", "Doanh thu ghi nhận từ quảng cáo trả phí ÷ chi phí quảng cáo."},
	"Cost per lead":                        {"Chi phí trên mỗi khách hàng tiềm năng (CPL)", "Chi phí quảng cáo trả phí ÷ số khách hàng tiềm năng thu được."},
	"Social engagement rate":               {"Tỷ lệ tương tác trên mạng xã hội", "Lượt tương tác ÷ lượt tiếp cận của các bài đăng trên Facebook, TikTok và Zalo, tính bằng %."},
	"Tết campaign launched on time":        {"Ra mắt chiến dịch Tết đúng hạn", "Chiến dịch Tết Nguyên đán chạy trên mọi kênh trước ngày ra mắt đã định."},
	"Email unsubscribe rate (worst month)": {"Tỷ lệ hủy đăng ký email (tháng kém nhất)", "Số lượt hủy đăng ký ÷ số email gửi thành công trong tháng kém nhất, tính bằng %."},
	"Marketing spend vs budget":            {"Chi phí marketing so với ngân sách", "Chi phí marketing tính theo % ngân sách hằng tháng."},

	// Sales
	"New customer revenue":    {"Doanh thu từ khách hàng mới", "Doanh thu đã xuất hóa đơn từ những khách hàng mua lần đầu trong năm."},
	"Deals closed":            {"Số hợp đồng đã chốt", "Số cơ hội bán hàng chốt thành công trên CRM."},
	"Average deal size":       {"Giá trị hợp đồng trung bình", "Doanh thu từ các hợp đồng đã chốt ÷ số hợp đồng đã chốt."},
	"Sales cycle length":      {"Độ dài chu kỳ bán hàng", "Số ngày từ buổi gặp đầu tiên đến khi ký hợp đồng."},
	"Pipeline coverage":       {"Hệ số bao phủ pipeline", "Giá trị các cơ hội bán hàng đang theo đuổi ÷ chỉ tiêu doanh số của quý tới."},
	"Win rate (lowest month)": {"Tỷ lệ chốt đơn (tháng thấp nhất)", "Số cơ hội thắng ÷ số cơ hội đã kết thúc trong tháng thấp nhất, tính bằng %."},
	"Overdue receivables":     {"Công nợ quá hạn", "Giá trị hóa đơn của khách hàng quá hạn thanh toán trên 30 ngày, tính tại cuối tháng."},
	"Customer visits":         {"Số cuộc gặp khách hàng trực tiếp", "Số buổi gặp trực tiếp khách hàng được ghi nhận trên CRM."},

	// E-commerce
	"Online revenue":                         {"Doanh thu bán hàng trực tuyến", "Doanh thu thuần từ website và các gian hàng trên sàn thương mại điện tử."},
	"Average order value":                    {"Giá trị đơn hàng trung bình (AOV)", "Doanh thu trực tuyến ÷ số đơn hàng trực tuyến."},
	"Cart abandonment rate":                  {"Tỷ lệ bỏ giỏ hàng", "Số giỏ hàng không được thanh toán ÷ số giỏ hàng được tạo, tính bằng %."},
	"Marketplace shop rating (lowest month)": {"Điểm đánh giá gian hàng trên sàn (tháng thấp nhất)", "Điểm đánh giá sao trung bình của tháng thấp nhất trên Shopee và Lazada."},
	"Return rate":                            {"Tỷ lệ hoàn trả", "Số đơn bị khách trả lại ÷ số đơn đã giao, tính bằng %."},
	"Conversion rate":                        {"Tỷ lệ chuyển đổi", "Số đơn hàng ÷ số phiên truy cập cửa hàng trực tuyến, tính bằng %."},
	"Website sessions":                       {"Lượt truy cập website", "Số phiên truy cập cửa hàng trực tuyến mỗi tháng."},
	"Page load time (worst month)":           {"Thời gian tải trang (tháng kém nhất)", "Trung vị thời gian tải trang trên điện thoại trong tháng chậm nhất."},
	"11.11 mega-sale ready":                  {"Sẵn sàng cho siêu sale 11.11", "Hàng hóa, banner và voucher cho đợt siêu sale 11.11 được chuẩn bị xong trước hạn chót."},

	// Customer service
	"Customer complaints":               {"Số khiếu nại của khách hàng", "Số khiếu nại chính thức nhận được mỗi tháng."},
	"Average handle time":               {"Thời gian xử lý trung bình", "Tổng số phút xử lý ÷ số cuộc gọi và cuộc chat đã xử lý."},
	"Customer satisfaction (CSAT)":      {"Mức độ hài lòng của khách hàng (CSAT)", "Điểm đánh giá trung bình sau mỗi lần liên hệ, trên thang điểm 1–5."},
	"First response time (worst month)": {"Thời gian phản hồi đầu tiên (tháng kém nhất)", "Số phút trung bình đến lần phản hồi đầu tiên qua email và chat, trong tháng kém nhất."},
	"Net Promoter Score":                {"Chỉ số sẵn lòng giới thiệu (NPS)", "Tỷ lệ người ủng hộ trừ tỷ lệ người không ủng hộ, theo khảo sát hằng quý."},
	"Tickets resolved":                  {"Số yêu cầu hỗ trợ đã xử lý", "Số yêu cầu hỗ trợ được đóng ở trạng thái đã giải quyết."},
	"Service level (lowest month)":      {"Tỷ lệ xử lý đúng cam kết dịch vụ (tháng thấp nhất)", "Tỷ lệ cuộc gọi được trả lời trong vòng 30 giây trong tháng thấp nhất, tính bằng %."},
	"Knowledge base articles published": {"Số bài viết hướng dẫn được xuất bản", "Số bài hướng dẫn mới hoặc được viết lại trong kho kiến thức hỗ trợ khách hàng."},

	// Finance
	"Month-end close time":            {"Thời gian khóa sổ cuối tháng", "Số ngày làm việc từ cuối tháng đến khi khóa sổ xong."},
	"Days sales outstanding":          {"Số ngày thu tiền bình quân (DSO)", "Phải thu khách hàng ÷ doanh thu bình quân mỗi ngày, giữ trong khoảng đã thống nhất."},
	"Forecast accuracy":               {"Độ chính xác của dự báo", "100 - |dự báo - thực tế| ÷ thực tế, tính bằng %."},
	"Invoice error rate":              {"Tỷ lệ hóa đơn sai sót", "Số hóa đơn phải xuất lại ÷ số hóa đơn đã xuất, tính bằng %."},
	"Cost savings achieved":           {"Chi phí tiết kiệm được", "Khoản tiết kiệm đã được xác nhận nhờ đàm phán lại hợp đồng và cắt giảm lãng phí."},
	"Open audit findings":             {"Số phát hiện kiểm toán chưa khắc phục", "Các phát hiện kiểm toán chưa được xử lý xong tính đến cuối tháng."},
	"2025 statutory audit signed off": {"Hoàn tất kiểm toán báo cáo tài chính năm 2025", "Báo cáo kiểm toán được ký với ý kiến chấp nhận toàn phần."},
	"Supplier payments made late":     {"Số khoản thanh toán trễ hạn cho nhà cung cấp", "Số hóa đơn của nhà cung cấp được thanh toán sau ngày đến hạn."},

	// HR
	"Time to hire":                       {"Thời gian tuyển dụng", "Số ngày từ khi yêu cầu tuyển dụng được duyệt đến khi ứng viên nhận lời mời làm việc."},
	"Monthly staff turnover":             {"Tỷ lệ nghỉ việc hằng tháng", "Số nhân viên nghỉ việc ÷ số nhân viên bình quân trong tháng, tính bằng %."},
	"Positions filled":                   {"Số vị trí đã tuyển được", "Số vị trí còn trống đã có ứng viên nhận lời mời làm việc."},
	"Mandatory training completion":      {"Tỷ lệ hoàn thành đào tạo bắt buộc", "Tỷ lệ nhân viên đã hoàn thành các khóa học bắt buộc, tính bằng %."},
	"Headcount vs plan":                  {"Nhân sự thực tế so với định biên", "Số nhân sự thực tế tính theo % định biên đã được duyệt."},
	"Cost per hire":                      {"Chi phí tuyển dụng bình quân mỗi nhân sự", "Chi phí tuyển dụng ÷ số người được tuyển."},
	"Performance review cycle completed": {"Hoàn thành kỳ đánh giá hiệu suất", "Mọi nhân viên đều có phiếu đánh giá giữa năm đã ký."},
	"Engagement pulse (lowest month)":    {"Chỉ số gắn kết qua khảo sát nhanh (tháng thấp nhất)", "Điểm khảo sát nhanh thấp nhất trong các tháng (thang 0–100)."},

	// Operations
	"On-time delivery rate":                 {"Tỷ lệ giao hàng đúng hạn", "Tỷ lệ đơn hàng được giao đúng hoặc sớm hơn ngày đã hẹn, tính bằng %."},
	"Fulfilment cost per order":             {"Chi phí kho vận trên mỗi đơn", "Chi phí kho bãi và giao hàng ÷ số đơn đã xuất."},
	"Inventory days on hand":                {"Số ngày tồn kho", "Giá trị hàng tồn kho ÷ giá vốn hàng bán bình quân mỗi ngày, giữ trong khoảng cho phép."},
	"Longest fulfilment time (worst month)": {"Thời gian xử lý đơn hàng dài nhất (tháng kém nhất)", "Số giờ từ khi đặt hàng đến khi xuất kho của 5% đơn chậm nhất, trong tháng kém nhất."},
	"Picking accuracy (lowest month)":       {"Tỷ lệ xuất kho chính xác (tháng thấp nhất)", "Tỷ lệ dòng hàng được lấy đúng mã, đúng số lượng trong tháng thấp nhất, tính bằng %."},
	"Workplace incidents":                   {"Số vụ tai nạn, sự cố an toàn lao động", "Số sự cố an toàn lao động được ghi nhận tại các kho."},
	"Units shipped":                         {"Sản lượng hàng xuất kho", "Số sản phẩm đã xuất giao cho khách hàng và cửa hàng."},
	"New warehouse system live":             {"Đưa hệ thống quản lý kho mới vào vận hành", "Toàn bộ việc lấy hàng tại kho chính chạy trên hệ thống WMS mới."},

	// Any department
	"Training hours completed":              {"Số giờ đào tạo đã hoàn thành", "Số giờ tham gia các khóa học và hội thảo trong năm."},
	"Process improvement project delivered": {"Hoàn thành dự án cải tiến quy trình", "Một cải tiến quy trình của nhóm được lập thành văn bản, đưa vào áp dụng và bàn giao."},
	"Internal customer satisfaction":        {"Mức độ hài lòng của khách hàng nội bộ", "Điểm đánh giá trung bình (1–5) của các đồng nghiệp làm việc với vị trí này."},
	"Reports submitted late":                {"Số báo cáo nộp trễ hạn", "Số báo cáo tuần và báo cáo tháng nộp sau hạn chót."},
	"Department budget used":                {"Mức sử dụng ngân sách phòng ban", "Chi tiêu tính theo % ngân sách hằng tháng đã được duyệt."},
	"Team engagement index":                 {"Chỉ số gắn kết của đội ngũ", "Chỉ số khảo sát mức độ gắn kết hằng quý (thang 0–100)."},
}

// viNotes are the managers' remarks in Vietnamese.
var viNotes = map[string]string{
	"Agreed with the department head in the January review.":          "Đã thống nhất với trưởng phòng trong buổi đánh giá tháng 1.",
	"Target revised after the Q1 budget review.":                      "Chỉ tiêu được điều chỉnh sau buổi rà soát ngân sách quý 1.",
	"Data is exported manually on the 3rd working day of each month.": "Số liệu được xuất thủ công vào ngày làm việc thứ 3 hằng tháng.",
	"Shared KPI with the neighbouring team; count only own accounts.": "KPI dùng chung với nhóm bên cạnh; chỉ tính các khách hàng do mình phụ trách.",
}

// viSources names in Vietnamese the data sources the app has no label for;
// the others (crm, accounting, survey…) keep their id, which the app shows
// in the user's language.
var viSources = map[string]string{
	"social-analytics": "Công cụ phân tích mạng xã hội",
	"project-tracker":  "Công cụ quản lý dự án",
	"call-center":      "Tổng đài chăm sóc khách hàng",
	"audit":            "Báo cáo kiểm toán",
	"lms":              "Hệ thống đào tạo trực tuyến (LMS)",
	"wms":              "Phần mềm quản lý kho (WMS)",
	"safety-log":       "Sổ theo dõi an toàn lao động",
}

// toVietnamese rewrites the texts of a freshly generated plan in Vietnamese;
// texts the tables lack stay in English.
func toVietnamese(p *app.Plan) {
	p.Person.Department = lookup(viDepartments, p.Person.Department)
	p.Person.Position = lookup(viPositions, p.Person.Position)
	p.Goal.Text = lookup(viGoals, p.Goal.Text)
	for i := range p.KPIs {
		k := &p.KPIs[i]
		if t, ok := viKPIs[k.Name]; ok {
			k.Name, k.Description = t.name, t.about
		}
		k.Rationale = viRationale + p.Goal.Text
		k.DataSource = lookup(viSources, k.DataSource)
		k.Note = lookup(viNotes, k.Note)
	}
}

// lookup returns table's entry for s, or s when it has none.
func lookup(table map[string]string, s string) string {
	if v, ok := table[s]; ok {
		return v
	}
	return s
}
