package xlsx

import (
	"context"
	"io"

	"kpiplanner/app/progress"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/fileio"
)

// WriteCSVFiles writes each sheet of wb to its file of CSVPaths(path, wb),
// all or none: when ctx is cancelled or a write fails, no file is left.
func WriteCSVFiles(ctx context.Context, path string, wb *sheet.Workbook, report progress.Func) ([]string, error) {
	paths := sheet.CSVPaths(path, wb)
	m := progress.NewMeter(ctx, wb.NumRows(), report)
	err := fileio.WriteFiles(paths, func(i int, w io.Writer) error { return sheet.WriteCSV(w, wb.Sheets[i], m) })
	if err != nil {
		return nil, err
	}
	m.Done()
	return paths, nil
}
