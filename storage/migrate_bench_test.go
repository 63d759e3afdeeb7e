package storage

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

// oldFile writes the 10 000-person demo company as schema version v (1 or
// 2) wrote it: plan records in format v, their actuals, and for schema 2 the
// uid index.
func oldFile(b *testing.B, v int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "old.db")
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer bdb.Close()
	ps := demo.Company(benchPeople, 1)
	err = bdb.Update(func(tx *bolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		index, err := tx.CreateBucketIfNotExists(bucketPlanUIDs)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, uint64(v))); err != nil {
			return err
		}
		plans, acts := tx.Bucket(bucketPlans), tx.Bucket(bucketActuals)
		plans.FillPercent, acts.FillPercent = fillPercent, fillPercent
		for i, p := range ps {
			p.ID = app.PlanID(i + 1)
			f := byte(planFormat1)
			if v == 2 {
				f, p.UID = planFormat2, app.NewUID()
				if err := index.Put([]byte(p.UID), planKey(p.ID)); err != nil {
					return err
				}
			}
			if err := plans.Put(planKey(p.ID), encodePlanAs(p, f)); err != nil {
				return err
			}
			for _, k := range p.KPIs {
				if err := acts.Put(actualsKey(p.ID, k.ID), encodeActuals(k.Actuals)); err != nil {
					return err
				}
			}
		}
		if v == 1 {
			if err := tx.DeleteBucket(bucketPlanUIDs); err != nil {
				return err
			}
		}
		return plans.SetSequence(uint64(len(ps)))
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkMigrateOld10k opens a 10 000-person database of schema 1 and of
// schema 2, with their actuals, which migrates it to the current schema in
// one transaction (goal: < 10 s).
func BenchmarkMigrateOld10k(b *testing.B) {
	for _, v := range []int{1, 2} {
		b.Run("schema"+string(rune('0'+v)), func(b *testing.B) {
			src := oldFile(b, v)
			dir := b.TempDir()
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				b.StopTimer()
				n++
				path := filepath.Join(dir, "m"+string(rune('a'+n%26))+".db")
				copyFile(b, src, path)
				b.StartTimer()
				db, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if ps, err := db.People(); err != nil || len(ps) == 0 {
					b.Fatalf("%d people after the migration: %v", len(ps), err)
				}
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
				os.Remove(path)
				b.StartTimer()
			}
		})
	}
}
