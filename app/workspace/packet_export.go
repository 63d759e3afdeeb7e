package workspace

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/packet"
)

// company is the registry and plans an export reads once.
type company struct {
	people  []app.Employee
	byCode  map[string]*app.Employee
	byUID   map[app.UID]*app.Employee
	units   []app.OrgUnit
	org     *app.Org
	byUnit  map[app.UID][]*app.Plan // plans by their person's unit
	byOwner map[app.UID][]*app.Plan // plans by person uid
	// templates are every template version, by uid and version.
	templates map[templateRef]*app.Template
}

// templateRef names one version of a template.
type templateRef struct {
	uid     app.UID
	version int
}

func (w *Workspace) loadCompany() (*company, error) {
	people, err := w.store.People()
	if err != nil {
		return nil, err
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, err
	}
	tpls, err := w.store.Templates()
	if err != nil {
		return nil, err
	}
	c := &company{people: people, units: units, org: app.NewOrg(units), byCode: map[string]*app.Employee{},
		byUID: map[app.UID]*app.Employee{}, byUnit: map[app.UID][]*app.Plan{}, byOwner: map[app.UID][]*app.Plan{},
		templates: make(map[templateRef]*app.Template, len(tpls))}
	for _, t := range tpls {
		c.templates[templateRef{t.UID, t.Version}] = t
	}
	for i := range people {
		c.byCode[people[i].Code], c.byUID[people[i].UID] = &people[i], &people[i]
	}
	for _, p := range plans {
		if p.PersonUID == "" {
			continue
		}
		c.byOwner[p.PersonUID] = append(c.byOwner[p.PersonUID], p)
		if e := c.byUID[p.PersonUID]; e != nil && e.Unit != "" {
			c.byUnit[e.Unit] = append(c.byUnit[e.Unit], p)
		}
	}
	return c, nil
}

// outgoing is one packet of an export, before it is written.
type outgoing struct {
	name string // file name
	pk   *packet.Packet
}

// ExportPackets writes one packet per unit head or chosen person into dir
// (file names from the unit or person code), through docs, and returns the
// files written. Every code must be known and every unit must have a head;
// nothing is written otherwise. A packet to managers carries each plan as
// its own base.
func (w *Workspace) ExportPackets(ctx context.Context, docs files.Documents, sel PacketSelection, dir string, o PacketOptions) ([]WrittenPacket, error) {
	if len(sel.Units)+len(sel.People) == 0 {
		return nil, fmt.Errorf("export packets: choose units or people")
	}
	c, err := w.loadCompany()
	if err != nil {
		return nil, fmt.Errorf("export packets: %w", err)
	}
	maker, err := w.maker()
	if err != nil {
		return nil, err
	}
	var outs []outgoing
	for _, code := range dedupe(sel.Units) {
		og, err := c.unitPacket(code)
		if err != nil {
			return nil, err
		}
		outs = append(outs, og)
	}
	for _, code := range dedupe(sel.People) {
		og, err := c.personPacket(code)
		if err != nil {
			return nil, err
		}
		outs = append(outs, og)
	}
	now := w.now().UTC()
	written := make([]WrittenPacket, 0, len(outs))
	for i, og := range outs {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		og.pk.Kind, og.pk.Maker, og.pk.MadeAt = packet.ToManagers, maker, now
		path := filepath.Join(dir, og.name)
		if err := writePacket(docs, path, og.pk, o.Password); err != nil {
			return written, err
		}
		written = append(written, WrittenPacket{Path: path, For: og.pk.For, Plans: len(og.pk.Items)})
		if o.Progress != nil {
			o.Progress(i+1, len(outs))
		}
	}
	return written, nil
}

// writePacket writes pk to path through docs, atomically.
func writePacket(docs files.Documents, path string, pk *packet.Packet, password string) error {
	if err := docs.WriteDocument(path, func(wr io.Writer) error { return packet.Write(wr, pk, password) }); err != nil {
		return fmt.Errorf("write packet %s: %w", path, err)
	}
	return nil
}

// maker is this workspace as a packet's maker.
func (w *Workspace) maker() (packet.Maker, error) {
	id, err := w.WorkspaceID()
	if err != nil {
		return packet.Maker{}, fmt.Errorf("workspace id: %w", err)
	}
	u, d := w.Identity()
	return packet.Maker{User: u, Device: d, Workspace: id}, nil
}

// unitPacket is the packet for the head of unit code: the plans of the
// people of the unit and its sub-units, the head's own left out.
func (c *company) unitPacket(code string) (outgoing, error) {
	u := c.org.ByCode(code)
	if u == nil {
		return outgoing{}, fmt.Errorf("export packets: no unit with code %q", code)
	}
	head := c.byUID[u.Head]
	if head == nil {
		return outgoing{}, fmt.Errorf("export packets: unit %s (%s) has no head to send its packet to: choose people instead", u.Code, u.Name)
	}
	var plans []*app.Plan
	for unit := range c.org.Subtree(u.UID) {
		for _, p := range c.byUnit[unit] {
			if p.PersonUID != head.UID {
				plans = append(plans, p)
			}
		}
	}
	pk := c.packetOf(plans, head)
	pk.For = packet.Recipient{Unit: u.Code, People: []string{head.Code}, Name: head.Name}
	return outgoing{name: fileName(u.Code + "-" + head.Code), pk: pk}, nil
}

