// Package storage keeps a KPI Planner workspace in one bbolt file: plans,
// their actuals, the user's KPI library entries and settings. DB implements
// app.Store.
//
// Layout: plans are stored without their actuals, keyed by big-endian plan
// id; each KPI's actuals are one compact record keyed by plan id + KPI id, so
// recording one KPI's actuals rewrites a few hundred bytes. A meta bucket holds
// the schema version, and migrations run when a file is opened.
package storage
