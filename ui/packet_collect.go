package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
)

// collectPackets asks for a folder of returned packets or one packet file,
// reads them and shows what merging them would do, before anything is saved.
func (u *UI) collectPackets() {
	var d *dialog.CustomDialog
	intro := widget.NewLabel(u.T("Collect the packets managers returned: every packet in a folder, or one file. You will see every change and conflict before anything is saved."))
	intro.Wrapping = fyne.TextWrapWord
	folder := widget.NewButtonWithIcon(u.T("A folder…"), theme.FolderOpenIcon(), func() {
		d.Hide()
		u.chooseFolder(u.T("Collect packets"), u.collectFolder)
	})
	folder.Importance = widget.HighImportance
	file := widget.NewButtonWithIcon(u.T("A file…"), theme.FileIcon(), func() {
		d.Hide()
		u.chooseOpenFile([]string{packet.Ext}, func(path string) { u.collectFiles([]string{path}) })
	})
	cancel := widget.NewButton(u.T("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(u.T("Collect packets"), intro, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, file, folder})
	d.Resize(fyne.NewSize(560, 200))
	dialogKeys(u.win, d, folder.OnTapped)
	d.Show()
}

// collectFolder collects every packet file directly in dir.
func (u *UI) collectFolder(dir string) {
	var paths []string
	u.async(func() (err error) { paths, err = packetsIn(dir); return err }, func(err error) {
		switch {
		case err != nil:
			u.showError(err)
		case len(paths) == 0:
			showMessage(u.win, u.T("Collect packets"), u.T("There is no packet (%s file) in %s.", packet.Ext, dir))
		default:
			u.collectFiles(paths)
		}
	})
}

// collectFiles reads the packets at paths and plans their merge, then
// shows the preview.
func (u *UI) collectFiles(paths []string) {
	u.notify(u.T("Reading %d packets…", len(paths)))
	u.readPackets(paths, func(ps []*packet.Packet) {
		var m *packet.MergePlan
		u.async(func() (err error) { m, err = u.ws.PlanMerge(ps...); return err }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Nothing is saved until you press Apply."))
			u.show(newMergePreview(u, m))
		})
	})
}

// applyMerge lands the merge with the choices made, in one transaction,
// then says what it did and shows the plans list.
func (p *mergePreview) onApply() {
	u := p.u
	if left := p.choices.Unresolved(p.m); len(left) > 0 {
		showMessage(u.win, u.T("Conflicts left"), u.T("%d conflicts have no choice yet: choose Keep ours or Take theirs for each, or for a whole packet.", len(left)))
		return
	}
	enable(p.apply, false)
	var res *workspace.MergeResult
	u.async(func() (err error) { res, err = u.ws.ApplyMerge(p.m, p.choices); return err }, func(err error) {
		enable(p.apply, true)
		if err != nil {
			u.showError(err)
			return
		}
		u.openHome()
		showMessage(u.win, u.T("Packets merged"), u.mergedText(p.m, res))
	})
}

// mergedText says what applying the merge did.
func (u *UI) mergedText(m *packet.MergePlan, res *workspace.MergeResult) string {
	files := ""
	for _, s := range m.Packets {
		files += "\n• " + filepath.Base(s.File)
	}
	return u.T("%d plans created, %d plans changed, %d fields changed; %d people and %d units added.",
		res.Created, res.Updated, res.Changes, res.People, res.Units) + "\n" + u.T("Each change is in the plan's history, naming the packet and its sender.") +
		"\n" + fmt.Sprint(u.T("Packets:"), files)
}
