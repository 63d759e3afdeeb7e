package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/fileio"
)

func init() {
	commands["packet"] = command{
		"packet export --unit CODE…|--people CODE… --out DIR | open FILE | return --out FILE | merge FILE… [--dry-run] [--take theirs|ours]",
		"send plans to managers as packets (.kpip), open one, return it, or merge returned packets (exit 3 while conflicts have no side: nothing saved)",
		cmdPacket}
}

// exitConflicts is the exit code of `kpi packet merge` when conflicts
// remain without a side: nothing was saved.
const exitConflicts = 3

// errConflicts marks that exit.
var errConflicts = errors.New("unresolved conflicts")

// stdin is where password prompts read from; tests replace it.
var stdin io.Reader = os.Stdin

// packetFlags are the flags of `kpi packet`.
type packetFlags struct {
	units, people codeList
	out, passFile string
	askPassword   bool
	dryRun        bool
	take          string
}

// codeList is a flag that may be repeated and takes comma-separated codes.
type codeList []string

func (c *codeList) String() string { return strings.Join(*c, ",") }

func (c *codeList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*c = append(*c, v)
		}
	}
	return nil
}

func cmdPacket(e *env, fs *flag.FlagSet) error {
	var f packetFlags
	fs.Var(&f.units, "unit", "export: one packet to the head of each of these units (codes; repeat or separate with commas)")
	fs.Var(&f.people, "people", "export: one packet to each of these people (employee codes; repeat or separate with commas)")
	fs.StringVar(&f.out, "out", "", "export: the folder to write the packets into; return: the packet file to write")
	fs.StringVar(&f.passFile, "password-file", "", "a file whose first line is the packets' password (export and return encrypt with it)")
	fs.BoolVar(&f.askPassword, "ask-password", false, "export and return: ask for a password to encrypt with")
	fs.BoolVar(&f.dryRun, "dry-run", false, "merge: print what would change and save nothing")
	fs.StringVar(&f.take, "take", "", "merge: resolve every conflict with theirs (the packet's value) or ours")
	pos, err := e.parse(fs, 1, 1<<20)
	if err != nil {
		return err
	}
	switch pos[0] {
	case "export":
		return packetExport(e, &f, pos[1:])
	case "open":
		return packetOpen(e, &f, pos[1:])
	case "return":
		return packetReturn(e, &f, pos[1:])
	case "merge":
		return packetMerge(e, &f, pos[1:])
	}
	return fmt.Errorf("%w: want export, open, return or merge", errUsage)
}

// writePassword returns the password for writing packets: from --password-file,
// asked for with --ask-password (twice), or none.
func (f *packetFlags) writePassword(e *env) (string, error) {
	switch {
	case f.passFile != "":
		return readPasswordFile(f.passFile)
	case f.askPassword:
		p, err := prompt(e, "Password for the packets: ")
		if err != nil {
			return "", err
		}
		again, err := prompt(e, "The same password again: ")
		if err != nil {
			return "", err
		}
		if p != again {
			return "", fmt.Errorf("the two passwords differ: nothing was written")
		}
		if p == "" {
			return "", fmt.Errorf("an empty password: nothing was written")
		}
		return p, nil
	}
	return "", nil
}

func readPasswordFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

