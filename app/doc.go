// Package app is KPI Planner's domain: plans, KPIs, cycles and periods,
// validation, and the Store interface that storage implements.
//
// It imports neither Fyne nor bbolt; the GUI and the kpi command are thin
// shells over it and its subpackages (score, smart, plandoc, demo).
package app
