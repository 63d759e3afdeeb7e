package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// orgScreen shows the organisation tree with each unit's head and headcount,
// the actions on a unit (add, rename, move, set head, approve its submitted
// plans) and the period close.
type orgScreen struct {
	u          *UI
	reg        *roster.Roster
	closes     []app.PeriodClose
	sel        app.UID // the selected unit; "" for none
	tree       *widget.Tree
	detail     *widget.Label
	actionAdd  *widget.Button
	actions    []*widget.Button // need a selected unit: rename, move, set head, approve
	approveBtn *widget.Button
	periods    *periodsPanel
	dialog     *unitDialog // the unit dialog while it is open
	root       fyne.CanvasObject
}

func (u *UI) openOrg() {
	u.selectNav(navOrg)
	o := newOrgScreen(u)
	u.show(o)
	o.reload()
}

func newOrgScreen(u *UI) *orgScreen {
	o := &orgScreen{u: u, reg: roster.New(nil, nil)}
	o.tree = widget.NewTree(o.childUIDs, o.isBranch, o.createNode, o.updateNode)
	o.tree.OnSelected = o.onSelect
	o.tree.OnUnselected = func(widget.TreeNodeID) { o.sel = ""; o.showDetail() }
	o.detail = widget.NewLabel("")
	o.detail.Wrapping = fyne.TextWrapWord
	o.periods = newPeriodsPanel(o)
	o.root = o.build()
	return o
}

func (o *orgScreen) view() fyne.CanvasObject { return o.root }

func (o *orgScreen) build() fyne.CanvasObject {
	u := o.u
	o.actionAdd = widget.NewButtonWithIcon(u.T("Add unit"), theme.ContentAddIcon(), o.onAdd)
	o.actionAdd.Importance = widget.HighImportance
	rename := widget.NewButtonWithIcon(u.T("Rename…"), theme.DocumentCreateIcon(), o.onRename)
	move := widget.NewButtonWithIcon(u.T("Move…"), theme.ViewRestoreIcon(), o.onMove)
	head := widget.NewButtonWithIcon(u.T("Set head…"), theme.AccountIcon(), o.onHead)
	o.approveBtn = widget.NewButtonWithIcon(u.T("Approve submitted plans…"), theme.ConfirmIcon(), o.onApproveUnit)
	o.actions = []*widget.Button{rename, move, head, o.approveBtn}
	title := widget.NewLabelWithStyle(u.T("Organisation"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewVBox(
		container.NewGridWithColumns(2, o.actionAdd, rename, move, head),
		o.approveBtn,
		cappedMessage(o.detail, 3, true),
		widget.NewSeparator(),
		o.periods.view(),
	)
	split := container.NewHSplit(o.tree, container.NewVScroll(right))
	split.Offset = 0.42
	o.showDetail()
	imp := widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), u.importPeople)
	exp := widget.NewButtonWithIcon(u.T("Export…"), theme.DownloadIcon(), u.exportPeople)
	send := widget.NewButtonWithIcon(u.T("Send to managers…"), theme.MailSendIcon(), o.onSendPackets) // ui/packet_send.go
	return container.NewBorder(container.NewBorder(nil, nil, title, container.NewHBox(send, imp, exp)), nil, nil, nil, split)
}

// reload reads the people, units and period closes in the background.
func (o *orgScreen) reload() {
	u := o.u
	var reg *roster.Roster
	var closes []app.PeriodClose
	u.async(func() (err error) {
		if reg, err = u.loadRoster(); err != nil {
			return err
		}
		closes, err = u.ws.Store().PeriodCloses()
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		o.reg = reg
		o.closes = closes
		o.tree.Refresh()
		o.tree.OpenAllBranches()
		if o.sel != "" {
			o.tree.Select(string(o.sel))
		}
		o.showDetail()
		o.periods.refresh()
	})
}

// childUIDs lists a tree node's children in Vietnamese name order.
func (o *orgScreen) childUIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	kids := o.reg.Kids[app.UID(id)]
	out := make([]widget.TreeNodeID, len(kids))
	for i, k := range kids {
		out[i] = string(k)
	}
	return out
}

// parentOf is a unit's parent in the tree: "" when it has none or it is unknown.
func (o *orgScreen) parentOf(uid app.UID) app.UID {
	p := o.reg.Org.Units[uid].Parent
	if _, ok := o.reg.Org.Units[p]; !ok {
		return ""
	}
	return p
}

func (o *orgScreen) isBranch(id widget.TreeNodeID) bool {
	return id == "" || len(o.reg.Kids[app.UID(id)]) > 0
}

func (o *orgScreen) createNode(bool) fyne.CanvasObject {
	l := widget.NewLabel("Phòng Kinh doanh miền Nam (KD-MN) · Nguyễn Thị Minh Khai · 120 người")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (o *orgScreen) updateNode(id widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
	obj.(*widget.Label).SetText(o.nodeText(app.UID(id)))
}

// nodeText is a unit's line in the tree: name, code, head and headcount.
func (o *orgScreen) nodeText(uid app.UID) string {
	u := o.u
	unit, ok := o.reg.Org.Units[uid]
	if !ok {
		return ""
	}
	_, total := o.reg.Headcount(uid)
	return joinNonEmpty(" · ", unit.Name+" ("+unit.Code+")", o.reg.NameOf(unit.Head), u.T("%d people", total))
}

func (o *orgScreen) onSelect(id widget.TreeNodeID) {
	o.sel = app.UID(id)
	o.showDetail()
}

// showDetail describes the selected unit and enables the actions on it.
func (o *orgScreen) showDetail() {
	u := o.u
	unit, ok := o.reg.Org.Units[o.sel]
	for _, b := range o.actions {
		enable(b, ok)
	}
	if !ok {
		o.detail.SetText(u.T("%d units, %d people", len(o.reg.Org.Units), len(o.reg.People)))
		return
	}
	direct, total := o.reg.Headcount(o.sel)
	parent := o.reg.Org.Name(o.parentOf(o.sel))
	if parent == "" {
		parent = u.T("none (top level)")
	}
	head := o.reg.PersonLabel(unit.Head)
	if head == "" {
		head = u.T("none")
	}
	o.detail.SetText(u.T("%s (%s)\nPart of: %s · Head: %s\n%d people directly, %d with the units below", unit.Name, unit.Code,
		parent, head, direct, total))
}

// selected returns a copy of the selected unit, or nil.
func (o *orgScreen) selected() *app.OrgUnit {
	if unit, ok := o.reg.Org.Units[o.sel]; ok {
		c := *unit
		return &c
	}
	return nil
}
