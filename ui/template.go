package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// templatesScreen lists the position templates and edits the selected one:
// its KPIs with their default values, saved as a new version through the
// update dialog, and its assignment to people.
type templatesScreen struct {
	u       *UI
	list    []*app.Template
	sel     int           // the selected template's index; -1 for none
	draft   *app.Template // the selected template as being edited
	kpiSel  int           // the selected KPI's index; -1 for none
	tlist   *widget.List
	klist   *widget.List
	detail  *widget.Label
	actions []*widget.Button // need a selected template
	kpiActs []*widget.Button // need a selected KPI
	root    fyne.CanvasObject
	dialog  *assignDialog // the assign dialog while open
	update  *updateDialog // the update dialog while open
}

func (u *UI) openTemplates() {
	u.selectNav(navTemplates)
	s := newTemplatesScreen(u)
	u.show(s)
	s.reload()
}

func newTemplatesScreen(u *UI) *templatesScreen {
	s := &templatesScreen{u: u, sel: -1, kpiSel: -1}
	s.tlist = widget.NewList(func() int { return len(s.list) }, func() fyne.CanvasObject {
		l := widget.NewLabel("Nhân viên kinh doanh — cấp 2 · v12")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.list[i].Label()) })
	s.tlist.OnSelected = s.onSelect
	s.klist = widget.NewList(s.kpiCount, func() fyne.CanvasObject {
		l := widget.NewLabel("A · Doanh thu khách hàng mới · 1 · 100")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, s.updateKPI)
	s.klist.OnSelected = func(i widget.ListItemID) { s.kpiSel = i; s.enable() }
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.root = s.build()
	return s
}

func (s *templatesScreen) view() fyne.CanvasObject { return s.root }

func (s *templatesScreen) build() fyne.CanvasObject {
	u := s.u
	title := widget.NewLabelWithStyle(u.T("Position templates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fromGoal := widget.NewButtonWithIcon(u.T("From goal type…"), theme.ContentAddIcon(), s.onNewFromGoal)
	fromScratch := widget.NewButtonWithIcon(u.T("New…"), theme.ContentAddIcon(), s.onNewBlank)
	fromPlan := widget.NewButtonWithIcon(u.T("From plan…"), theme.ContentCopyIcon(), s.onNewFromPlan)
	imp := widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), s.onImport)
	exp := widget.NewButtonWithIcon(u.T("Export…"), theme.DownloadIcon(), s.onExport)
	addKPI := widget.NewButtonWithIcon(u.T("Add KPI…"), theme.ContentAddIcon(), s.onAddKPI)
	editKPI := widget.NewButtonWithIcon(u.T("Edit KPI…"), theme.DocumentCreateIcon(), s.onEditKPI)
	delKPI := widget.NewButtonWithIcon(u.T("Remove KPI"), theme.DeleteIcon(), s.onRemoveKPI)
	save := widget.NewButtonWithIcon(u.T("Save version…"), theme.DocumentSaveIcon(), s.onSaveVersion)
	save.Importance = widget.HighImportance
	assign := widget.NewButtonWithIcon(u.T("Assign…"), theme.AccountIcon(), s.onAssign)
	s.actions = []*widget.Button{addKPI, save, assign}
	s.kpiActs = []*widget.Button{editKPI, delKPI}
	right := container.NewBorder(
		container.NewVBox(cappedMessage(s.detail, 3, true), container.NewGridWithColumns(3, addKPI, editKPI, delKPI)),
		container.NewGridWithColumns(2, save, assign), nil, nil, s.klist)
	split := container.NewHSplit(s.tlist, right)
	split.Offset = 0.35
	top := container.NewBorder(nil, nil, title, container.NewHBox(fromGoal, fromPlan, fromScratch, imp, exp))
	s.enable()
	return container.NewBorder(top, nil, nil, nil, split)
}

// reload reads the templates in the background and keeps the selection.
func (s *templatesScreen) reload() {
	u := s.u
	var ts []*app.Template
	u.async(func() (err error) { ts, err = u.ws.Templates(); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		keep := app.UID("")
		if s.draft != nil {
			keep = s.draft.UID
		}
		s.list, s.sel, s.draft, s.kpiSel = ts, -1, nil, -1
		s.tlist.UnselectAll()
		s.tlist.Refresh()
		for i, t := range ts {
			if t.UID == keep {
				s.tlist.Select(i)
			}
		}
		s.showDetail()
	})
}

func (s *templatesScreen) onSelect(i widget.ListItemID) {
	s.sel, s.kpiSel = i, -1
	s.draft = s.list[i].Clone()
	s.klist.UnselectAll()
	s.klist.Refresh()
	s.showDetail()
}

