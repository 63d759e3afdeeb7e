package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// AppendHistory appends entries to their plans' histories, numbering each
// (setting its Seq) after the last entry of its plan.
func (t *txn) AppendHistory(entries []app.HistoryEntry) error {
	return t.attempt(func() error { return t.appendHistory(entries) })
}

func (t *txn) appendHistory(entries []app.HistoryEntry) error {
	b, err := bucket(t.tx, bucketHistory)
	if err != nil {
		return fmt.Errorf("storage: append history: %w", err)
	}
	prefixes := make([][]byte, len(entries)) // all checked before anything is written
	for i := range entries {
		if prefixes[i], err = uidBytes(entries[i].Plan); err != nil {
			return fmt.Errorf("storage: append history entry %d: plan: %w", i+1, err)
		}
	}
	last := map[app.UID]uint64{}
	for i := range entries {
		e, prefix := &entries[i], prefixes[i]
		seq, ok := last[e.Plan]
		if !ok {
			seq = lastSeq(b, prefix)
		}
		seq++
		last[e.Plan] = seq
		old := e.Seq
		e.Seq = seq
		t.undos = append(t.undos, func() { e.Seq = old })
		if err := b.Put(historyKey(prefix, seq), encodeEntry(e, false)); err != nil {
			return fmt.Errorf("storage: append history of plan %s: %w", e.Plan, err)
		}
	}
	return nil
}

// lastSeq returns the seq of the last history entry under prefix, or 0.
func lastSeq(b *bolt.Bucket, prefix []byte) uint64 {
	c := b.Cursor()
	k, _ := c.Seek(historyKey(prefix, ^uint64(0)))
	switch {
	case k == nil:
		k, _ = c.Last()
	case bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8:
		return seqOf(k) // the entry numbered 2⁶⁴ − 1 itself
	default:
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) || len(k) != len(prefix)+8 {
		return 0
	}
	return seqOf(k)
}

// AppendLog appends entries to the workspace-level log, numbering each.
func (t *txn) AppendLog(entries []app.HistoryEntry) error {
	return t.attempt(func() error { return t.appendLog(entries) })
}

func (t *txn) appendLog(entries []app.HistoryEntry) error {
	b, err := bucket(t.tx, bucketLog)
	if err != nil {
		return fmt.Errorf("storage: append to the workspace log: %w", err)
	}
	b.FillPercent = fillPercent
	for i := range entries {
		e := &entries[i]
		seq, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("storage: append to the workspace log: %w", err)
		}
		old := e.Seq
		e.Seq = seq
		t.undos = append(t.undos, func() { e.Seq = old })
		if err := b.Put(seqKey(seq), encodeEntry(e, true)); err != nil {
			return fmt.Errorf("storage: append to the workspace log: %w", err)
		}
	}
	return nil
}

// AppendPeriodClose records a close or reopen, after checking it.
func (t *txn) AppendPeriodClose(c app.PeriodClose) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("storage: record period close of %s: %w", c.Month, err)
	}
	b, err := bucket(t.tx, bucketCloses)
	if err != nil {
		return fmt.Errorf("storage: record period close of %s: %w", c.Month, err)
	}
	b.FillPercent = fillPercent
	t.org = nil // plans read later see the close
	seq, err := b.NextSequence()
	if err == nil {
		err = b.Put(seqKey(seq), encodeClose(&c))
	}
	if err != nil {
		return fmt.Errorf("storage: record period close of %s: %w", c.Month, err)
	}
	return nil
}
