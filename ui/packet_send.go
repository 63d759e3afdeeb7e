package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/progress"
	"kpiplanner/app/roster"
	"kpiplanner/app/workspace"
)

// sendDialog chooses the units whose heads get a packet (HR's side).
type sendDialog struct {
	u      *UI
	reg    *roster.Roster
	chosen map[app.UID]bool
	list   *widget.List
	count  *widget.Label
	d      *dialog.CustomDialog
	send   *widget.Button
}

// sendPackets shows the units to send packets for, with pre chosen, once
// the registry is read.
func (u *UI) sendPackets(pre []app.UID) {
	var reg *roster.Roster
	u.async(func() (err error) { reg, err = u.loadRoster(); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(reg.UnitOrder) == 0 {
			showMessage(u.win, u.T("Send to managers"), u.T("There is no unit yet: add the organisation's units and their heads first."))
			return
		}
		s := &sendDialog{u: u, reg: reg, chosen: map[app.UID]bool{}}
		for _, uid := range pre {
			s.chosen[uid] = true
		}
		s.show()
	})
}

func (s *sendDialog) show() {
	u := s.u
	s.list = widget.NewList(func() int { return len(s.reg.UnitOrder) },
		func() fyne.CanvasObject {
			return widget.NewCheck("Phòng Kinh doanh miền Nam (KD-MN) · Nguyễn Thị Minh Khai", nil)
		},
		s.updateRow)
	s.count = widget.NewLabel("")
	intro := widget.NewLabel(u.T("Each unit chosen gets one packet for its head, with the plans of its people and of the units below it."))
	intro.Wrapping = fyne.TextWrapWord
	all := widget.NewButton(u.T("All"), func() { s.setAll(true) })
	none := widget.NewButton(u.T("None"), func() { s.setAll(false) })
	top := container.NewVBox(intro, container.NewBorder(nil, nil, nil, container.NewHBox(all, none), s.count))
	cancel := widget.NewButton(u.T("Cancel"), func() { s.d.Hide() })
	s.send = widget.NewButton(u.T("Choose the folder…"), s.onSend)
	s.send.Importance = widget.HighImportance
	s.d = dialog.NewCustomWithoutButtons(u.T("Send to managers"), container.NewBorder(top, nil, nil, nil, s.list), u.win)
	s.d.SetButtons([]fyne.CanvasObject{cancel, s.send})
	size := u.win.Canvas().Size()
	s.d.Resize(fyne.NewSize(min(640, size.Width*0.95), min(480, size.Height*0.9)))
	dialogKeys(u.win, s.d, func() {
		if !s.send.Disabled() {
			s.onSend()
		}
	})
	s.refreshCount()
	s.d.Show()
}

// updateRow shows unit row i: its name, code and head.
func (s *sendDialog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*widget.Check)
	uid := s.reg.UnitOrder[i]
	head := s.reg.PersonLabel(s.reg.Org.Units[uid].Head)
	if head == "" {
		head = s.u.T("no head")
	}
	c.OnChanged = nil
	c.Text = s.reg.UnitLabel(uid) + " · " + head
	c.SetChecked(s.chosen[uid])
	c.OnChanged = func(on bool) { s.chosen[uid] = on; s.refreshCount() }
	c.Refresh()
}

func (s *sendDialog) setAll(on bool) {
	for _, uid := range s.reg.UnitOrder {
		s.chosen[uid] = on
	}
	s.list.Refresh()
	s.refreshCount()
}

// codes returns the codes of the chosen units, in tree order.
func (s *sendDialog) codes() []string {
	var out []string
	for _, uid := range s.reg.UnitOrder {
		if s.chosen[uid] {
			out = append(out, s.reg.Org.Units[uid].Code)
		}
	}
	return out
}

func (s *sendDialog) refreshCount() {
	n := len(s.codes())
	s.count.SetText(s.u.T("%d of %d units chosen", n, len(s.reg.UnitOrder)))
	enable(s.send, n > 0)
}

// onSend asks for the password and the folder, then writes the packets.
func (s *sendDialog) onSend() {
	u := s.u
	codes := s.codes()
	s.d.Hide()
	u.askPacketPassword(u.T("Send to managers"), func(pw string) {
		u.chooseFolder(u.T("Where to write the packets"), func(dir string) {
			u.writePackets(workspace.PacketSelection{Units: codes}, dir, pw)
		})
	})
}

// writePackets writes the packets of sel into dir with a progress bar,
// then lists the files written.
func (u *UI) writePackets(sel workspace.PacketSelection, dir, pw string) {
	var written []workspace.WrittenPacket
	t := u.newTask(u.T("Send to managers"), u.T("Writing the packets into %s…", dir))
	t.run(func(ctx context.Context, report progress.Func) (err error) {
		written, err = u.ws.ExportPackets(ctx, u.files, sel, dir, workspace.PacketOptions{Password: pw, Progress: report})
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			u.notify(u.T("Sending cancelled: no packet was written."))
			return
		case err != nil:
			u.showError(err)
			return
		}
		showMessage(u.win, u.T("Packets written"), u.sentText(written, pw != ""))
		u.notify(u.T("%d packets written into %s", len(written), dir))
	})
}

// sentText lists the packets written: file, for whom, how many plans.
func (u *UI) sentText(written []workspace.WrittenPacket, encrypted bool) string {
	lines := make([]string, len(written))
	for i, w := range written {
		lines[i] = u.T("%s: for %s, %d plans", w.Path, w.For.Name, w.Plans)
	}
	out := u.T("%d packets written:", len(written)) + "\n" + strings.Join(lines, "\n")
	if encrypted {
		out += "\n\n" + u.T("They are encrypted: tell the managers the password another way than the packets.")
	}
	return out
}

// onSendPackets offers to send packets, the selected unit chosen.
func (o *orgScreen) onSendPackets() {
	var pre []app.UID
	if o.sel != "" {
		pre = []app.UID{o.sel}
	}
	o.u.sendPackets(pre)
}

// onSendPackets writes one packet per selected person, carrying their own
// plans, into a folder the user picks.
func (s *peopleScreen) onSendPackets() {
	u := s.u
	var codes []string
	for _, uid := range s.selection() {
		if e := s.reg.ByUID[uid]; e != nil {
			codes = append(codes, e.Code)
		}
	}
	if len(codes) == 0 {
		return
	}
	u.askPacketPassword(u.T("Send to managers"), func(pw string) {
		u.chooseFolder(u.T("Where to write the packets"), func(dir string) {
			u.writePackets(workspace.PacketSelection{People: codes}, dir, pw)
		})
	})
}
