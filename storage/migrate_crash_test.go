package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

// envMigrateChild names the file a helper process opens (and so migrates)
// until it is killed.
const envMigrateChild = "KPIPLANNER_STORAGE_MIGRATE_CHILD"

// migrateCrashPlans is the size of the schema 2 file the crash test
// migrates: big enough that the migration takes tens of milliseconds.
const migrateCrashPlans = 1500

// TestMigrationCrashChild is the helper process of
// TestMigrationCrashLeavesOldOrNewSchema: it opens the file, which runs the
// schema 3 migration, and says so once it is done.
func TestMigrationCrashChild(t *testing.T) {
	path := os.Getenv(envMigrateChild)
	if path == "" {
		t.Skip("helper process for TestMigrationCrashLeavesOldOrNewSchema")
	}
	fmt.Println("ready")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("migrated")
	time.Sleep(time.Minute) // hold the file until killed
	db.Close()
}

// TestMigrationCrashLeavesOldOrNewSchema kills a process at random moments
// while it migrates a schema 2 file to schema 3: each time the file holds
// either the old schema, untouched, or the whole new one, never a mix, and
// then opens and migrates.
func TestMigrationCrashLeavesOldOrNewSchema(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	dir := t.TempDir()
	template := filepath.Join(dir, "v2.db")
	ps := demo.Company(migrateCrashPlans, 5)
	schema2File(t, template, ps)
	people := distinctPeople(ps)
	took := timeMigration(t, template, filepath.Join(dir, "timed.db"))
	t.Logf("opening (and migrating) %d plans takes %v in a child process", len(ps), took)
	outcomes := map[uint64]int{}
	for round := range 12 {
		path := filepath.Join(dir, fmt.Sprintf("round%d.db", round))
		copyFile(t, template, path)
		delay := time.Duration(rand.Int64N(int64(took)*3/2 + 1))
		migrated := killMigration(t, path, delay)
		v := checkMigrationOutcome(t, path, len(ps), people, migrated)
		outcomes[v]++
		if t.Failed() {
			t.Fatalf("round %d (killed after %v) failed", round, delay)
		}
		db, err := Open(path) // the old schema migrates now
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		checkMigrationOutcome(t, path, len(ps), people, true)
	}
	t.Logf("killed runs left schema 2 %d times, schema %d %d times", outcomes[2], SchemaVersion(), outcomes[uint64(SchemaVersion())])
}

// distinctPeople counts the distinct name and department pairs of ps.
func distinctPeople(ps []*app.Plan) int {
	seen := map[string]bool{}
	for _, p := range ps {
		seen[clean(p.Person.Name)+"\x00"+clean(p.Person.Department)] = true
	}
	return len(seen)
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// timeMigration measures how long a child takes to open (and so migrate) a
// copy of template, from its "ready" to its "migrated".
func timeMigration(t *testing.T, template, path string) time.Duration {
	t.Helper()
	copyFile(t, template, path)
	var took time.Duration
	if !killMigrationAfter(t, path, func(lines <-chan string) bool {
		start := time.Now()
		line := <-lines
		took = time.Since(start)
		return line == "migrated"
	}) {
		t.Fatal("the timed child did not migrate")
	}
	return took
}

// killMigration starts a child migrating path, kills it delay after it
// started, and reports whether it said the migration was done.
func killMigration(t *testing.T, path string, delay time.Duration) bool {
	t.Helper()
	return killMigrationAfter(t, path, func(<-chan string) bool { time.Sleep(delay); return false })
}

// killMigrationAfter starts a child migrating path, kills it once wait
// returns (wait may read the child's lines after "ready", and reports
// whether one said "migrated"), and reports whether the child said the
// migration was done.
func killMigrationAfter(t *testing.T, path string, wait func(lines <-chan string) bool) bool {
	t.Helper()
	cmd := child("TestMigrationCrashChild", envMigrateChild+"="+path)
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
	if first := <-lines; first != "ready" {
		t.Fatalf("child did not start: %q\n%s", first, stderr.String())
	}
	seen := make(chan string, 1)
	go func() {
		for line := range lines {
			seen <- line
		}
		close(seen)
	}()
	migrated := wait(seen)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for line := range seen {
		migrated = migrated || line == "migrated"
	}
	_ = cmd.Wait() // killed: an error
	return migrated
}

// checkMigrationOutcome checks that the closed file at path is consistent
// and holds schema 2 as written (no company bucket, every plan record in
// format 2) or all of the current schema (every bucket of schema 3 and 4,
// people made, every plan in format 4 and referring to a person); the
// current one when mustBeNew. It returns the version found.
func checkMigrationOutcome(t *testing.T, path string, plans, people int, mustBeNew bool) uint64 {
	t.Helper()
	checkFile(t, path)
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var v uint64
	err = b.View(func(tx *bolt.Tx) error {
		if v, err = schemaVersion(tx); err != nil {
			return err
		}
		switch {
		case v == 2 && !mustBeNew:
			return checkOldSchema(tx, plans)
		case v == uint64(SchemaVersion()):
			return checkNewSchema(tx, plans, people)
		}
		return fmt.Errorf("schema version %d (the child said it migrated: %v)", v, mustBeNew)
	})
	if err != nil {
		t.Errorf("%s: %v", path, err)
	}
	return v
}

func checkOldSchema(tx *bolt.Tx, plans int) error {
	for _, name := range companyBuckets {
		if tx.Bucket(name) != nil {
			return fmt.Errorf("schema 2 with the schema 3 bucket %s", name)
		}
	}
	n := 0
	err := tx.Bucket(bucketPlans).ForEach(func(k, v []byte) error {
		n++
		if v[0] != planFormat2 {
			return fmt.Errorf("schema 2 with plan %d in format %d", idOf(k), v[0])
		}
		return nil
	})
	if err == nil && n != plans {
		err = fmt.Errorf("schema 2 with %d plans, want %d", n, plans)
	}
	return err
}

// checkNewSchema checks the current schema: schema 3's buckets and people,
// and schema 4's text table, every plan in format 4.
func checkNewSchema(tx *bolt.Tx, plans, people int) error {
	for _, name := range append(companyBuckets, bucketTexts, bucketTextIDs) {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("schema 3 without the bucket %s", name)
		}
	}
	if n := tx.Bucket(bucketPeople).Stats().KeyN; n != people {
		return fmt.Errorf("schema 3 with %d people, want %d", n, people)
	}
	if n := tx.Bucket(bucketPersonPlans).Stats().KeyN; n != plans {
		return fmt.Errorf("schema 3 with %d plans in the person index, want %d", n, plans)
	}
	n := 0
	err := tx.Bucket(bucketPlans).ForEach(func(k, v []byte) error {
		n++
		if v[0] < planFormat4 || recordPerson(v) == "" {
			return fmt.Errorf("schema 3 with plan %d in format %d, person %q", idOf(k), v[0], recordPerson(v))
		}
		return nil
	})
	if err == nil && n != plans {
		err = fmt.Errorf("schema 3 with %d plans, want %d", n, plans)
	}
	return err
}
