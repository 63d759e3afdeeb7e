package score

import (
	"slices"
	"testing"

	"kpiplanner/app"
)

func TestDepartmentMeans(t *testing.T) {
	res := func(dept string, total float64, has bool) Result {
		return Result{Person: app.Person{Department: dept}, Total: total, Official: total, HasTotal: has}
	}
	rs := []Result{
		res("Sales", 80, true), res("Sales", 100, true), res("Sales", 0, false), // (80 + 100) / 2 = 90; no-total plan left out
		res("HR", 95, true),                                      // 95
		res("Marketing", 90, true), res(" Marketing ", 90, true), // 90, names trimmed; ties by name
	}
	got := DepartmentMeans(rs)
	want := []DepartmentMean{{"HR", 95, 1}, {"Marketing", 90, 2}, {"Sales", 90, 2}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
