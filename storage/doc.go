// Package storage keeps a KPI Planner workspace in one bbolt file: plans,
// their actuals, the user's KPI library entries and settings. DB implements
// app.Store.
//
// Layout: plans are stored without their actuals, keyed by big-endian plan
// id; each KPI's actuals are one compact record keyed by plan id + KPI id, so
// recording one KPI's actuals rewrites a few hundred bytes. A uid index maps
// each plan's stable uid to its key. A meta bucket holds the schema version,
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