func (s *templatesScreen) kpiCount() int {
	if s.draft == nil {
		return 0
	}
	return len(s.draft.KPIs)
}

func (s *templatesScreen) updateKPI(i widget.ListItemID, o fyne.CanvasObject) {
	k := s.draft.KPIs[i]
	o.(*widget.Label).SetText(joinNonEmpty(" · ", string(k.Group), k.Name, s.u.T("weight %s", num(k.Weight)), s.u.T("target %s", num(k.Target))))
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// showDetail describes the selected template and enables the actions.
func (s *templatesScreen) showDetail() {
	u := s.u
	if s.draft == nil {
		s.detail.SetText(u.T("%d templates", len(s.list)))
	} else {
		lv := u.T("every level")
		if s.draft.Level > 0 {
			lv = u.T("level %d", s.draft.Level)
		}
		s.detail.SetText(u.T("%s for %s, %s; version %d of %s by %s", s.draft.Name, s.draft.Position, lv, s.list[s.sel].Version,
			s.list[s.sel].At.Local().Format("2006-01-02 15:04"), s.list[s.sel].User))
	}
	s.enable()
}

func (s *templatesScreen) enable() {
	for _, b := range s.actions {
		enable(b, s.draft != nil)
	}
	for _, b := range s.kpiActs {
		enable(b, s.draft != nil && s.kpiSel >= 0 && s.kpiSel < len(s.draft.KPIs))
	}
}

// saveNew saves a new template in the background, then selects it.
func (s *templatesScreen) saveNew(t *app.Template) {
	u := s.u
	u.async(func() error { return u.ws.SaveTemplate(t, "") }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		s.draft = t
		s.reload()
	})
}

// askNew asks for a new template's name, position and level (and extra
// form items), then calls made with them.
func (s *templatesScreen) askNew(title string, extra []*widget.FormItem, made func(name, position string, level int)) {
	u := s.u
	name, position, level := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	level.SetText("0")
	items := append([]*widget.FormItem{{Text: u.T("Name"), Widget: name}, {Text: u.T("Position"), Widget: position},
		{Text: u.T("Level (0: every level)"), Widget: level}}, extra...)
	d := dialog.NewForm(title, u.T("Create"), u.T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		lv, err := strconv.Atoi(level.Text)
		if err != nil {
			u.showError(&app.FieldError{Field: "level", Msg: app.M("must be between 0 and 99")})
			return
		}
		made(name.Text, position.Text, lv)
	}, u.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

func (s *templatesScreen) onNewBlank() {
	u := s.u
	first := widget.NewEntry()
	s.askNew(u.T("New template"), []*widget.FormItem{{Text: u.T("First KPI"), Widget: first}}, func(name, pos string, lv int) {
		t := app.NewTemplate(name, pos, lv)
		t.KPIs = []app.KPI{app.CustomKPI("k1", first.Text)}
		t.KPIs[0].Group = app.GroupA
		t.Rules.GroupWeights = map[app.Group]float64{app.GroupA: 100}
		s.saveNew(t)
	})
}

func (s *templatesScreen) onNewFromGoal() {
	u := s.u
	goals := u.lib.GoalTypes()
	names := make([]string, len(goals))
	for i, g := range goals {
		names[i] = g.Name.In(u.tr.Lang())
	}
	pick := widget.NewSelect(names, nil)
	s.askNew(u.T("New template from a goal type"), []*widget.FormItem{{Text: u.T("Goal type"), Widget: pick}}, func(name, pos string, lv int) {
		i := pick.SelectedIndex()
		if i < 0 {
			u.showError(&app.FieldError{Field: "goal_type", Msg: app.M("is required")})
			return
		}
		t, err := template.FromGoalType(u.lib, goals[i].ID, u.tr.Lang(), name, pos, lv)
		if err != nil {
			u.showError(err)
			return
		}
		s.saveNew(t)
	})
}

func (s *templatesScreen) onNewFromPlan() {
	u := s.u
	var plans []*app.Plan
	u.async(func() (err error) { plans, err = u.ws.Store().Plans(); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		names := make([]string, len(plans))
		for i, p := range plans {
			names[i] = fmt.Sprintf("%d · %s", p.ID, p.Name)
		}
		pick := widget.NewSelect(names, nil)
		s.askNew(u.T("New template from a plan"), []*widget.FormItem{{Text: u.T("Plan"), Widget: pick}}, func(name, pos string, lv int) {
			if i := pick.SelectedIndex(); i >= 0 {
				s.saveNew(template.FromPlan(plans[i], name, pos, lv))
			}
		})
	})
}
