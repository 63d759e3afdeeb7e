package workspace_test

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

func TestSaveAndSaveDraftStoreVietnameseInNFC(t *testing.T) {
	w := open(t)
	name := "Trần Thị Bích Ngọc"
	for _, save := range []struct {
		what string
		fn   func(*app.Plan) error
	}{{"Save", w.Save}, {"SaveDraft", w.SaveDraft}} {
		p := demo.Company(1, 3)[0]
		p.ID, p.UID = 0, ""
		p.Person.Name = norm.NFD.String(name)
		p.KPIs[0].Name = norm.NFD.String("Doanh thu từ khách hàng mới")
		if err := save.fn(p); err != nil {
			t.Fatal(err)
		}
		got, err := w.Plan(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Person.Name != name || got.KPIs[0].Name != "Doanh thu từ khách hàng mới" {
			t.Errorf("%s stored %q / %q, not NFC", save.what, got.Person.Name, got.KPIs[0].Name)
		}
	}
}
