package ui

// exportKind is what an export writes, which names the file it proposes.
type exportKind int

// The kinds of export.
const (
	exportScorecard       exportKind = iota // one plan's scorecard
	exportActualsTemplate                   // the empty actuals template of a plan
	exportActualsFilled                     // the actuals template with the actuals so far
	exportKPISheet                          // the KPI sheet of a plan
	exportCompany                           // the company's bonus workbook
)

// exportFileName is the file name, without extension, proposed for an
// export of kind about title (a plan's or person's name; the date for the
// company workbook), in the user's language: each kind its own.
func (u *UI) exportFileName(kind exportKind, title string) string {
	var name string
	switch kind {
	case exportScorecard:
		name = u.T("Scorecard - %s", title)
	case exportActualsTemplate:
		name = u.T("Actuals template - %s", title)
	case exportActualsFilled:
		name = u.T("Actuals so far - %s", title)
	case exportKPISheet:
		name = u.T("KPI sheet - %s", title)
	default:
		name = u.T("Company bonus - %s", title)
	}
	return safeFileName(name)
}

// exportDate is today's date as export file names carry it: 2026-03-15.
func (u *UI) exportDate() string {
	return u.ws.Today().Time().Format("2006-01-02")
}
