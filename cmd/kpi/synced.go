package main

import (
	"fmt"
	"io"

	"kpiplanner/storage"
)

// warnSynced warns on w when the database file at path lies in a folder a
// file-syncing service keeps in step (OneDrive, Dropbox…): the service can
// copy the live file half-written and corrupt it.
func warnSynced(w io.Writer, path string) {
	p, ok := storage.SyncedFolder(path)
	if !ok {
		return
	}
	fmt.Fprintf(w, "kpi: warning: the database %s is in a folder synced by %s. A live database in a synced folder gets corrupted "+
		"when the service copies it while it is written. Keep it in the data folder (the default, without --db) "+
		"and share plans through that folder as packets instead.\n", path, p)
}
