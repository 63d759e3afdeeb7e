package packet

import (
	"math/rand/v2"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
	"kpiplanner/internal/planrand"
)

// TestSplitDocFindsEachPlan: the splitter cuts a compact plan document into
// exactly its plans, whatever quotes, backslashes and brackets their texts
// hold, and refuses other layouts.
func TestSplitDocFindsEachPlan(t *testing.T) {
	names := []string{`a "quoted" {name}`, `back\slash \" ]}`, "Kế hoạch [Q1] }{", `\\`}
	var plans []*app.Plan
	for i, n := range names {
		p := planrand.Plan(rand.New(rand.NewPCG(uint64(i), 9)))
		p.UID, p.Name, p.ID = app.NewUID(), n, app.PlanID(i+1)
		plans = append(plans, p)
	}
	doc, err := plandoc.MarshalCompact(plans)
	if err != nil {
		t.Fatal(err)
	}
	doc = doc[:len(doc)-1] // as packets embed it, without the line break
	d, ok := splitDoc(doc)
	if !ok || len(d.elems) != len(plans) {
		t.Fatalf("ok %v, %d plans, want %d", ok, len(d.elems), len(plans))
	}
	for i, p := range plans {
		if d.uids[i] != p.UID {
			t.Errorf("plan %d: uid %q, want %q", i, d.uids[i], p.UID)
		}
		got, err := plandoc.Unmarshal(d.join([]int{i}))
		if err != nil || len(got) != 1 || got[0].Name != p.Name {
			t.Errorf("plan %d alone: %v %v", i, got, err)
		}
	}
	for _, bad := range []string{string(doc) + " ", string(doc[:len(doc)-3]), `{"plans":[],"format":"kpiplanner/plan@5"}`} {
		if _, ok := splitDoc([]byte(bad)); ok {
			t.Errorf("split %q", bad)
		}
	}
}
