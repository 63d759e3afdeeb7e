package storage

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CONFIG_HOME decides os.UserConfigDir on Linux only")
	}
	cfg := filepath.Join(t.TempDir(), "cfg")
	t.Setenv("XDG_CONFIG_HOME", cfg)
	path, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cfg, "kpiplanner", "kpiplanner.db"); path != want {
		t.Errorf("DefaultPath = %s, want %s", path, want)
	}
	st, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, want 0700", st.Mode().Perm())
	}
}

func TestInUseInSameProcess(t *testing.T) {
	db := openTemp(t)
	start := time.Now()
	second, err := Open(db.Path())
	if err == nil {
		second.Close()
		t.Fatal("opened the same file twice")
	}
	if !errors.Is(err, app.ErrInUse) {
		t.Errorf("error = %v, want ErrInUse", err)
	}
	if d := time.Since(start); d >= time.Second {
		t.Errorf("second open gave up after %v, want < 1 s", d)
	}
}

// TestPlansSkipsStrayActuals puts actuals records that belong to no plan (or
// to no KPI of their plan) around real ones: Plans must ignore them.
func TestPlansSkipsStrayActuals(t *testing.T) {
	db := openTemp(t)
	ps := []*app.Plan{richPlan(), app.NewPlan(), richPlan()}
	ps[0].ID, ps[1].ID, ps[2].ID = 2, 4, 6
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	stray := encodeActuals([]app.Actual{{Period: 0, Value: 666}})
	err := db.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketActuals)
		for _, k := range [][]byte{
			actualsKey(1, "leads"), actualsKey(3, "leads"), actualsKey(4, "x"),
			actualsKey(2, "gone"), actualsKey(9, "leads"),
			binary.BigEndian.AppendUint64(nil, 5), // a key with no KPI id
		} {
			if err := b.Put(k, stray); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("Plans returned %d plans, want 3", len(got))
	}
	for i := range ps {
		assertPlan(t, got[i], ps[i])
	}
	one, err := db.Plan(4)
	if err != nil {
		t.Fatal(err)
	}
	assertPlan(t, one, ps[1])
}
