package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/files"
	"kpiplanner/app/progress"
	"kpiplanner/app/score"
)

func init() {
	planExport = openPlanExport
	planImport = openPlanImport
	homeExport = openCompanyExport
}

// exportChoice is what the export dialog asks for.
type exportChoice struct {
	csv      bool         // CSV files rather than an .xlsx workbook
	window   score.Choice // the scoring window
	password string       // encrypts the .xlsx; "" = none
}

// ext returns the file extension of the chosen format.
func (c exportChoice) ext() string {
	if c.csv {
		return extCSV
	}
	return extXLSX
}

// exportForm is the export dialog: format, scoring window and password.
type exportForm struct {
	u        *UI
	format   *widget.RadioGroup
	xlsxOpt  string // the format options' labels
	csvOpt   string
	period   *widget.Select
	choices  []score.Choice // the scoring windows offered
	password *widget.Entry
	repeat   *widget.Entry
	hint     *widget.Label // what the chosen format holds
	problem  *widget.Label
	extra    *fyne.Container   // rows a caller adds above the buttons
	root     fyne.CanvasObject // the dialog's content
	d        *dialog.CustomDialog
	onGo     func(exportChoice)
}

// newExportForm builds the export dialog; choices are the scoring windows
// offered, chosen the one selected at first.
func newExportForm(u *UI, title string, choices []score.Choice, chosen score.Choice, onGo func(exportChoice)) *exportForm {
	f := &exportForm{u: u, onGo: onGo, xlsxOpt: u.T("Excel workbook (.xlsx)"), csvOpt: u.T("CSV files (.csv)")}
	f.format = widget.NewRadioGroup([]string{f.xlsxOpt, f.csvOpt}, f.onFormat)
	f.format.Horizontal = true
	f.format.Required = true
	f.period = widget.NewSelect(nil, nil)
	f.choices = choices
	setOptions(f.period, u.choiceLabels(choices))
	f.period.SetSelectedIndex(choiceIndex(choices, chosen))
	f.password = widget.NewPasswordEntry()
	f.password.SetPlaceHolder(u.T("None"))
	f.repeat = widget.NewPasswordEntry()
	f.hint = widget.NewLabel("")
	f.hint.Wrapping = fyne.TextWrapWord
	f.hint.TextStyle = fyne.TextStyle{Italic: true}
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	f.extra = container.NewVBox()
	form := widget.NewForm(
		widget.NewFormItem(u.T("Format"), f.format),
		widget.NewFormItem(u.T("Score up to"), f.period),
		&widget.FormItem{Text: u.T("Password"), Widget: f.password, HintText: u.T("Optional: Excel asks for it to open the file.")},
		widget.NewFormItem(u.T("Repeat password"), f.repeat),
	)
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), func() { f.d.Hide() })
	next := widget.NewButtonWithIcon(u.T("Choose a file…"), theme.DocumentSaveIcon(), f.onNext)
	next.Importance = widget.HighImportance
	f.root = container.NewVBox(form, f.hint, f.extra, f.problem)
	f.d = dialog.NewCustomWithoutButtons(title, f.root, u.win)
	f.d.SetButtons([]fyne.CanvasObject{cancel, next})
	f.format.SetSelected(f.xlsxOpt)
	return f
}

// note adds a line of explanation under the form.
func (f *exportForm) note(text string, imp widget.Importance) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	f.extra.Add(l)
}

func (f *exportForm) show() {
	f.d.Show()
	f.d.Resize(fyne.NewSize(560, f.d.MinSize().Height))
}

// csv reports whether CSV is the chosen format.
func (f *exportForm) csv() bool { return f.format.Selected == f.csvOpt }

// onFormat turns the password off for CSV, which cannot hold one.
func (f *exportForm) onFormat(string) {
	if f.csv() {
		f.password.SetText("")
		f.repeat.SetText("")
		f.password.Disable()
		f.repeat.Disable()
		f.hint.SetText(f.u.T("CSV files hold the values only: no formulas, formatting, chart or password. A workbook of several sheets becomes one file per sheet."))
	} else {
		f.password.Enable()
		f.repeat.Enable()
		f.hint.SetText(f.u.T("The workbook keeps live formulas: edit a target or an actual in Excel and the scores follow."))
	}
}

// choice returns what the form says, or a problem to show.
func (f *exportForm) choice() (exportChoice, string) {
	c := exportChoice{csv: f.csv()}
	if i := f.period.SelectedIndex(); i >= 0 && i < len(f.choices) {
		c.window = f.choices[i]
	}
	if !c.csv {
		if f.password.Text != f.repeat.Text {
			return c, f.u.T("The two passwords differ: type the same password twice.")
		}
		c.password = f.password.Text
	}
	return c, ""
}

// onNext checks the form, closes it and goes on to choosing the file.
func (f *exportForm) onNext() {
	c, problem := f.choice()
	if problem != "" {
		f.problem.SetText(problem)
		f.problem.Show()
		return
	}
	f.d.Hide()
	f.onGo(c)
}

// writeFunc writes an export and returns the files it wrote.
type writeFunc func(ctx context.Context, path string, opts files.Options) ([]string, error)

// runExport writes an export to target behind a progress dialog, then says
// where it went. Cancelled or failed, it leaves no file behind.
func (u *UI) runExport(t *task, target saveTarget, password string, write writeFunc) {
	opts := files.Options{Password: password, T: u.tr.T}
	var files []string
	t.run(func(ctx context.Context, progress progress.Func) error {
		opts.Progress = progress
		var err error
		files, err = write(ctx, target.path, opts)
		return err
	}, func(err error) {
		dropPlaceholder(target, files)
		switch {
		case errors.Is(err, context.Canceled):
			u.notify(u.T("Export cancelled: no file was written."))
		case err != nil:
			u.showError(err)
		case len(files) == 1:
			u.notify(u.T("Exported to %s", files[0]))
		default:
			u.notify(u.T("Exported %d files to %s", len(files), filepath.Dir(target.path)))
		}
	})
}
