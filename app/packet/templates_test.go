package packet_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// TestPacketCarriesTemplates: a packet with a template version reads back
// with that version (uid, version, content); the hash covers it (a changed
// template name is tampering); a packet without templates has no
// "templates" key, as packets written before templates travelled.
func TestPacketCarriesTemplates(t *testing.T) {
	pk := samplePacket(7)
	tp := app.NewTemplate("Nhân viên kinh doanh — cấp 2", "Sales executive", 2)
	tp.UID, tp.Version, tp.At, tp.User = app.NewUID(), 3, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "Hoa"
	k := app.CustomKPI("rev", "Doanh thu")
	k.Target, k.Group = 100, app.GroupA
	tp.KPIs = []app.KPI{k}
	pk.Templates = []*app.Template{tp}
	pk.Items[0].Plan.TemplateUID, pk.Items[0].Plan.TemplateVersion = tp.UID, tp.Version
	data := write(t, pk, "")
	got, err := packet.Read(bytes.NewReader(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Templates) != 1 {
		t.Fatalf("%d templates read, want 1", len(got.Templates))
	}
	g := got.Templates[0]
	if g.UID != tp.UID || g.Version != 3 || !g.At.Equal(tp.At) || g.User != "Hoa" || len(app.DiffTemplates(tp, g)) != 0 {
		t.Errorf("template read back as %+v, differences %v", g, app.DiffTemplates(tp, g))
	}
	if _, err := packet.Read(bytes.NewReader(bytes.Replace(data, []byte("cấp 2"), []byte("cấp 3"), 1)), ""); !errors.Is(err, packet.ErrTampered) {
		t.Errorf("changed template name: %v, want ErrTampered", err)
	}
	// Encrypted too.
	if got, err := packet.Read(bytes.NewReader(write(t, pk, "pw")), "pw"); err != nil || len(got.Templates) != 1 || got.Templates[0].UID != tp.UID {
		t.Errorf("encrypted: %v", err)
	}
	pk.Templates = nil
	data = write(t, pk, "")
	if bytes.Contains(data, []byte(`"templates"`)) {
		t.Errorf("a packet without templates has a templates key")
	}
	if got, err := packet.Read(bytes.NewReader(data), ""); err != nil {
		t.Errorf("packet without templates: %v", err)
	} else if got.Templates != nil {
		t.Errorf("packet without templates read %d templates", len(got.Templates))
	}
}
