package app

import "sync"

// Org is the organisation as loaded: units by uid and the tree between them.
// Its methods may be called from several goroutines at once (the storage
// resolves plans in parallel); Units must not be changed meanwhile.
type Org struct {
	Units    map[UID]*OrgUnit
	children map[UID][]UID
	mu       sync.Mutex    // guards paths
	paths    map[UID][]UID // Path's answers, computed once per unit
}

// NewOrg indexes units; a unit whose parent is unknown hangs under the root.
func NewOrg(units []OrgUnit) *Org {
	o := &Org{Units: make(map[UID]*OrgUnit, len(units)), children: map[UID][]UID{}, paths: map[UID][]UID{}}
	for i := range units {
		o.Units[units[i].UID] = &units[i]
	}
	for i := range units {
		p := units[i].Parent
		if _, ok := o.Units[p]; !ok {
			p = ""
		}
		o.children[p] = append(o.children[p], units[i].UID)
	}
	return o
}

// Path returns the uids from unit up to the root, unit first; a cycle in
// the parent links stops the walk.
func (o *Org) Path(unit UID) []UID {
	if unit == "" {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if p, ok := o.paths[unit]; ok {
		return p
	}
	var out []UID
	for u := unit; u != "" && len(out) <= len(o.Units); { // longer than the tree: a cycle
		n, ok := o.Units[u]
		if !ok {
			break
		}
		out = append(out, u)
		u = n.Parent
	}
	o.paths[unit] = out
	return out
}

// Children returns the direct children of unit ("" for the top level).
func (o *Org) Children(unit UID) []UID { return o.children[unit] }

// Subtree returns unit and every unit below it.
func (o *Org) Subtree(unit UID) map[UID]bool {
	out := map[UID]bool{}
	stack := []UID{unit}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[u] {
			continue
		}
		out[u] = true
		stack = append(stack, o.children[u]...)
	}
	return out
}

// ByCode returns the unit with the given code, or nil.
func (o *Org) ByCode(code string) *OrgUnit {
	for _, u := range o.Units {
		if u.Code == code {
			return u
		}
	}
	return nil
}

// Name returns the unit's name, or "" when unknown.
func (o *Org) Name(unit UID) string {
	if u, ok := o.Units[unit]; ok {
		return u.Name
	}
	return ""
}

// WouldCycle reports whether making parent the parent of unit would put
// unit inside its own subtree.
func (o *Org) WouldCycle(unit, parent UID) bool {
	return parent != "" && o.Subtree(unit)[parent]
}
