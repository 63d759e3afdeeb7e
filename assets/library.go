package assets

import "embed"

// Library holds the built-in KPI library: one file of entries per department
// in library/kpis/*.json and the goal types in library/goals.json, read by
// kpiplanner/app/library.
//
//go:embed library
var Library embed.FS
