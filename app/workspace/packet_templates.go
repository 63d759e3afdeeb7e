package workspace

import (
	"fmt"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// packetTemplates checks the template versions packets bring against the
// workspace's: a version it lacks is listed to save as it is; one it has
// must have the same content (a differing one is refused, never
// overwritten).
type packetTemplates struct {
	have  map[templateRef]*app.Template // ours, and those listed to save
	toAdd []*app.Template
}

// newPacketTemplates reads the workspace's template versions.
func (w *Workspace) newPacketTemplates() (*packetTemplates, error) {
	ts, err := w.store.Templates()
	if err != nil {
		return nil, err
	}
	pt := &packetTemplates{have: make(map[templateRef]*app.Template, len(ts))}
	for _, t := range ts {
		pt.have[templateRef{t.UID, t.Version}] = t
	}
	return pt, nil
}

// add checks the templates of pk, refusing one whose version differs from
// the one of the same uid and version the workspace (or an earlier packet
// of the merge) has.
func (pt *packetTemplates) add(pk *packet.Packet) error {
	for _, t := range pk.Templates {
		ref := templateRef{t.UID, t.Version}
		ours := pt.have[ref]
		if ours == nil {
			pt.have[ref] = t
			pt.toAdd = append(pt.toAdd, t)
			continue
		}
		if d := app.DiffTemplates(ours, t); len(d) > 0 {
			return fmt.Errorf("plan merge: template %q version %d in packet %s differs from the version %d this workspace has (%s changed, among %d difference(s)): nothing was saved; ask its sender, the same version must not differ",
				t.Name, t.Version, pk.File, t.Version, d[0].Path, len(d))
		}
	}
	return nil
}

// saveTemplates stores the template versions m brings, as they are.
func saveTemplates(tx app.Tx, m *packet.MergePlan) error {
	for _, t := range m.Templates {
		if err := tx.SaveTemplateVersion(t); err != nil {
			return fmt.Errorf("template %s v%d: %w", t.Name, t.Version, err)
		}
	}
	return nil
}
