package charts

import "fmt"

// viLabels are the built-in Vietnamese labels, keyed by the English text.
// The same keys belong in assets/lang/*.json for callers that pass an
// i18n translator as Options.T.
var viLabels = map[string]string{
	"Target vs actual":               "Mục tiêu và thực hiện",
	"Achievement to date":            "Mức đạt đến nay",
	"Target":                         "Mục tiêu",
	"On track":                       "Đúng tiến độ",
	"At risk":                        "Có nguy cơ không đạt",
	"Off track":                      "Chậm tiến độ",
	"No data":                        "Chưa có dữ liệu",
	"Forecast":                       "Dự báo",
	"Forecast %s (%s of target)":     "Dự báo %s (%s mục tiêu)",
	"Actual":                         "Thực hiện",
	"Actual to date":                 "Thực hiện lũy kế",
	"Anomaly":                        "Bất thường",
	"Deadline":                       "Hạn chót",
	"Contribution to the total":      "Đóng góp vào tổng điểm",
	"Points":                         "Điểm",
	"Group %s":                       "Nhóm %s",
	"Total":                          "Tổng",
	"Score distribution":             "Phân bố điểm",
	"Total score":                    "Tổng điểm",
	"Plans":                          "Số kế hoạch",
	"%d plans · mean %s · median %s": "%d kế hoạch · trung bình %s · trung vị %s",
	"Mean total by department":       "Tổng điểm trung bình theo phòng ban",
	"Mean total":                     "Tổng điểm trung bình",
	"Company mean %s":                "Trung bình công ty %s",
	"millions":                       "triệu",
	"billions":                       "tỷ",
	"%s million":                     "%s triệu",
	"%s billion":                     "%s tỷ",
	"Excellent":                      "Xuất sắc",
	"Good":                           "Tốt",
	"Fair":                           "Đạt",
	"Below target":                   "Chưa đạt",
	"Range %s – %s":                  "Khoảng %s – %s",
	"Nothing to show yet":            "Chưa có gì để hiển thị",
	"Unknown":                        "Chưa rõ",
}

// builtin returns a translator over the built-in labels of lang.
func builtin(lang string) func(string, ...any) string {
	return func(key string, args ...any) string {
		if lang == "vi" {
			if v, ok := viLabels[key]; ok {
				key = v
			}
		}
		if len(args) == 0 {
			return key
		}
		return fmt.Sprintf(key, args...)
	}
}
