package benchdata

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/storage"
)

// TemplatedCompany returns the path of a cached database holding the demo
// company of people people in which every plan is made from a position
// template: one template per department holding every KPI the department's
// plans use, each plan holding its department's template (version 1) and
// each KPI linked to the template KPI of its name, with the template's
// texts; each plan keeps its own targets and subset of KPIs (overrides).
// Callers must not write to it (see Company).
func TemplatedCompany(tb testing.TB, people int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "kpiplanner-bench")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("company-templated-%d-schema%d.db", people, storage.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + fmt.Sprintf(".%d.tmp", os.Getpid())
	_ = os.Remove(tmp)
	db, err := storage.Open(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	plans := demo.CompanyIn(people, 1, "en")
	units, staff := demo.Registry(plans, "en")
	templates := fromTemplates(plans)
	err = db.Update(func(tx app.Tx) error {
		for i := range units {
			if err := tx.SaveUnit(&units[i]); err != nil {
				return err
			}
		}
		for i := range staff {
			if err := tx.SavePerson(&staff[i]); err != nil {
				return err
			}
		}
		for _, t := range templates {
			if err := tx.SaveTemplate(t); err != nil {
				return err
			}
		}
		for _, p := range plans {
			p.TemplateUID = templates[p.Person.Department].UID
			if err := tx.SavePlan(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = db.Close()
	}
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// fromTemplates makes one template per department of plans and links each
// plan's KPIs to it (the plan's template uid is set once the template is saved).
func fromTemplates(plans []*app.Plan) map[string]*app.Template {
	out := map[string]*app.Template{}
	byName := map[string]map[string]*app.KPI{}
	for _, p := range plans {
		d := p.Person.Department
		t := out[d]
		if t == nil {
			t = app.NewTemplate(d+" staff", p.Person.Position, 0)
			t.UID, t.Goal, t.GoalType, t.Rules = app.NewUID(), p.Goal.Text, p.Goal.Type, p.Clone().Rules
			out[d], byName[d] = t, map[string]*app.KPI{}
		}
		p.TemplateVersion = 1
		for i := range p.KPIs {
			k := &p.KPIs[i]
			tk := byName[d][k.Name]
			if tk == nil {
				c := *k
				c.ID, c.Actuals, c.Owner, c.Deadline, c.Note, c.Exempt = fmt.Sprintf("t%d", len(t.KPIs)+1), nil, "", app.Date{}, "", ""
				t.KPIs = append(t.KPIs, c)
				byName[d] = map[string]*app.KPI{}
				for j := range t.KPIs {
					byName[d][t.KPIs[j].Name] = &t.KPIs[j]
				}
				tk = byName[d][k.Name]
			}
			k.FromTemplate, k.Name, k.Description, k.Rationale = tk.ID, tk.Name, tk.Description, tk.Rationale
		}
	}
	return out
}
