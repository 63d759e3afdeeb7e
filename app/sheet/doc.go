// Package sheet is the spreadsheet side of KPI Planner's domain: the
// layouts of the exported workbooks (plan scorecards with live formulas that
// reproduce the scoring engine, the company bonus sheet and its detail), as
// a tabular model that file writers turn into .xlsx or .csv; CSV writing and
// reading; and the import templates and parsers for actuals and KPI
// definitions, which turn a grid of cells into a preview and then a plan.
//
// It imports neither excelize nor anything outside the standard library,
// golang.org/x/text and kpiplanner/app…; storage/xlsx writes and reads the
// .xlsx files.
package sheet
