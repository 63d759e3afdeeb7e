package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

// envMergeChild names the database and packet a helper process merges
// until it is killed (as storage's crash tests do with their children).
const (
	envMergeChild  = "KPIPLANNER_PACKET_MERGE_DB"
	envMergePacket = "KPIPLANNER_PACKET_MERGE_FILE"
)

// TestPacketMergeCrashChild is the helper process of
// TestPacketMergeCrashLeavesBeforeOrMerged: it merges the packet and says
// so once done, then holds on until killed.
func TestPacketMergeCrashChild(t *testing.T) {
	db := os.Getenv(envMergeChild)
	if db == "" {
		t.Skip("helper process for TestPacketMergeCrashLeavesBeforeOrMerged")
	}
	fmt.Println("ready")
	if code := run([]string{"packet", "merge", os.Getenv(envMergePacket), "--take", "theirs", "--db", db}, io.Discard, os.Stderr); code != 0 {
		t.Fatalf("merge exit %d", code)
	}
	fmt.Println("merged")
	time.Sleep(time.Minute)
}

// TestPacketMergeCrashLeavesBeforeOrMerged kills a process at random
// moments while it merges a return packet of 300 changed plans: each time
// the database holds HR's plans as before the merge, or fully merged, with
// their history, never a mix.
func TestPacketMergeCrashLeavesBeforeOrMerged(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	dir := t.TempDir()
	hr, m1, ret := filepath.Join(dir, "hr.db"), filepath.Join(dir, "m1.db"), filepath.Join(dir, "return.kpip")
	plans := hrCompany(t, hr)
	withWorkspace(t, hr, func(ws *workspace.Workspace) { // 300 more plans of A1
		var more []*app.Plan
		for i := range 300 {
			p := testPlan(app.Employee{UID: plans["A1"].PersonUID, Name: fmt.Sprintf("An %d", i)}, app.Draft)
			p.UID, p.Revision = app.NewUID(), 1
			more = append(more, p)
		}
		must(t, ws.Store().SavePlans(more))
	})
	mustKPI(t, "packet", "export", "--people", "A1", "--out", dir, "--db", hr)
	mustKPI(t, "packet", "open", filepath.Join(dir, "A1.kpip"), "--db", m1)
	withWorkspace(t, m1, func(ws *workspace.Workspace) {
		ps, err := ws.Store().Plans()
		must(t, err)
		for _, p := range ps {
			p.KPI("k1").Target = 150
			p.KPI("k2").SetActual(app.Actual{Period: 3, Value: 9, Comment: "April"})
		}
		must(t, ws.Store().SavePlans(ps))
	})
	mustKPI(t, "packet", "return", "--out", ret, "--db", m1)

	before := snapshot(t, hr)
	full := filepath.Join(dir, "full.db")
	copyDB(t, hr, full)
	took := time.Now()
	mustKPI(t, "packet", "merge", ret, "--take", "theirs", "--db", full)
	merged, d := snapshot(t, full), time.Since(took)
	if merged == before {
		t.Fatal("the merge changed nothing")
	}
	outcomes := map[string]int{}
	for round := range 10 {
		path := filepath.Join(dir, fmt.Sprintf("round%d.db", round))
		copyDB(t, hr, path)
		delay := time.Duration(rand.Int64N(int64(d)*2 + int64(20*time.Millisecond)))
		said := killMerge(t, path, ret, delay)
		switch got := snapshot(t, path); {
		case got == before && !said:
			outcomes["before"]++
		case got == merged:
			outcomes["merged"]++
		default:
			t.Fatalf("round %d (killed after %v, said merged %v): the database is neither as before nor fully merged", round, delay, said)
		}
	}
	t.Logf("a merge takes %v in-process; killed merges left the database as before %d times, fully merged %d times", d, outcomes["before"], outcomes["merged"])
}

// copyDB copies a closed database file.
func copyDB(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	must(t, err)
	must(t, os.WriteFile(to, b, 0o600))
}

// killMerge starts a child merging packet into db, SIGKILLs it delay after
// it said ready, and reports whether it said it had merged.
func killMerge(t *testing.T, db, packet string, delay time.Duration) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPacketMergeCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envMergeChild+"="+db, envMergePacket+"="+packet)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	lines := make(chan string, 4)
	go func() {
		s := bufio.NewScanner(out)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	if l := <-lines; l != "ready" {
		t.Fatalf("child said %q", l)
	}
	time.Sleep(delay)
	_ = cmd.Process.Kill() // SIGKILL
	_ = cmd.Wait()
	said := false
	for l := range lines {
		said = said || l == "merged"
	}
	return said
}
