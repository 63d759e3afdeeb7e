package ui

import (
	"testing"

	"kpiplanner/app"
)

// TestWizardPicksARegistryPerson: with a people registry, step 1 offers its
// people by name; picking one links the plan and fills unit and position
// from the registry; the department list is the org units.
func TestWizardPicksARegistryPerson(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	co := &app.OrgUnit{Code: "CO", Name: "Công ty"}
	if err := u.ws.SaveUnit(co); err != nil {
		t.Fatal(err)
	}
	hr := &app.OrgUnit{Code: "HR", Name: "Nhân sự", Parent: co.UID}
	if err := u.ws.SaveUnit(hr); err != nil {
		t.Fatal(err)
	}
	lan := &app.Employee{Code: "NV0012", Name: "Nguyễn Thị Lan", Unit: hr.UID, Position: "Chuyên viên tuyển dụng", BaseBonus: 9e6, Currency: "VND"}
	if err := u.ws.SavePerson(lan); err != nil {
		t.Fatal(err)
	}
	w := openWizard(t, u)
	g := step[*goalStep](t, w)
	if opts := g.deptOpts; len(opts) != 1 || opts[0] != "Nhân sự" {
		t.Fatalf("department options = %v, want the org units", opts)
	}
	label := "Nguyễn Thị Lan · NV0012 · Nhân sự"
	if opts := g.nameOpts; len(opts) != 1 || opts[0] != label {
		t.Fatalf("person options = %v", opts)
	}
	g.nameBox.SetText(label) // what picking from the list does
	p := w.d.Plan
	if p.PersonUID != lan.UID || p.Person.Name != "Nguyễn Thị Lan" || p.Person.Department != "Nhân sự" || p.Person.Position != "Chuyên viên tuyển dụng" {
		t.Fatalf("after the pick: %s %+v", p.PersonUID, p.Person)
	}
	if g.nameBox.Text != "Nguyễn Thị Lan" || g.deptBox.Text != "Nhân sự" || g.position.Text != "Chuyên viên tuyển dụng" {
		t.Fatalf("fields show %q %q %q", g.nameBox.Text, g.deptBox.Text, g.position.Text)
	}
	retype(u, g.nameBox, "Trần Văn Minh")
	if p.PersonUID != "" {
		t.Fatal("typing another name kept the link")
	}
}
