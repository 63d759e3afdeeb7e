// Package assets holds the data files KPI Planner embeds in its binaries:
// translation catalogs and the built-in KPI library.
package assets
