package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// unitPicker chooses an org unit from a select of the tree, indented by depth.
type unitPicker struct {
	sel  *widget.Select
	uids []app.UID // by option; "" for the none option
}

// newUnitPicker offers none (when noneLabel is not "") and every unit not in skip.
func newUnitPicker(u *UI, r *roster.Roster, noneLabel string, skip map[app.UID]bool) *unitPicker {
	p := &unitPicker{}
	var labels []string
	if noneLabel != "" {
		labels, p.uids = append(labels, noneLabel), append(p.uids, "")
	}
	for _, uid := range r.UnitOrder {
		if !skip[uid] {
			labels, p.uids = append(labels, r.UnitLabel(uid)), append(p.uids, uid)
		}
	}
	p.sel = widget.NewSelect(labels, nil)
	p.sel.PlaceHolder = u.T("Pick a unit")
	return p
}

// set selects unit uid.
func (p *unitPicker) set(uid app.UID) {
	for i, x := range p.uids {
		if x == uid {
			p.sel.SetSelectedIndex(i)
			return
		}
	}
	p.sel.ClearSelected()
}

// value returns the chosen unit, "" for none.
func (p *unitPicker) value() app.UID {
	if i := p.sel.SelectedIndex(); i >= 0 && i < len(p.uids) {
		return p.uids[i]
	}
	return ""
}

// personPickerShown is how many matches a person picker lists as the user types.
const personPickerShown = 30

// personPicker chooses a person by typing part of a name or code (accents
// optional); the list under it shows the first matches. It scales to a
// registry of tens of thousands, where a plain select would not.
type personPicker struct {
	u     *UI
	entry *widget.SelectEntry
	reg   *roster.Roster
	self  app.UID // the person being edited, never offered
}

func newPersonPicker(u *UI, r *roster.Roster, self app.UID) *personPicker {
	p := &personPicker{u: u, reg: r, self: self}
	p.entry = widget.NewSelectEntry(nil)
	p.entry.SetPlaceHolder(u.T("Type a name or code"))
	p.entry.OnChanged = func(string) { p.refresh() }
	p.refresh()
	return p
}

// refresh lists the first people matching what is typed.
func (p *personPicker) refresh() {
	words := roster.Words(p.entry.Text)
	var out []string
	for _, e := range p.reg.Sorted {
		if e.UID == p.self || e.Archived() {
			continue
		}
		if p.reg.Match(e.UID, words) || p.reg.PersonLabel(e.UID) == p.entry.Text {
			out = append(out, p.reg.PersonLabel(e.UID))
			if len(out) == personPickerShown {
				break
			}
		}
	}
	p.entry.SetOptions(out)
}

// set shows person uid ("" for none).
func (p *personPicker) set(uid app.UID) {
	p.entry.SetText(p.reg.PersonLabel(uid))
}

// value returns the chosen person: "" when the text is empty, an error when
// it names nobody (or several people).
func (p *personPicker) value() (app.UID, error) {
	text := strings.TrimSpace(p.entry.Text)
	if text == "" {
		return "", nil
	}
	var found []app.UID
	words := roster.Words(text)
	for _, e := range p.reg.Sorted {
		if p.reg.PersonLabel(e.UID) == text || e.Code == text {
			return e.UID, nil
		}
		if e.UID != p.self && p.reg.Match(e.UID, words) {
			found = append(found, e.UID)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(found) == 0 {
		return "", pickErr(app.M("nobody matches %q", text))
	}
	return "", pickErr(app.M("%d people match %q: pick one from the list", len(found), text))
}

// pickErr is a picker's complaint, translated by the translator's Err.
type pickErr app.Msg

func (e pickErr) Error() string { return fmt.Sprint(app.Msg(e)) }

// Message returns the complaint as a translatable message.
func (e pickErr) Message() app.Msg { return app.Msg(e) }
