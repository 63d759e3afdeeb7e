package packet_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/plandoc"
	"kpiplanner/internal/planrand"
)

// samplePacket is a return packet of three random plans (the second
// without a base) with a person and a unit.
func samplePacket(seed uint64) *packet.Packet {
	r := rand.New(rand.NewPCG(seed, 3))
	unit := app.OrgUnit{UID: app.NewUID(), Code: "SALES", Name: "Phòng Kinh doanh"}
	e := app.Employee{UID: app.NewUID(), Code: "NV0001", Name: "Nguyễn Văn An", Unit: unit.UID, Joined: app.NewDate(2024, 3, 15), BaseBonus: 8e6, Currency: "VND"}
	pk := &packet.Packet{Kind: packet.Return, Maker: packet.Maker{User: "Minh", Device: "m1", Workspace: app.NewUID()},
		MadeAt: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC), For: packet.Recipient{Name: "HR Hoa"},
		People: []app.Employee{e}, Units: []app.OrgUnit{unit}}
	for i := range 3 {
		p := planrand.Plan(r)
		p.PersonUID = e.UID
		var base *app.Plan
		if i != 1 {
			base = p.Clone()
			base.KPIs[0].Target++
		}
		pk.Items = append(pk.Items, packet.Item{Plan: p, Base: base})
	}
	return pk
}

func write(t *testing.T, pk *packet.Packet, password string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := packet.Write(&b, pk, password); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPacketRoundTrip: what Write writes, Read gives back field by field,
// plain and encrypted, with the same hash.
func TestPacketRoundTrip(t *testing.T) {
	for _, password := range []string{"", "mật khẩu 1"} {
		pk := samplePacket(1)
		data := write(t, pk, password)
		if password != "" && bytes.Contains(data, []byte("Nguyễn")) {
			t.Fatal("an encrypted packet shows a name in clear")
		}
		got, err := packet.Read(bytes.NewReader(data), password)
		if err != nil {
			t.Fatal(err)
		}
		if got.Hash != pk.Hash || len(got.Hash) != 64 {
			t.Errorf("hash %q, want %q", got.Hash, pk.Hash)
		}
		if got.Kind != pk.Kind || got.Maker != pk.Maker || !got.MadeAt.Equal(pk.MadeAt) || got.For.Name != "HR Hoa" {
			t.Errorf("head = %v %+v %v %+v", got.Kind, got.Maker, got.MadeAt, got.For)
		}
		if len(got.People) != 1 || got.People[0] != pk.People[0] || len(got.Units) != 1 || got.Units[0] != pk.Units[0] {
			t.Errorf("registry = %+v %+v", got.People, got.Units)
		}
		if len(got.Items) != 3 {
			t.Fatalf("%d items", len(got.Items))
		}
		for i, it := range got.Items {
			want := pk.Items[i]
			if it.Plan.UID != want.Plan.UID || it.Plan.Revision != want.Plan.Revision || len(app.Diff(want.Plan, it.Plan)) > 0 {
				t.Errorf("plan %d differs: %+v", i, app.Diff(want.Plan, it.Plan))
			}
			if (it.Base == nil) != (want.Base == nil) || it.Base != nil && len(app.Diff(want.Base, it.Base)) > 0 {
				t.Errorf("base %d differs", i)
			}
		}
	}
}

// TestBadPacketsAreRefusedClearly: each kind of bad file gets its own
// error and a message saying what is wrong.
func TestBadPacketsAreRefusedClearly(t *testing.T) {
	good := write(t, samplePacket(2), "")
	sealed := write(t, samplePacket(2), "secret")
	doc, err := plandoc.Marshal([]*app.Plan{samplePacket(2).Items[0].Plan})
	if err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Replace(good, []byte(`"name":"Nguyễn Văn An"`), []byte(`"name":"Nguyễn Văn Ân"`), 1)
	if bytes.Equal(tampered, good) {
		t.Fatal("the tampering found nothing to change")
	}
	sealedTampered := bytes.Clone(sealed)
	i := bytes.Index(sealedTampered, []byte(`"sealed":"`)) + 20
	// one base64 digit of the ciphertext, changed to another base64 digit
	// (flipping a bit could make '+' a '*', which is no digit at all)
	if sealedTampered[i] == 'A' {
		sealedTampered[i] = 'B'
	} else {
		sealedTampered[i] = 'A'
	}
	newer := bytes.Replace(good, []byte(packet.Format), []byte("kpiplanner/packet@2"), 1)
	for _, c := range []struct {
		name     string
		data     []byte
		password string
		kind     error
		msg      string
	}{
		{"truncated", good[:len(good)/2], "", packet.ErrTruncated, "cut short"},
		{"truncated encrypted", sealed[:len(sealed)-40], "secret", packet.ErrTruncated, "cut short"},
		{"empty", nil, "", packet.ErrNotPacket, "not a KPI Planner packet"},
		{"wrong hash", tampered, "", packet.ErrTampered, "SHA-256 does not match"},
		{"tampered encrypted", sealedTampered, "secret", packet.ErrTampered, "changed after it was written"},
		{"wrong password", sealed, "guess", packet.ErrWrongPassword, "wrong password"},
		{"no password", sealed, "", packet.ErrPasswordNeeded, "encrypted: give its password"},
		{"newer version", newer, "", packet.ErrNewerFormat, "newer KPI Planner (format kpiplanner/packet@2"},
		{"not a packet", []byte("PK\x03\x04 an xlsx file"), "", packet.ErrNotPacket, "not a KPI Planner packet"},
		{"other json", []byte(`{"format":"something/else@1"}`), "", packet.ErrNotPacket, "not a KPI Planner packet"},
		{"plan document renamed", doc, "", packet.ErrPlanDocument, "plan document (kpiplanner/plan@3), not a packet"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := packet.Read(bytes.NewReader(c.data), c.password)
			if !errors.Is(err, c.kind) || !errors.Is(err, app.ErrInvalid) {
				t.Fatalf("err = %v, want %v", err, c.kind)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q lacks %q", err, c.msg)
			}
		})
	}
}
