package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Setting returns a stored setting, or "" when unset.
func (db *DB) Setting(key string) (string, error) {
	var val string
	err := db.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		val = string(b.Get([]byte(key))) // string() copies out of the transaction
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("storage: read setting %q: %w", key, err)
	}
	return val, nil
}

// SetSetting stores a setting; an empty value removes it.
func (db *DB) SetSetting(key, value string) error {
	err := db.update(func(tx *bolt.Tx) error { return putSetting(tx, key, value) })
	if err != nil {
		return fmt.Errorf("storage: put setting %q: %w", key, err)
	}
	return nil
}

// putSetting stores a setting inside tx; an empty value removes it.
func putSetting(tx *bolt.Tx, key, value string) error {
	b, err := bucket(tx, bucketSettings)
	if err != nil {
		return err
	}
	if value == "" {
		return b.Delete([]byte(key))
	}
	return b.Put([]byte(key), []byte(value))
}
