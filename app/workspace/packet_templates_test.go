package workspace_test

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/fileio"
)

// hrPacketOfS3 assigns the sales template (assigned), overrides s3's
// Doanh thu target 100 to 120, exports s3's packet and reads it back.
func hrPacketOfS3(t *testing.T) (*tplCompany, *app.Template, *packet.Packet, string) {
	t.Helper()
	c, tp, by := assigned(t)
	p := by["s3"]
	p.KPI("rev").Target = 120
	if err := c.w.Save(p); err != nil {
		t.Fatal(err)
	}
	written, err := c.w.ExportPackets(context.Background(), fileio.Files{}, workspace.PacketSelection{People: []string{"s3"}}, t.TempDir(), workspace.PacketOptions{})
	if err != nil || len(written) != 1 || written[0].Plans != 1 {
		t.Fatalf("export: %v, %+v", err, written)
	}
	pk, err := workspace.ReadPacket(fileio.Files{}, written[0].Path, "")
	if err != nil {
		t.Fatal(err)
	}
	return c, tp, pk, written[0].Path
}

// TestManagerOpensTemplatedPlanWithItsTemplate: HR's packet carries the
// template version s3's plan was made from; the manager (a fresh
// workspace) opening it gets that version (same uid, version 1, same
// content) and sees the plan's override (rev 100 vs 120) as HR does; the
// manager's return packet carries it back and HR merges it, adding none.
func TestManagerOpensTemplatedPlanWithItsTemplate(t *testing.T) {
	hr, tp, pk, _ := hrPacketOfS3(t)
	if len(pk.Templates) != 1 || pk.Templates[0].UID != tp.UID || pk.Templates[0].Version != 1 {
		t.Fatalf("packet templates %+v, want %s v1", pk.Templates, tp.UID)
	}
	mgr := open(t)
	opened, _, err := mgr.OpenPacket(pk)
	if err != nil {
		t.Fatal(err)
	}
	if len(opened.Added) != 1 {
		t.Fatalf("%d plans added, want 1", len(opened.Added))
	}
	vs, err := mgr.TemplateVersions(tp.UID)
	if err != nil || len(vs) != 1 || vs[0].Version != 1 || len(app.DiffTemplates(tp, vs[0])) != 0 || vs[0].Name != tp.Name {
		t.Fatalf("manager's versions %+v (%v)", vs, err)
	}
	plans, err := mgr.Store().Plans()
	if err != nil || len(plans) != 1 {
		t.Fatalf("manager's plans: %d (%v)", len(plans), err)
	}
	got, ovs, err := mgr.TemplateOf(plans[0])
	if err != nil || got == nil || got.Version != 1 {
		t.Fatalf("TemplateOf: %+v, %v", got, err)
	}
	if len(ovs) != 1 || ovs[0].Path() != "kpis[rev].target" || ovs[0].Template != "100" || ovs[0].Plan != "120" {
		t.Errorf("manager's overrides %+v, want kpis[rev].target 100 120", ovs)
	}
	ret := t.TempDir() + "/back.kpip"
	if _, err := mgr.ReturnPacket(fileio.Files{}, ret, workspace.PacketOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := workspace.ReadPacket(fileio.Files{}, ret, "")
	if err != nil || len(back.Templates) != 1 || back.Templates[0].UID != tp.UID {
		t.Fatalf("return packet templates: %v", err)
	}
	m, err := hr.w.PlanMerge(back)
	if err != nil || len(m.Templates) != 0 {
		t.Fatalf("HR merge of the return: %v, %d templates to add, want 0", err, len(m.Templates))
	}
	if _, err := hr.w.ApplyMerge(m, packet.Choices{Default: packet.Ours}); err != nil {
		t.Fatal(err)
	}
	if vs, _ := hr.w.TemplateVersions(tp.UID); len(vs) != 1 {
		t.Errorf("HR has %d versions after the merge, want 1", len(vs))
	}
}

// TestDifferingTemplateVersionIsRefused: a manager workspace holding the
// same template uid and version with another Doanh thu target (90) refuses
// the packet, naming the template and version, and saves nothing (no plan,
// its own version unchanged).
func TestDifferingTemplateVersionIsRefused(t *testing.T) {
	_, tp, pk, _ := hrPacketOfS3(t)
	mgr := open(t)
	other := tp.Clone()
	other.KPI("rev").Target = 90
	if err := mgr.Store().Update(func(tx app.Tx) error { return tx.SaveTemplateVersion(other) }); err != nil {
		t.Fatal(err)
	}
	_, _, err := mgr.OpenPacket(pk)
	if err == nil || !strings.Contains(err.Error(), tp.Name) || !strings.Contains(err.Error(), "version 1") {
		t.Fatalf("open: %v, want a refusal naming %q version 1", err, tp.Name)
	}
	if plans, _ := mgr.Store().Plans(); len(plans) != 0 {
		t.Errorf("%d plans saved after the refusal", len(plans))
	}
	vs, _ := mgr.TemplateVersions(tp.UID)
	if len(vs) != 1 || vs[0].KPI("rev").Target != 90 {
		t.Errorf("manager's versions after the refusal %+v", vs)
	}
	// Storing a version the store has is refused too.
	if err := mgr.Store().Update(func(tx app.Tx) error { return tx.SaveTemplateVersion(tp) }); err == nil {
		t.Errorf("SaveTemplateVersion overwrote v1")
	}
}

// TestPacketWithoutTemplatesStillOpens: a packet written without the
// templates key (as before templates travelled) opens; its templated plan
// has no template here (TemplateOf nil, no error).
func TestPacketWithoutTemplatesStillOpens(t *testing.T) {
	_, _, pk, path := hrPacketOfS3(t)
	pk.Templates = nil
	if err := fileio.WriteFile(path, func(w io.Writer) error { return packet.Write(w, pk, "") }); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(data), `"templates"`) {
		t.Fatalf("old-style packet: %v", err)
	}
	old, err := workspace.ReadPacket(fileio.Files{}, path, "")
	if err != nil {
		t.Fatal(err)
	}
	mgr := open(t)
	opened, _, err := mgr.OpenPacket(old)
	if err != nil || len(opened.Added) != 1 {
		t.Fatalf("open: %v", err)
	}
	got, _, err := mgr.TemplateOf(opened.Added[0])
	if err != nil || got != nil {
		t.Errorf("TemplateOf without the template: %+v, %v", got, err)
	}
}