// prompt asks for a password on the error stream and reads a line from
// stdin, without echo on a terminal.
func prompt(e *env, question string) (string, error) {
	fmt.Fprint(e.errOut, question)
	restore := noEcho(stdin)
	line, err := bufio.NewReader(stdin).ReadString('\n')
	restore()
	fmt.Fprintln(e.errOut)
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		return "", fmt.Errorf("no password given: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// readPacket reads a packet file, asking for its password when it is
// encrypted and --password-file gave none.
func (f *packetFlags) readPacket(e *env, path string) (*packet.Packet, error) {
	pass := ""
	if f.passFile != "" {
		p, err := readPasswordFile(f.passFile)
		if err != nil {
			return nil, err
		}
		pass = p
	}
	pk, err := workspace.ReadPacket(fileio.Files{}, path, pass)
	if errors.Is(err, packet.ErrPasswordNeeded) && f.passFile == "" {
		if pass, err = prompt(e, fmt.Sprintf("Password of %s: ", path)); err != nil {
			return nil, err
		}
		pk, err = workspace.ReadPacket(fileio.Files{}, path, pass)
	}
	return pk, err
}

// readPackets reads the packet files, several at a time; when one is
// encrypted and no --password-file was given, one by one with prompts.
func (f *packetFlags) readPackets(e *env, paths []string) ([]*packet.Packet, error) {
	pass := ""
	if f.passFile != "" {
		p, err := readPasswordFile(f.passFile)
		if err != nil {
			return nil, err
		}
		pass = p
	}
	pks, err := workspace.ReadPackets(fileio.Files{}, paths, pass)
	if !errors.Is(err, packet.ErrPasswordNeeded) || f.passFile != "" {
		return pks, err
	}
	pks = nil
	for _, path := range paths {
		pk, err := f.readPacket(e, path)
		if err != nil {
			return nil, err
		}
		pks = append(pks, pk)
	}
	return pks, nil
}

func packetExport(e *env, f *packetFlags, rest []string) error {
	switch {
	case len(rest) > 0 && len(f.units) > 0 && len(f.people) > 0:
		return fmt.Errorf("%w: codes after both --unit and --people: say which they are", errUsage)
	case len(rest) > 0 && len(f.people) > 0:
		f.people = append(f.people, rest...)
	case len(rest) > 0:
		f.units = append(f.units, rest...)
	}
	if len(f.units)+len(f.people) == 0 || f.out == "" {
		return fmt.Errorf("%w: export needs --unit CODE… or --people CODE…, and --out DIR", errUsage)
	}
	if st, err := os.Stat(f.out); err != nil || !st.IsDir() {
		return fmt.Errorf("--out %s: not a folder", f.out)
	}
	pass, err := f.writePassword(e)
	if err != nil {
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	done, err := ws.ExportPackets(ctx, fileio.Files{}, workspace.PacketSelection{Units: f.units, People: f.people},
		f.out, workspace.PacketOptions{Password: pass})
	for _, w := range done {
		fmt.Fprintf(&termWriter{w: e.out}, "wrote %s: %d plan(s) for %s\n", w.Path, w.Plans, w.For.Name)
	}
	return err
}

func packetOpen(e *env, f *packetFlags, rest []string) error {
	if len(rest) != 1 {
		return fmt.Errorf("%w: open needs one FILE", errUsage)
	}
	pk, err := f.readPacket(e, rest[0])
	if err != nil {
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	res, m, err := ws.OpenPacket(pk)
	if err != nil {
		return err
	}
	out := &termWriter{w: e.out}
	fmt.Fprintf(out, "opened %s from %s (%s): %d plan(s) added, %d updated, %d kept with conflicts; %d person(s) and %d unit(s) added\n",
		rest[0], pk.Maker.User, pk.Maker.Device, len(res.Added), len(res.Updated), len(res.Kept), res.People, res.Units)
	if len(m.Templates) > 0 { // templates travel in packets
		fmt.Fprintf(out, "%d template version(s) added\n", len(m.Templates))
	}
	if len(res.Kept) > 0 {
		printMergePlan(out, m)
	}
	return nil
}

func packetReturn(e *env, f *packetFlags, rest []string) error {
	if len(rest) != 0 || f.out == "" {
		return fmt.Errorf("%w: return needs --out FILE", errUsage)
	}
	pass, err := f.writePassword(e)
	if err != nil {
		return err
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	w, err := ws.ReturnPacket(fileio.Files{}, f.out, workspace.PacketOptions{Password: pass})
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "wrote %s: %d plan(s) for %s\n", w.Path, w.Plans, w.For.Name)
	return nil
}

// planMerge reads the packet files and plans their merge, each packet as it
// is read (Workspace.PlanMergeFiles); when one is encrypted and no
// --password-file was given, the files are read one by one with prompts.
func (f *packetFlags) planMerge(e *env, ws *workspace.Workspace, paths []string) (*packet.MergePlan, error) {
	pass := ""
	if f.passFile != "" {
		p, err := readPasswordFile(f.passFile)
		if err != nil {
			return nil, err
		}
		pass = p
	}
	m, err := ws.PlanMergeFiles(fileio.Files{}, paths, pass)
	if !errors.Is(err, packet.ErrPasswordNeeded) || f.passFile != "" {
		return m, err
	}
	pks, err := f.readPackets(e, paths)
	if err != nil {
		return nil, err
	}
	return ws.PlanMerge(pks...)
}

func packetMerge(e *env, f *packetFlags, files []string) error {
	if len(files) == 0 {
		return fmt.Errorf("%w: merge needs one or more FILE", errUsage)
	}
	side := packet.Side(f.take)
	if side != "" && side != packet.Ours && side != packet.Theirs {
		return fmt.Errorf("%w: --take must be theirs or ours", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	m, err := f.planMerge(e, ws, files)
	if err != nil {
		return err
	}
	out := &termWriter{w: e.out}
	printMergePlan(out, m)
	ch := packet.Choices{Default: side}
	if left := ch.Unresolved(m); len(left) > 0 {
		return fmt.Errorf("%d conflict(s) have no side: nothing was saved; choose with --take theirs or --take ours: %w", len(left), errConflicts)
	}
	if f.dryRun {
		fmt.Fprintln(out, "dry run: nothing was saved")
		return nil
	}
	res, err := ws.ApplyMerge(m, ch)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "merged: %d plan(s) created, %d changed (%d field(s)), %d person(s) and %d unit(s) added\n",
		res.Created, res.Updated, res.Changes, res.People, res.Units)
	if len(m.Templates) > 0 { // templates travel in packets
		fmt.Fprintf(out, "%d template version(s) added\n", len(m.Templates))
	}
	return nil
}

// printMergePlan prints what a merge would do: per packet, per plan, each
// change, conflict and refusal, then the totals.
func printMergePlan(w io.Writer, m *packet.MergePlan) {
	for i, s := range m.Packets {
		state := ""
		if s.AlreadyMerged {
			state = " (merged before: nothing to do)"
		}
		fmt.Fprintf(w, "packet %d: %s, %s from %s (%s), made %s%s\n", i+1, clean(s.File), s.Kind, clean(s.Maker.User),
			clean(s.Maker.Device), s.MadeAt.UTC().Format("2006-01-02 15:04"), state)
	}
	for _, pm := range m.Plans {
		if pm.New {
			fmt.Fprintf(w, "plan %s (new, from packet %d): created\n", clean(pm.Name), pm.Packet+1)
			continue
		}
		fmt.Fprintf(w, "plan %s (packet %d):\n", clean(pm.Name), pm.Packet+1)
		for _, c := range pm.Changes {
			fmt.Fprintf(w, "  change   %s: %q to %q\n", c.Path, clean(c.Old), clean(c.New))
		}
		for _, c := range pm.Conflicts {
			fmt.Fprintf(w, "  CONFLICT %s: base %q, ours %q, theirs %q (conflict %d)\n", c.Path, clean(c.Base), clean(c.Ours), clean(c.Theirs), c.ID+1)
		}
		for _, r := range pm.Refusals {
			fmt.Fprintf(w, "  refused  %s: %q to %q: %s\n", r.Path, clean(r.Old), clean(r.New), clean(r.Why.String()))
		}
	}
	created, changes, conflicts, refusals := m.Counts()
	fmt.Fprintf(w, "%d plan(s) to create, %d change(s), %d conflict(s), %d refused\n", created, changes, conflicts, refusals)
}
