package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// shareTexts is schema version 4: the shared text table (texts.go), and
// every plan record rewritten in plan format 4, its repeated texts stored
// once. Actuals and everything else stay as they are.
func shareTexts(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketTexts, bucketTextIDs} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	plans, err := bucket(tx, bucketPlans)
	if err != nil {
		return err
	}
	texts, err := newTextTable(tx)
	if err != nil {
		return err
	}
	intern := map[string]string{}
	var keys, recs [][]byte
	err = plans.ForEach(func(k, v []byte) error {
		p, err := decodePlanWith(k, v, nil, intern) // records of schema 1–3 hold no shared texts
		if err != nil {
			return err
		}
		rec, err := encodePlanWith(p, texts)
		if err != nil {
			return fmt.Errorf("plan %d: %w", p.ID, err)
		}
		keys, recs = append(keys, bytes.Clone(k)), append(recs, rec)
		return nil
	})
	if err != nil {
		return err
	}
	plans.FillPercent = fillPercent
	for i, k := range keys {
		if err := plans.Put(k, recs[i]); err != nil {
			return fmt.Errorf("rewrite plan %d: %w", idOf(k), err)
		}
	}
	return nil
}
