package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"kpiplanner/app/workspace"
)

func init() {
	commands["history"] = command{"history PLAN [--json]", "list a plan's change history, oldest first: time, user, what changed, old and new value, reason", cmdHistory}
	commands["whoami"] = command{"whoami [--set-user NAME] [--set-device NAME]",
		"show (or set) the user and device names changes are recorded under; this is attribution, not access control", cmdWhoami}
}

// historyJSON is one entry of `kpi history --json`.
type historyJSON struct {
	Seq    uint64 `json:"seq"`
	Time   string `json:"time"`
	User   string `json:"user"`
	Device string `json:"device"`
	Source string `json:"source"`
	Path   string `json:"path"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Reason string `json:"reason"`
}

func cmdHistory(e *env, fs *flag.FlagSet) error {
	asJSON := fs.Bool("json", false, "print a JSON array")
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	p, err := findPlan(s, pos[0])
	if err != nil {
		return err
	}
	entries, err := workspace.New(s).History(p.ID)
	if err != nil {
		return err
	}
	out := make([]historyJSON, len(entries))
	for i, h := range entries {
		out[i] = historyJSON{Seq: h.Seq, Time: h.At.UTC().Format(time.RFC3339), User: h.User, Device: h.Device, Source: h.Source,
			Path: h.Path, Old: h.Old, New: h.New, Reason: h.Reason}
	}
	if *asJSON {
		return printJSON(e, out)
	}
	w := tabwriter.NewWriter(&termWriter{w: e.out}, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "TIME\tUSER\tPATH\tOLD\tNEW\tREASON")
	for _, h := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", strings.Replace(h.Time, "T", " ", 1), clean(h.User), clean(h.Path), clean(h.Old), clean(h.New), clean(h.Reason))
	}
	return w.Flush()
}

func cmdWhoami(e *env, fs *flag.FlagSet) error {
	var userName, device optString
	fs.Var(&userName, "set-user", "record changes under this user name (\"\" goes back to the system's user name)")
	fs.Var(&device, "set-device", "record changes under this device name (\"\" goes back to the computer's name)")
	_, err := e.parse(fs, 0, 0)
	if err != nil {
		return err
	}
	if userName.set || device.set {
		s, err := e.open()
		if err != nil {
			return err
		}
		ws := workspace.New(s)
		u, _ := s.Setting(workspace.SettingUser)
		d, _ := s.Setting(workspace.SettingDevice)
		if userName.set {
			u = userName.v
		}
		if device.set {
			d = device.v
		}
		if err := ws.SetIdentity(u, d); err != nil {
			return err
		}
	}
	s := e.store
	if s == nil {
		if s, err = e.openRead(); errors.Is(err, os.ErrNotExist) {
			s, err = e.open()
		}
		if err != nil {
			return err
		}
	}
	u, d := workspace.New(s).Identity()
	fmt.Fprintf(&termWriter{w: e.out}, "user: %s\ndevice: %s\n", clean(u), clean(d))
	return nil
}

// optString is a string flag that knows whether it was given.
type optString struct {
	v   string
	set bool
}

func (o *optString) String() string { return o.v }

func (o *optString) Set(s string) error { o.v, o.set = s, true; return nil }
