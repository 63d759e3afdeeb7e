package storage

import (
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// The bonus buckets, created by the first write that needs them; a database
// without them has no bonus records.
var (
	// bucketBonusPolicies maps a cycle key (bonus.Key: "2026-01-01/2026-12-31")
	// to the JSON form of its bonus.Policy.
	bucketBonusPolicies = []byte("bonus_policies")
	// bucketCalibrations maps cycle key + "|" + unit uid ("" for company-wide)
	// to the JSON form of a bonus.Calibration (overrides, target, sign-off).
	bucketCalibrations = []byte("calibrations")
)

var (
	_ bonus.Store = (*DB)(nil)
	_ bonus.Tx    = (*txn)(nil)
)

func calibrationKey(c app.Cycle, unit app.UID) []byte {
	return []byte(bonus.Key(c) + "|" + string(unit))
}

// BonusPolicy returns the policy of cycle c, and false when none is stored.
func (db *DB) BonusPolicy(c app.Cycle) (bonus.Policy, bool, error) {
	var p bonus.Policy
	var found bool
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		found, err = getJSON(tx, bucketBonusPolicies, []byte(bonus.Key(c)), &p)
		return err
	})
	if err != nil {
		return p, false, fmt.Errorf("storage: read bonus policy %s: %w", bonus.Key(c), err)
	}
	return p, found, nil
}

// Calibrations returns the calibrations of cycle c, company-wide first, then by unit uid.
func (db *DB) Calibrations(c app.Cycle) ([]bonus.Calibration, error) {
	var out []bonus.Calibration
	prefix := []byte(bonus.Key(c) + "|")
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCalibrations)
		if b == nil {
			return nil
		}
		cur := b.Cursor()
		for k, v := cur.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = cur.Next() {
			var cal bonus.Calibration
			if err := json.Unmarshal(v, &cal); err != nil {
				return fmt.Errorf("calibration %s: %w", k, err)
			}
			out = append(out, cal)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read calibrations %s: %w", bonus.Key(c), err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out, nil
}

// SaveBonusPolicy stores p under its cycle.
func (t *txn) SaveBonusPolicy(p bonus.Policy) error {
	if err := putJSON(t.tx, bucketBonusPolicies, []byte(bonus.Key(p.Cycle)), p); err != nil {
		return fmt.Errorf("storage: put bonus policy %s: %w", bonus.Key(p.Cycle), err)
	}
	return nil
}

// Calibration returns the calibration of (c, unit), an empty one when none is stored.
func (t *txn) Calibration(c app.Cycle, unit app.UID) (bonus.Calibration, error) {
	cal := bonus.Calibration{Cycle: c, Unit: unit}
	if _, err := getJSON(t.tx, bucketCalibrations, calibrationKey(c, unit), &cal); err != nil {
		return cal, fmt.Errorf("storage: read calibration %s: %w", calibrationKey(c, unit), err)
	}
	return cal, nil
}

// SaveCalibration stores c under (its cycle, its unit).
func (t *txn) SaveCalibration(c bonus.Calibration) error {
	if err := putJSON(t.tx, bucketCalibrations, calibrationKey(c.Cycle, c.Unit), c); err != nil {
		return fmt.Errorf("storage: put calibration %s: %w", calibrationKey(c.Cycle, c.Unit), err)
	}
	return nil
}

// getJSON decodes the value at key of bucket name into v, reporting whether there was one.
func getJSON(tx *bolt.Tx, name, key []byte, v any) (bool, error) {
	b := tx.Bucket(name)
	if b == nil {
		return false, nil
	}
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	return true, json.Unmarshal(raw, v) // Unmarshal copies out of the transaction
}

// putJSON stores v's JSON form at key of bucket name, creating the bucket.
func putJSON(tx *bolt.Tx, name, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b, err := tx.CreateBucketIfNotExists(name)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

func hasPrefix(k, p []byte) bool { return len(k) >= len(p) && string(k[:len(p)]) == string(p) }
