package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"

	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
)

// packetReader reads packet files one after the other off the UI
// goroutine, asking for the password of an encrypted one (trying first the
// password that opened the one before, as HR sends a batch with one password).
type packetReader struct {
	u     *UI
	paths []string
	got   []*packet.Packet
	last  string // the password that opened the last encrypted packet
	done  func([]*packet.Packet)
}

// readPackets reads the packet files at paths and calls done with them, on
// the UI goroutine; a refused file stops the reading with a message naming
// it, and so does giving up on a password: then done is not called.
func (u *UI) readPackets(paths []string, done func([]*packet.Packet)) {
	r := &packetReader{u: u, paths: paths, done: done}
	r.read(0, "", false)
}

// read reads packet i with password pw (typed says the user typed it).
func (r *packetReader) read(i int, pw string, typed bool) {
	u := r.u
	if i == len(r.paths) {
		r.done(r.got)
		return
	}
	path := r.paths[i]
	var p *packet.Packet
	u.async(func() (err error) {
		p, err = workspace.ReadPacket(u.files, path, pw)
		return err
	}, func(err error) {
		switch {
		case err == nil:
			if pw != "" {
				r.last = pw
			}
			r.got = append(r.got, p)
			r.read(i+1, r.last, false)
		case errors.Is(err, packet.ErrPasswordNeeded) || errors.Is(err, packet.ErrWrongPassword):
			if !typed {
				err = packet.ErrPasswordNeeded // the password tried was not one the user typed for this file
			}
			u.notify(u.T("Packet %s is encrypted.", filepath.Base(path)))
			u.askPassword(err, func(pw string) { r.read(i, pw, true) }, func() {})
		default:
			fyne.LogError("read packet "+path, err)
			showMessage(u.win, u.T("This packet cannot be read"), path+"\n\n"+u.tr.Err(err))
		}
	})
}
