// Package importmap brings workbooks KPI Planner did not write into plans:
// a neutral model of a workbook (Book, Table, Cell), the detection of a
// sheet's header row, suggestions of which column holds which field, the
// Mapping a user confirms (a JSON file, docs/import-format.md), the reading
// of long, wide and KPIs-down layouts into records, and the Preview of what
// an import would create, change or refuse. It does no file I/O: readers of
// .xlsx files live in storage/xlsx behind the Reader interface; CSV text is
// decoded here (ReadCSV), as it needs no file format library.
package importmap
