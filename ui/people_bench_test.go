package ui

import (
	"fmt"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// BenchmarkPeopleRegistry50000 indexes, sorts and filters 50 000 people in
// 200 units, what the People screen does when it opens and per keystroke.
func BenchmarkPeopleRegistry50000(b *testing.B) {
	first := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	mid := []string{"Văn", "Thị", "Minh", "Quốc", "Thu", "Bảo"}
	last := []string{"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Mai", "Nam", "Oanh", "Phúc"}
	units := []app.OrgUnit{{UID: "u0", Code: "CTY", Name: "Công ty"}}
	for i := 1; i < 200; i++ {
		units = append(units, app.OrgUnit{UID: app.UID(fmt.Sprintf("u%d", i)), Code: fmt.Sprintf("U%03d", i),
			Name: fmt.Sprintf("Phòng %d", i), Parent: app.UID(fmt.Sprintf("u%d", i/10))})
	}
	people := make([]app.Employee, 50_000)
	for i := range people {
		people[i] = app.Employee{UID: app.UID(fmt.Sprint("p", i)), Code: app.CodeFor(i + 1),
			Name: first[i%len(first)] + " " + mid[i/7%len(mid)] + " " + last[i/3%len(last)], Unit: units[i%len(units)].UID,
			Position: "Nhân viên", Level: i % 5}
	}
	b.ResetTimer()
	for range b.N {
		r := roster.New(people, units)
		if got := r.Filter(roster.Filter{Text: "nguyen lan", Level: -1, Unit: "u1"}, true); len(got) == 0 {
			b.Fatal("nothing found")
		}
	}
}

// BenchmarkHistoryTab1000 shows 1 000 history entries in the History tab
// and fills its visible rows (the reading from the store is storage's benchmark).
func BenchmarkHistoryTab1000(b *testing.B) {
	p := submittedFixture()
	_, _, s := planTestUI(b, "vi", p)
	entries := make([]app.HistoryEntry, 1000)
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := range entries {
		entries[i] = app.HistoryEntry{Plan: p.UID, Seq: uint64(i + 1), At: at.Add(time.Duration(i) * time.Minute), User: "Lan",
			Path: fmt.Sprintf("kpis[k%d].target", i%4+1), Old: fmt.Sprint(100 + i), New: fmt.Sprint(101 + i), Reason: "thị trường thu hẹp"}
	}
	b.ResetTimer()
	for range b.N {
		s.history.show(entries)
		for r := range min(20, len(s.history.rows)) {
			for c := range hcolCount {
				_ = s.history.cellText(s.history.rows[r], c)
			}
		}
		s.kpis.setMarkers(s.targetMarkers(entries))
	}
}
