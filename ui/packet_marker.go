package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

// packetOrigins returns, by plan id, where each plan that came in a packet
// came from ("From HR: Lan (hr-laptop)"); nil when none did. It reads the
// database: call it off the UI goroutine.
func (u *UI) packetOrigins() map[app.PlanID]string {
	bases, err := u.ws.PacketBases()
	if err != nil {
		fyne.LogError("read the packet bases for the plans list", err)
		return nil
	}
	if len(bases) == 0 {
		return nil
	}
	plans, err := u.ws.Store().Plans() // a manager's workspace: a few plans
	if err != nil {
		fyne.LogError("read the plans for the packet marks", err)
		return nil
	}
	out := map[app.PlanID]string{}
	for _, p := range plans {
		if b, ok := bases[p.UID]; ok && fromHR(b) {
			out[p.ID] = u.originText(b)
		}
	}
	return out
}

// fromHR reports whether b records a plan received from HR in a packet (not
// one made here, nor one HR merged from a manager's return: BaseOf is set
// on the side that merged a return).
func fromHR(b app.PacketBase) bool { return b.From != "" && b.BaseOf == "" }

// originText says where a plan that travelled in a packet came from.
func (u *UI) originText(b app.PacketBase) string {
	return u.T("From HR: %s (%s), %s", b.From, b.Device, u.tr.FormatDate(app.DateOf(b.At.Local())))
}

// personText is the plans list's person cell: the person, marked when the
// plan came from HR in a packet.
func (h *homeScreen) personText(r workspace.Summary) string {
	if _, ok := h.origins[r.ID]; ok {
		return h.u.T("%s · from HR", r.Person)
	}
	return r.Person
}

// originMark is the plan screen's mark of a plan that came from HR in a
// packet; hidden for the others.
func (s *planScreen) originMark() fyne.CanvasObject {
	u := s.u
	l := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	l.Importance = widget.WarningImportance
	icon := widget.NewIcon(theme.MailComposeIcon())
	box := container.NewHBox(icon, l)
	box.Hide()
	uid := s.snap.UID
	var text string
	u.async(func() error {
		bases, err := u.ws.PacketBases()
		if b, ok := bases[uid]; err == nil && ok && fromHR(b) {
			text = u.originText(b)
		}
		return err
	}, func(err error) {
		if err != nil {
			fyne.LogError("read the packet base of the plan", err)
		}
		if text != "" {
			l.SetText(text)
			box.Show()
		}
	})
	return box
}
