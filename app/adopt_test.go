package app

import "testing"

func TestAdoptPeopleMergesSameNameAndDepartment(t *testing.T) {
	mk := func(name, dept string, bonus float64) *Plan {
		return &Plan{Person: Person{Name: name, Department: dept, BaseBonus: bonus, Currency: "VND"}}
	}
	// "Nguyễn Lan" typed decomposed (NFD) is the same person as in NFC.
	plans := []*Plan{mk("Nguyễn Lan", "Kinh doanh", 5), mk("Trần Minh", "Kế toán", 7),
		mk("Nguye\u0302\u0303n Lan", "Kinh doanh ", 9), mk("Nguyễn Lan", "Kế toán", 3), mk("Lê Hoa", "Kế-toán", 1)}
	units, people := AdoptPeople(plans, "Công ty")
	if len(people) != 4 {
		t.Fatalf("%d people, want 4 (Lan in sales twice is one person)", len(people))
	}
	if plans[0].PersonUID != plans[2].PersonUID || plans[0].PersonUID == plans[3].PersonUID {
		t.Fatalf("plans 1 and 3 must share a person, plan 4 must not")
	}
	if people[0].Code != "NV0001" || people[3].Code != "NV0004" || people[0].BaseBonus != 5 {
		t.Fatalf("people = %+v", people)
	}
	// Root + Kinh doanh + Kế toán + Kế-toán (a different name with the same code).
	want := []string{"COMPANY", "KINH-DOANH", "KE-TOAN", "KE-TOAN-2"}
	if len(units) != len(want) {
		t.Fatalf("units = %+v", units)
	}
	for i, u := range units {
		if u.Code != want[i] || i > 0 && u.Parent != units[0].UID {
			t.Errorf("unit %d = %+v, want code %s under the root", i, u, want[i])
		}
	}
}

func TestUnitCode(t *testing.T) {
	for in, want := range map[string]string{"Phòng Kinh doanh": "PHONG-KINH-DOANH", "Đào tạo & Phát triển": "DAO-TAO-PHAT-TRIEN", "  ": "UNIT", "HR": "HR"} {
		if got := UnitCode(in); got != want {
			t.Errorf("UnitCode(%q) = %q, want %q", in, got, want)
		}
	}
}
