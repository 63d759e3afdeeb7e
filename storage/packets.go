package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
)

// bucketPacketBases maps a plan's uid (32 hex digits) to its packet base: a
// JSON record of where the plan came from, holding the base plan as a plan
// document. Created by the first packet opened or returned; a database
// without it has no packet bases.
var bucketPacketBases = []byte("packet_bases")

// packetBaseRecord is the stored form of an app.PacketBase.
type packetBaseRecord struct {
	From      string          `json:"from,omitempty"`
	Device    string          `json:"device,omitempty"`
	Workspace app.UID         `json:"workspace,omitempty"`
	File      string          `json:"file,omitempty"`
	Hash      string          `json:"hash,omitempty"`
	BaseOf    string          `json:"base_of,omitempty"`
	At        time.Time       `json:"at"`
	Base      json.RawMessage `json:"base"` // a plan document of one plan
}

// PacketBases returns the packet base of every plan that travelled in a
// packet, ordered by plan uid.
func (db *DB) PacketBases() ([]app.PacketBase, error) {
	var out []app.PacketBase
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPacketBases)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			pb, err := decodePacketBase(k, v)
			if err != nil {
				return err
			}
			out = append(out, pb)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: read packet bases: %w", err)
	}
	return out, nil
}

// SavePacketBase adds or replaces the packet base of plan pb.Plan.
func (t *txn) SavePacketBase(pb app.PacketBase) error {
	if _, err := app.ParseUID(string(pb.Plan)); err != nil {
		return fmt.Errorf("storage: put packet base: %w", err)
	}
	if pb.Base == nil {
		return fmt.Errorf("storage: put packet base of plan %s: no base plan", pb.Plan)
	}
	doc, err := plandoc.MarshalCompact([]*app.Plan{pb.Base})
	if err != nil {
		return fmt.Errorf("storage: put packet base of plan %s: %w", pb.Plan, err)
	}
	v, err := packetBaseValue(pb, bytes.TrimSuffix(doc, []byte("\n")))
	if err != nil {
		return fmt.Errorf("storage: put packet base of plan %s: %w", pb.Plan, err)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketPacketBases)
	if err != nil {
		return fmt.Errorf("storage: put packet base of plan %s: %w", pb.Plan, err)
	}
	if err := b.Put([]byte(pb.Plan), v); err != nil {
		return fmt.Errorf("storage: put packet base of plan %s: %w", pb.Plan, err)
	}
	return nil
}

// decodePacketBase reads one stored packet base (v is only valid inside the
// transaction: everything is copied out).
func decodePacketBase(k, v []byte) (app.PacketBase, error) {
	var rec packetBaseRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return app.PacketBase{}, fmt.Errorf("packet base of plan %s: %w", k, err)
	}
	plans, err := plandoc.Unmarshal(rec.Base)
	if err != nil || len(plans) != 1 {
		return app.PacketBase{}, fmt.Errorf("packet base of plan %s: want one plan: %v", k, err)
	}
	return app.PacketBase{Plan: app.UID(string(k)), From: rec.From, Device: rec.Device, Workspace: rec.Workspace,
		File: rec.File, Hash: rec.Hash, BaseOf: rec.BaseOf, At: rec.At, Base: plans[0]}, nil
}

// packetBaseValue returns pb's record with doc, a compact plan document,
// put in by hand as its base: encoding/json would scan and copy it again.
func packetBaseValue(pb app.PacketBase, doc []byte) ([]byte, error) {
	rec := packetBaseRecord{From: pb.From, Device: pb.Device, Workspace: pb.Workspace, File: pb.File,
		Hash: pb.Hash, BaseOf: pb.BaseOf, At: pb.At.UTC(), Base: json.RawMessage("null")}
	v, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	head, ok := bytes.CutSuffix(v, []byte(`"base":null}`))
	if !ok {
		return nil, fmt.Errorf("unexpected layout of the record")
	}
	out := make([]byte, 0, len(head)+len(doc)+10)
	out = append(append(append(out, head...), `"base":`...), doc...)
	return append(out, '}'), nil
}