// personPacket is the packet for one person: their own plans.
func (c *company) personPacket(code string) (outgoing, error) {
	e := c.byCode[code]
	if e == nil {
		return outgoing{}, fmt.Errorf("export packets: no person with employee code %q", code)
	}
	pk := c.packetOf(c.byOwner[e.UID], e)
	pk.For = packet.Recipient{People: []string{e.Code}, Name: e.Name}
	return outgoing{name: fileName(e.Code), pk: pk}, nil
}

// packetOf makes a packet of plans (in plan id order) with the people they
// refer to, the recipient, their units up to the root, and the template
// versions the plans were made from.
func (c *company) packetOf(plans []*app.Plan, to *app.Employee) *packet.Packet {
	slices.SortFunc(plans, func(a, b *app.Plan) int { return int(a.ID) - int(b.ID) })
	pk := &packet.Packet{Items: make([]packet.Item, len(plans))}
	people := map[app.UID]bool{}
	if to != nil {
		people[to.UID] = true
	}
	seen := map[templateRef]bool{}
	for i, p := range plans {
		pk.Items[i] = packet.Item{Plan: p, Base: p}
		people[p.PersonUID] = true
		ref := templateRef{p.TemplateUID, p.TemplateVersion}
		if t := c.templates[ref]; t != nil && !seen[ref] {
			seen[ref] = true
			pk.Templates = append(pk.Templates, t)
		}
	}
	pk.People, pk.Units = c.records(people)
	return pk
}

// records returns the registry records of the people uids, and of their
// units up to the root, in code order.
func (c *company) records(people map[app.UID]bool) ([]app.Employee, []app.OrgUnit) {
	var es []app.Employee
	units := map[app.UID]bool{}
	for i := range c.people {
		e := &c.people[i]
		if people[e.UID] {
			es = append(es, *e)
			for _, u := range c.org.Path(e.Unit) {
				units[u] = true
			}
		}
	}
	var us []app.OrgUnit
	for _, u := range c.units {
		if units[u.UID] {
			us = append(us, u)
		}
	}
	return es, us
}

// fileName makes a safe packet file name of s: letters, digits, "-" and
// "_" kept, anything else "_".
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s) + packet.Ext
}

func dedupe(codes []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range codes {
		c = strings.TrimSpace(c)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// ReadPacket reads and checks the packet file at path through docs (see
// packet.Read for the errors of a refused file) and sets its File.
func ReadPacket(docs files.Documents, path, password string) (*packet.Packet, error) {
	return readPacketWith(docs, path, password, packet.ReadOptions{})
}

// readPacketWith is ReadPacket with read options.
func readPacketWith(docs files.Documents, path, password string, o packet.ReadOptions) (*packet.Packet, error) {
	var pk *packet.Packet
	err := docs.ReadDocument(path, func(r io.Reader) error {
		var err error
		pk, err = packet.ReadWith(r, password, o)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	pk.File = path
	return pk, nil
}

// ReturnPacket writes the return packet to path through docs: every plan of
// the workspace as it is now, each received one with its base (the version
// received), the workspace's own without. It changes nothing in the
// workspace: the receiver remembers what it merged (app.PacketBase.BaseOf).
func (w *Workspace) ReturnPacket(docs files.Documents, path string, o PacketOptions) (*WrittenPacket, error) {
	c, err := w.loadCompany()
	if err != nil {
		return nil, fmt.Errorf("return packet: %w", err)
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, fmt.Errorf("return packet: %w", err)
	}
	bases, err := w.PacketBases()
	if err != nil {
		return nil, fmt.Errorf("return packet: %w", err)
	}
	maker, err := w.maker()
	if err != nil {
		return nil, err
	}
	if len(plans) == 0 {
		return nil, fmt.Errorf("return packet: the workspace has no plans to return")
	}
	pk := c.packetOf(plans, nil)
	var to []string
	for i := range pk.Items {
		b, ok := bases[pk.Items[i].Plan.UID]
		pk.Items[i].Base = nil
		if ok && b.From != "" && b.BaseOf == "" {
			pk.Items[i].Base = b.Base
			if !slices.Contains(to, b.From) {
				to = append(to, b.From)
			}
		}
	}
	pk.Kind, pk.Maker, pk.MadeAt = packet.Return, maker, w.now().UTC()
	pk.For = packet.Recipient{Name: strings.Join(to, ", ")}
	if err := writePacket(docs, path, pk, o.Password); err != nil {
		return nil, err
	}
	return &WrittenPacket{Path: path, For: pk.For, Plans: len(pk.Items)}, nil
}

// PacketBases returns, by plan uid, where each plan that travelled in a
// packet came from: the GUI marks those plans "from <From>".
func (w *Workspace) PacketBases() (map[app.UID]app.PacketBase, error) {
	list, err := w.store.PacketBases()
	if err != nil {
		return nil, err
	}
	out := make(map[app.UID]app.PacketBase, len(list))
	for _, b := range list {
		out[b.Plan] = b
	}
	return out, nil
}

// ReadPackets reads several packet files with one password, several at a
// time (one per processor), and returns them in the order of paths; the
// first refused file, in that order, is the error.
func ReadPackets(docs files.Documents, paths []string, password string) ([]*packet.Packet, error) {
	out := make([]*packet.Packet, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = ReadPacket(docs, paths[i], password)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
