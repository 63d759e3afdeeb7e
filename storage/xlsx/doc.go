// Package xlsx writes KPI Planner's exports as .xlsx workbooks with
// excelize (styles, number formats, frozen headers, A4 landscape print
// setup, native charts, live formulas with cached values, optional
// password) or as .csv files, and reads .xlsx and .csv files into grids for
// the import parsers of package app/sheet.
package xlsx
