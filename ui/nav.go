package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navItem is one entry of the left-hand navigation.
type navItem struct {
	label string
	icon  fyne.Resource
	open  func()
}

func (u *UI) navItems() []navItem {
	return []navItem{
		{u.T("Plans"), theme.ListIcon(), u.openHome},
		{u.T("New plan"), theme.ContentAddIcon(), u.newPlan},
		{u.T("Dashboards"), theme.GridIcon(), u.openDashboards},
		{u.T("KPI library"), theme.FolderOpenIcon(), u.openLibrary},
		{u.T("Staff"), theme.AccountIcon(), u.openPeople},
		{u.T("Organisation"), theme.StorageIcon(), u.openOrg},
		{u.T("Position templates"), theme.DocumentIcon(), u.openTemplates},
		{u.T("KPI audit"), theme.WarningIcon(), u.openAudit},
		{u.T("Bonus"), theme.ConfirmIcon(), u.openBonus}, // bonus pools and calibration (issue 14)
		{u.T("Settings"), theme.SettingsIcon(), u.openSettings},
	}
}

func (u *UI) newNav() *widget.List {
	// The template holds the longest label, so the list is never narrower than its entries.
	longest := ""
	for _, it := range u.items {
		if len([]rune(it.label)) > len([]rune(longest)) {
			longest = it.label
		}
	}
	l := widget.NewList(
		func() int { return len(u.items) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.ListIcon()), widget.NewLabel(longest))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(u.items[i].icon)
			box.Objects[1].(*widget.Label).SetText(u.items[i].label)
		})
	l.OnSelected = func(i widget.ListItemID) { u.items[i].open() }
	return l
}

// selectNav highlights nav entry i without reopening its screen.
func (u *UI) selectNav(i int) {
	if u.nav == nil {
		return
	}
	open := u.nav.OnSelected
	u.nav.OnSelected = nil
	u.nav.Select(i)
	u.nav.OnSelected = open
}

// Navigation positions.
const (
	navPlans = iota
	navNew
	navDashboards
	navLibrary
	navPeople
	navOrg
	navTemplates
	navAudit
	navBonus // issue 14
	navSettings
)

func (u *UI) openHome() {
	u.selectNav(navPlans)
	u.show(u.home)
	u.home.reload()
}

func (u *UI) openSettings() {
	u.selectNav(navSettings)
	u.show(newSettingsScreen(u))
}

// addShortcuts registers the window's keyboard shortcuts.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	ctrl := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	ctrl(fyne.KeyN, u.newPlan)
	ctrl(fyne.KeyS, u.onSaveShortcut)
	ctrl(fyne.KeyF, u.onSearchShortcut)
	// Fyne sends Ctrl+Z as its own Undo shortcut, never as a custom one.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.onUndo() })
}

// saver is a screen with something to save (Ctrl+S).
type saver interface{ save() }

// searcher is a screen with a search field (Ctrl+F).
type searcher interface{ focusSearch() }

// undoListener is a screen that reloads after an undo touched plan data.
type undoListener interface{ afterUndo() }

func (u *UI) onSaveShortcut() {
	if s, ok := u.cur.(saver); ok {
		s.save()
	}
}

func (u *UI) onSearchShortcut() {
	if s, ok := u.cur.(searcher); ok {
		s.focusSearch()
	}
}

// screenUndoer is a screen with its own undo (the calibration's moves); undo
// reports whether it took something back.
type screenUndoer interface{ undo() bool }

// onUndo reverts the shown screen's last step when it has its own undo, else
// the last destructive action of the workspace.
func (u *UI) onUndo() {
	if s, ok := u.cur.(screenUndoer); ok && s.undo() {
		return
	}
	if _, ok := u.ws.CanUndo(); !ok {
		u.notify(u.T("Nothing to undo"))
		return
	}
	var what string
	u.async(func() error {
		m, _, err := u.ws.Undo()
		what = u.tr.Msg(m)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Undone: %s", what))
		if l, ok := u.cur.(undoListener); ok {
			l.afterUndo()
		}
	})
}
