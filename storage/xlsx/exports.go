package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
)

// IsCSV reports whether path names a .csv file (any letter case).
func IsCSV(path string) bool { return strings.EqualFold(filepath.Ext(path), ".csv") }

// WriteWorkbook writes wb to path: an .xlsx workbook, or, when path ends in
// .csv, one CSV file per sheet (see sheet.CSVPaths). It returns the files
// written; on error or cancellation none is left behind.
func WriteWorkbook(ctx context.Context, path string, wb *sheet.Workbook, opts Options) ([]string, error) {
	if IsCSV(path) {
		files, err := WriteCSVFiles(ctx, path, wb, opts.Progress)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", path, err)
		}
		return files, nil
	}
	if err := Write(ctx, path, wb, opts); err != nil {
		return nil, err
	}
	return []string{path}, nil
}

// WriteScorecards writes one scorecard sheet per plan, scored over the
// window pick chooses for it, to path (.xlsx or .csv). With opts.History,
// an .xlsx file gets a last sheet, History, listing the plans' changes.
func WriteScorecards(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, opts Options) ([]string, error) {
	wb, _ := sheet.Scorecards(plans, pick, opts.T)
	used := make(map[string]bool, len(wb.Sheets))
	for _, s := range wb.Sheets {
		used[strings.ToLower(s.Name)] = true
	}
	if !IsCSV(path) { // each plan's plan and actual view (issue 12)
		wb.Sheets = append(wb.Sheets, sheet.PlanActualSheets(plans, pick, opts.T, used)...)
	}
	if opts.History != nil && !IsCSV(path) {
		wb.Sheets = append(wb.Sheets, sheet.HistorySheet(plans, opts.History, opts.T, used))
	}
	return WriteWorkbook(ctx, path, wb, opts)
}

// WriteCompany writes the company bonus workbook of plans, each scored over
// the window pick chooses for it, to path (.xlsx or .csv).
func WriteCompany(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, opts Options) ([]string, error) {
	wb, _ := sheet.Company(plans, pick, opts.T)
	return WriteWorkbook(ctx, path, wb, opts)
}

// WriteActualsTemplate writes the actuals import template of p to path
// (.xlsx or .csv); with filled, it holds the actuals recorded so far.
func WriteActualsTemplate(ctx context.Context, path string, p *app.Plan, filled bool, opts Options) ([]string, error) {
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{sheet.ActualsTemplate(p, opts.T, filled)}}
	return WriteWorkbook(ctx, path, wb, opts)
}

// WriteKPISheet writes p's KPI definitions in the layout the KPI import
// reads to path (.xlsx or .csv); for a plan without KPIs it is an empty template.
func WriteKPISheet(ctx context.Context, path string, p *app.Plan, opts Options) ([]string, error) {
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{sheet.KPISheet(p, opts.T)}}
	return WriteWorkbook(ctx, path, wb, opts)
}
