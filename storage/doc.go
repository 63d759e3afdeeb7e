// Package storage keeps a KPI Planner workspace in one bbolt file: plans,
// their actuals, the people registry and org units, each plan's change
// history, the workspace log, period closes, the user's KPI library entries
// and settings. DB implements app.Store; DB.Update hands an app.Tx to a
// function, so that a change and its history land in one transaction.
//
// Layout: plans are stored without their actuals, keyed by big-endian plan
// id; each KPI's actuals are one compact record keyed by plan id + KPI id, so
// recording one KPI's actuals rewrites a few hundred bytes. A uid index maps
// each plan's stable uid to its key. People and units are keyed by uid,
// with an index from code to uid that keeps codes unique; a person index
// lists each person's plans, so a person with plans cannot be deleted. A
// plan stores its person's uid (and a copy of the person it was made with);
// the person's view, code and unit and the closed periods are resolved on
// every load (see resolve.go), never stored. Texts that repeat across plans
// (KPI names, descriptions, units, departments…) are stored once in a text
// table and plan records hold their numbers (schema 4, see texts.go); loading
// every plan reads the table once. A plan's history is keyed by
// its uid (16 raw bytes) + a big-endian sequence number, so reading it is
// one prefix scan and appending seeks to the prefix's last key; the
// workspace log and the period closes are keyed by big-endian sequence
// numbers in the order written. A meta bucket holds the schema version,
// and migrations run when a file is opened; it also holds an "open" marker
// while a session has the file, so a file whose last session did not close
// cleanly is checked page by page.
//
// Damage: Open checks the file's size and meta pages before bbolt maps it
// (a truncated file would crash with SIGBUS), runs bbolt's page check, and
// refuses a damaged file with an error matching app.ErrDamaged before
// writing anything; a broken page met later is reported the same way and
// stops all writes. OpenReadOnly reads a file without changing a byte.
package storage
