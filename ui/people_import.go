package ui

// importPeople reads people and units from a spreadsheet, previews them and
// applies them. Placeholder: the preview-then-apply API (branch h-cli) is
// wired here when it lands.
func (u *UI) importPeople() {
	showMessage(u.win, u.T("Import people"), u.T("Importing people and units from a spreadsheet is not available yet in this build."))
}

// exportPeople writes the people and units to a spreadsheet. Placeholder
// until the export API (branch h-cli) lands.
func (u *UI) exportPeople() {
	showMessage(u.win, u.T("Export people"), u.T("Exporting people and units to a spreadsheet is not available yet in this build."))
}
