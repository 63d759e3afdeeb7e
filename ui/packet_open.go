package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/progress"
	"kpiplanner/app/workspace"
)

// showPackets shows what can be done with packets, each with a line on
// when to use it: the one place the home screen opens them from.
func (u *UI) showPackets() {
	var d *dialog.CustomDialog
	row := func(label string, icon fyne.Resource, what string, do func()) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(label, icon, func() { d.Hide(); do() })
		b.Alignment = widget.ButtonAlignLeading
		l := widget.NewLabel(what)
		l.Wrapping = fyne.TextWrapWord
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(220, b.MinSize().Height), b), nil, l)
	}
	box := container.NewVBox(
		widget.NewLabelWithStyle(u.T("Managers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		row(u.T("Open packet…"), theme.FolderOpenIcon(), u.T("Bring the plans HR sent you into this workspace."), u.openPacket),
		row(u.T("Return to HR…"), theme.MailReplyIcon(), u.T("Write your plans, as you changed them, into a packet for HR."), u.returnPacket),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(u.T("HR"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		row(u.T("Send to managers…"), theme.MailSendIcon(), u.T("One packet per unit head, written into a folder such as the company's shared drive."), func() { u.sendPackets(nil) }),
		row(u.T("Collect packets…"), theme.DownloadIcon(), u.T("Read the packets managers returned and see every change and conflict before anything is saved."), u.collectPackets),
	)
	d = dialog.NewCustom(u.T("Packets"), u.T("Close"), box, u.win)
	d.Resize(fyne.NewSize(720, d.MinSize().Height))
	dialogKeys(u.win, d, d.Hide)
	d.Show()
}

// openPacket asks for a packet file and brings its plans into the
// workspace (the manager's side), then shows the plans list.
func (u *UI) openPacket() {
	u.chooseOpenFile([]string{packet.Ext}, u.openPacketAt)
}

// OpenFile opens a file given on the command line (a double-clicked
// packet): a packet's plans come into the workspace as with Open packet…;
// any other file gets a message saying what the app opens this way.
func (u *UI) OpenFile(path string) {
	if !strings.EqualFold(filepath.Ext(path), packet.Ext) {
		u.showError(errors.New(u.T("%s is not a packet (%s): open plans and workbooks from the plans list.", filepath.Base(path), packet.Ext)))
		return
	}
	u.openPacketAt(path)
}

// openPacketAt reads the packet at path (asking for its password when it
// has one) and brings its plans into the workspace.
func (u *UI) openPacketAt(path string) {
	u.readPackets([]string{path}, func(ps []*packet.Packet) {
		var res *workspace.OpenedPacket
		u.async(func() (err error) { res, _, err = u.ws.OpenPacket(ps[0]); return err }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.openHome()
			showMessage(u.win, u.T("Packet opened"), u.openedText(path, res))
		})
	})
}

// openedText says what opening the packet at path did.
func (u *UI) openedText(path string, res *workspace.OpenedPacket) string {
	lines := []string{u.T("From %s (%s), in %s.", res.From.User, res.From.Device, filepath.Base(path)),
		u.T("%d plans added, %d updated.", len(res.Added), len(res.Updated))}
	if len(res.Kept) > 0 {
		names := make([]string, len(res.Kept))
		for i, p := range res.Kept {
			names[i] = "• " + planLabel(p)
		}
		lines = append(lines, u.T("Kept as you changed them (the packet's version was not taken):")+"\n"+strings.Join(names, "\n"))
	}
	if res.People+res.Units > 0 {
		lines = append(lines, u.T("%d people and %d units added to the registry.", res.People, res.Units))
	}
	lines = append(lines, u.T("These plans are marked as coming from HR in the plans list. When you are done, use Packets, Return to HR."))
	return strings.Join(lines, "\n\n")
}

// planLabel names a plan by its name and person.
func planLabel(p *app.Plan) string {
	return joinNonEmpty(" · ", p.Name, p.Person.Name)
}

// returnPacket asks for an optional password and where to write the return
// packet, then writes it (the manager's side).
func (u *UI) returnPacket() {
	user, _ := u.ws.Identity()
	name := "return-" + fileSafe(user) + "-" + time.Now().Format("2006-01-02") + packet.Ext
	u.askPacketPassword(u.T("Return to HR"), func(pw string) {
		u.chooseSaveFile(name, func() string { return packet.Ext }, func(t saveTarget) {
			var wp *workspace.WrittenPacket
			task := u.newTask(u.T("Return to HR"), u.T("Writing %s…", filepath.Base(t.path)))
			task.run(func(_ context.Context, report progress.Func) (err error) {
				wp, err = u.ws.ReturnPacket(u.files, t.path, workspace.PacketOptions{Password: pw, Progress: report})
				return err
			}, func(err error) {
				if err != nil {
					dropPlaceholder(t, nil)
					u.showError(err)
					return
				}
				dropPlaceholder(t, []string{wp.Path})
				showMessage(u.win, u.T("Return packet written"), u.T("%s\n\n%d plans. Put this file where HR collects packets (for example the shared drive).", wp.Path, wp.Plans))
			})
		})
	})
}

// askPacketPassword asks for the optional password packets are encrypted
// with (typed twice) and calls then with it ("" for none).
func (u *UI) askPacketPassword(title string, then func(pw string)) {
	pw, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	note := widget.NewLabel(u.T("Optional: packets written with a password can only be opened with it. Tell it to the receivers another way than the packet."))
	note.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	items := []*widget.FormItem{{Widget: note}, widget.NewFormItem(u.T("Password"), pw), widget.NewFormItem(u.T("Password again"), again), {Widget: problem}}
	d := dialog.NewForm(title, u.T("Continue"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			then(pw.Text)
		}
	}, u.win)
	check := func(string) error {
		if pw.Text != again.Text {
			problem.SetText(u.T("The two passwords differ."))
			return fmt.Errorf("passwords differ")
		}
		problem.SetText("")
		return nil
	}
	again.Validator = check
	pw.OnChanged = func(string) { again.Validate() }
	d.Resize(fyne.NewSize(520, 300))
	u.formKeys(d, items)
	d.Show()
	u.win.Canvas().Focus(pw)
}

// fileSafe makes s usable in a file name: letters, digits and dashes.
func fileSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '_' || r == '-':
			return '-'
		case strings.ContainsRune(`/\:*?"<>|.`, r) || r < ' ':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "manager"
	}
	return s
}
