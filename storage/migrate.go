package storage

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// ErrSchemaTooNew means the file was written by a newer KPI Planner whose
// schema this version does not know.
var ErrSchemaTooNew = errors.New("the database was written by a newer version of KPI Planner")

// migrations[v] brings a file from schema version v-1 to v, inside the open
// transaction; index 0 is unused. Append new migrations, never edit old ones.
var migrations = []func(tx *bolt.Tx) error{
	1: createBuckets,
	2: giveUIDs,
	3: companyModel,
	4: shareTexts,
}

// SchemaVersion is the schema version this code writes.
func SchemaVersion() int { return len(migrations) - 1 }

// migrate runs every migration the file has not had yet and records the new
// schema version; it refuses files newer than the code.
func migrate(tx *bolt.Tx) error {
	have, err := schemaVersion(tx)
	if err != nil {
		return err
	}
	want := uint64(SchemaVersion())
	if have > want {
		return fmt.Errorf("%w (file schema version %d, this version knows up to %d): update KPI Planner to open it",
			ErrSchemaTooNew, have, want)
	}
	if have == want {
		return nil
	}
	for v := have + 1; v <= want; v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("migrate to schema version %d: %w", v, err)
		}
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return fmt.Errorf("create meta bucket: %w", err)
	}
	if err := meta.Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, want)); err != nil {
		return fmt.Errorf("record schema version %d: %w", want, err)
	}
	return nil
}

// schemaVersion reads the file's schema version; 0 means a new, empty file.
func schemaVersion(tx *bolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	v := meta.Get(keySchemaVersion)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("schema version record has %d bytes, want 8", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// createBuckets is schema version 1: the initial buckets.
func createBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketPlans, bucketActuals, bucketLibrary, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// giveUIDs is schema version 2: every plan gets a stable uid, its record is
// rewritten in plan format 2, and the uid index bucket lists them all.
func giveUIDs(tx *bolt.Tx) error {
	plans, err := bucket(tx, bucketPlans)
	if err != nil {
		return err
	}
	index, err := tx.CreateBucketIfNotExists(bucketPlanUIDs)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketPlanUIDs, err)
	}
	var ps []*app.Plan
	err = plans.ForEach(func(k, v []byte) error {
		p, err := decodePlanWith(k, v, nil, nil) // records of schema 1–3 hold no shared texts
		if err == nil {
			ps = append(ps, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	plans.FillPercent = fillPercent
	for _, p := range ps {
		if p.UID == "" {
			p.UID = app.NewUID()
		}
		key := planKey(p.ID)
		if err := plans.Put(key, encodePlanAs(p, planFormat2)); err != nil { // schema 2 wrote format 2
			return fmt.Errorf("rewrite plan %d: %w", p.ID, err)
		}
		if err := index.Put([]byte(p.UID), key); err != nil {
			return fmt.Errorf("index plan %d: %w", p.ID, err)
		}
	}
	return nil
}
