package storage

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
)

// Environment variables that turn a re-run of this test binary into a helper process.
const (
	envInUseChild = "KPIPLANNER_STORAGE_INUSE_CHILD" // the file to try to open
	envCrashChild = "KPIPLANNER_STORAGE_CRASH_CHILD" // the file to write to until killed
	envCrashRound = "KPIPLANNER_STORAGE_CRASH_ROUND" // the round number, to make plan contents unique
)

// child returns a command re-running this test binary as helper test name with env set.
func child(name string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

func TestInUseByAnotherProcess(t *testing.T) {
	db := openTemp(t)
	out, err := child("TestInUseChild", envInUseChild+"="+db.Path()).CombinedOutput()
	if err != nil {
		t.Fatalf("helper process: %v\n%s", err, out)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			fields[k] = v
		}
	}
	if fields["inuse"] != "true" {
		t.Fatalf("second process: want an ErrInUse error, got:\n%s", out)
	}
	if !strings.Contains(fields["err"], db.Path()) {
		t.Errorf("error %q does not name the file", fields["err"])
	}
	t.Logf("second process after %s ms: %s", fields["ms"], fields["err"])
	ms, err := strconv.Atoi(fields["ms"])
	if err != nil || ms >= 1000 {
		t.Errorf("second process waited %s ms for the lock, want < 1000", fields["ms"])
	}
}

// TestInUseChild is the helper process of TestInUseByAnotherProcess.
func TestInUseChild(t *testing.T) {
	path := os.Getenv(envInUseChild)
	if path == "" {
		t.Skip("helper process for TestInUseByAnotherProcess")
	}
	start := time.Now()
	db, err := Open(path)
	elapsed := time.Since(start)
	if err == nil {
		db.Close()
		fmt.Println("opened=true")
		return
	}
	fmt.Printf("inuse=%t\nms=%d\nerr=%s\n", errors.Is(err, app.ErrInUse), elapsed.Milliseconds(), err)
}

// crashPlan is the plan a crash-test child saves in step j: three KPIs whose
// actuals depend on j.
func crashPlan(j int) *app.Plan {
	p := app.NewPlan()
	p.Name = fmt.Sprintf("crash %d", j)
	for i, agg := range []app.Aggregation{app.Sum, app.Ratio, app.Last} {
		k := app.KPI{ID: fmt.Sprintf("k%d", i+1), Name: "kpi", Direction: app.Higher, Target: 10,
			Aggregation: agg, Weight: 1, Group: app.GroupA}
		k.Actuals = crashActuals(j, i, agg == app.Ratio)
		p.KPIs = append(p.KPIs, k)
	}
	return p
}

func crashActuals(j, salt int, ratio bool) []app.Actual {
	as := make([]app.Actual, 12)
	for m := range as {
		as[m] = app.Actual{Period: m, Value: float64(j*100 + salt*10 + m)}
		if ratio {
			as[m].Den = float64(j + m + 1)
		}
	}
	return as
}

// TestCrashChild is the helper process of TestCrashSafety: it saves plans
// and edits actuals until it is killed, printing each change after it commits.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashChild)
	if path == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	round, err := strconv.Atoi(os.Getenv(envCrashRound))
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready")
	for i := 0; ; i++ {
		j := round*100_000 + i
		p := crashPlan(j)
		if err := db.SavePlan(p); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("plan %d %d\n", p.ID, j)
		if err := db.SaveActuals(p.ID, "k1", crashActuals(j, 9, false)); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("actuals %d\n", p.ID)
	}
}

// crashLog is what crash-test children reported as committed.
type crashLog struct {
	step    map[app.PlanID]int  // plan id → the step j that saved it
	actuals map[app.PlanID]bool // plans whose k1 actuals edit committed
}

func TestCrashSafety(t *testing.T) {
	const rounds = 24
	path := filepath.Join(t.TempDir(), "crash.db")
	log := crashLog{step: map[app.PlanID]int{}, actuals: map[app.PlanID]bool{}}
	for round := range rounds {
		runCrashChild(t, path, round, &log)
		verifyCrashFile(t, path, &log)
		if t.Failed() {
			t.Fatalf("round %d failed", round)
		}
	}
	if len(log.step) < rounds {
		t.Errorf("children committed only %d plans in %d rounds; the kills came too early to test much", len(log.step), rounds)
	}
	t.Logf("%d rounds, %d plans committed", rounds, len(log.step))
}

// runCrashChild starts a writing child, kills it 5–150 ms after it opened the
// file and records the changes it reported.
func runCrashChild(t *testing.T, path string, round int, log *crashLog) {
	t.Helper()
	cmd := child("TestCrashChild", envCrashChild+"="+path, envCrashRound+"="+strconv.Itoa(round))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var seen []string
	if first, ok := <-lines; ok {
		seen = append(seen, first)
	}
	time.Sleep(time.Duration(5+rand.IntN(146)) * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for line := range lines {
		seen = append(seen, line)
	}
	werr := cmd.Wait()
	if len(seen) == 0 || seen[0] != "ready" {
		t.Fatalf("round %d: child did not start: %v\n%s", round, werr, stderr.String())
	}
	for _, line := range seen[1:] {
		recordCrashLine(t, line, log)
	}
}

func recordCrashLine(t *testing.T, line string, log *crashLog) {
	t.Helper()
	var id app.PlanID
	var j int
	switch {
	case strings.HasPrefix(line, "plan "):
		if _, err := fmt.Sscanf(line, "plan %d %d", &id, &j); err != nil {
			t.Fatalf("child line %q: %v", line, err)
		}
		if old, dup := log.step[id]; dup {
			t.Errorf("plan id %d was given to step %d and again to step %d: a committed save was lost", id, old, j)
		}
		log.step[id] = j
	case strings.HasPrefix(line, "actuals "):
		if _, err := fmt.Sscanf(line, "actuals %d", &id); err != nil {
			t.Fatalf("child line %q: %v", line, err)
		}
		log.actuals[id] = true
	case line == "": // a line cut by the kill
	default:
		t.Errorf("unexpected child output %q", line)
	}
}

// verifyCrashFile checks the file's consistency and that every change the
// children reported is in it.
func verifyCrashFile(t *testing.T, path string, log *crashLog) {
	t.Helper()
	checkFile(t, path)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[app.PlanID]*app.Plan, len(all))
	for _, p := range all {
		byID[p.ID] = p
	}
	for id, j := range log.step {
		got := byID[id]
		if got == nil {
			t.Errorf("plan %d (step %d) was reported saved but is missing", id, j)
			continue
		}
		want := crashPlan(j)
		want.ID = id
		if _, err := app.ParseUID(string(got.UID)); err != nil {
			t.Errorf("plan %d: %v", id, err)
		}
		want.UID = got.UID // given by SavePlan
		edited := crashActuals(j, 9, false)
		switch {
		case log.actuals[id]:
			want.KPIs[0].Actuals = edited
		case reflect.DeepEqual(got.KPIs[0].Actuals, edited):
			want.KPIs[0].Actuals = edited // committed, killed before it was reported
		}
		assertPlan(t, got, want)
	}
}
