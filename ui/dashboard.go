package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/dashboard"
	"kpiplanner/app/score"
)

// The dashboards' readers, in the order the reader selector lists them.
const (
	readerDirector = iota
	readerHead
	readerSpecialist
)

// dashboardEvent, when set (by tests), is told on the UI goroutine when a
// reader's view has been filled ("view") and when a chart is shown ("chart").
var dashboardEvent func(what string)

// dashboardScreen shows charts for a director, a department head or a
// specialist. Plans are loaded, scored and summarised off the UI goroutine;
// the views only format what app/dashboard computed.
type dashboardScreen struct {
	u *UI

	reader, dept, person, period *widget.Select
	selectors                    *fyne.Container // the selectors' row
	fields                       [4]*fyne.Container
	busy                         *fyne.Container
	busyText                     *widget.Label

	plans   []*app.Plan        // every plan, as loaded
	units   []app.OrgUnit      // the org units: a department chosen covers its subtree
	company *dashboard.Company // plans scored over the chosen window
	choice  score.Choice       // the chosen window; each plan's official window at first
	choices []score.Choice     // window option → choice
	depts   []string           // department option → department ("" = the whole company)
	people  []dashboard.Person // person option → plan
	gen     int                // bumped by each change; older results are dropped
	filling bool               // options are being filled: ignore the selectors' events

	body     *fyne.Container // the current reader's view, or a message
	message  *widget.Label
	director *directorView
	team     *teamView
	spec     *specialistView
	root     fyne.CanvasObject
}

func (u *UI) openDashboards() {
	u.selectNav(navDashboards)
	s := newDashboardScreen(u)
	u.show(s)
	s.load()
}

func newDashboardScreen(u *UI) *dashboardScreen {
	s := &dashboardScreen{u: u}
	s.reader = widget.NewSelect([]string{u.T("Director"), u.T("Department head"), u.T("Specialist")}, nil)
	s.reader.SetSelectedIndex(readerDirector)
	s.reader.OnChanged = s.onReaderChanged
	s.dept = widget.NewSelect(nil, s.onDepartmentChanged)
	s.dept.PlaceHolder = u.T("Department")
	s.person = widget.NewSelect(nil, s.onPersonChanged)
	s.person.PlaceHolder = u.T("Choose a person")
	s.period = widget.NewSelect(nil, s.onPeriodChanged)
	s.busyText = widget.NewLabel("")
	s.busyText.Importance = widget.LowImportance
	bar := widget.NewProgressBarInfinite()
	s.busy = container.NewBorder(nil, nil, s.busyText, nil, bar)
	s.busy.Hide()
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Alignment = fyne.TextAlignCenter
	s.director = newDirectorView(u)
	s.team = newTeamView(u)
	s.spec = newSpecialistView(u)
	s.body = container.NewStack()
	s.root = container.NewBorder(s.header(), nil, nil, nil, s.body)
	return s
}

func (s *dashboardScreen) view() fyne.CanvasObject { return s.root }

// afterUndo reloads: an undo may bring a plan back.
func (s *dashboardScreen) afterUndo() { s.load() }

// header holds the title and the reader, department, person and period selectors.
func (s *dashboardScreen) header() fyne.CanvasObject {
	u := s.u
	title := widget.NewLabelWithStyle(u.T("Dashboards"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	field := func(caption string, sel *widget.Select) *fyne.Container {
		return container.NewBorder(nil, nil, widget.NewLabel(caption), nil, sel)
	}
	s.fields = [4]*fyne.Container{field(u.T("Reader"), s.reader), field(u.T("Department"), s.dept),
		field(u.T("Person"), s.person), field(u.T("Period"), s.period)}
	s.selectors = container.New(&columnsLayout{})
	s.showPersonField(false)
	return container.NewVBox(container.NewBorder(nil, nil, title, nil, s.busy), s.selectors, widget.NewSeparator())
}

// showPersonField lays out the selectors with or without the person's:
// the reader and the period take what they need, the department and the
// person share the rest.
func (s *dashboardScreen) showPersonField(show bool) {
	const readerWidth, periodWidth = 230, 200
	f := s.fields
	if show {
		s.selectors.Layout = &columnsLayout{widths: []float32{readerWidth, 0, 0, periodWidth}, flexMin: 160}
		s.selectors.Objects = []fyne.CanvasObject{f[0], f[1], f[2], f[3]}
	} else {
		s.selectors.Layout = &columnsLayout{widths: []float32{readerWidth, 0, periodWidth}, flexMin: 160}
		s.selectors.Objects = []fyne.CanvasObject{f[0], f[1], f[3]}
	}
	s.selectors.Refresh()
}

// setBusy shows what is being worked on ("" hides it).
func (s *dashboardScreen) setBusy(what string) {
	s.busyText.SetText(what)
	if what == "" {
		s.busy.Hide()
	} else {
		s.busy.Show()
	}
}

// showMessage replaces the view with a message.
func (s *dashboardScreen) showMessage(text string) {
	s.message.SetText(text)
	s.setBody(container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 120), s.message)))
}

func (s *dashboardScreen) setBody(o fyne.CanvasObject) {
	if len(s.body.Objects) == 1 && s.body.Objects[0] == o {
		return
	}
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// load reads every plan and scores it over the chosen window — until the
// user chooses one, each plan's official window — off the UI goroutine.
func (s *dashboardScreen) load() {
	s.gen++
	gen, pick := s.gen, s.choice.Pick(s.u.ws.Today())
	var plans []*app.Plan
	var units []app.OrgUnit
	var company *dashboard.Company
	s.setBusy(s.u.T("Loading plans…"))
	s.u.async(func() error {
		var err error
		if plans, err = s.u.ws.Store().Plans(); err != nil {
			return err
		}
		if units, err = s.u.ws.Units(); err != nil {
			return err
		}
		company = dashboard.New(plans, pick).WithUnits(units)
		return nil
	}, func(err error) {
		if gen != s.gen {
			return
		}
		s.setBusy("")
		if err != nil {
			s.u.showError(err)
			return
		}
		s.plans, s.units, s.company = plans, units, company
		s.fillPeriods()
		s.fillDepartments()
		s.update()
	})
}

// rescore scores the loaded plans over the chosen window, off the UI goroutine.
func (s *dashboardScreen) rescore() {
	if s.plans == nil {
		return
	}
	s.gen++
	gen, pick, plans, units := s.gen, s.choice.Pick(s.u.ws.Today()), s.plans, s.units
	var company *dashboard.Company
	s.setBusy(s.u.T("Scoring…"))
	s.u.async(func() error {
		company = dashboard.New(plans, pick).WithUnits(units)
		return nil
	}, func(error) {
		if gen != s.gen {
			return
		}
		s.setBusy("")
		s.company = company
		s.update()
	})
}

// update draws the chosen reader's view from the scored plans, off the UI goroutine.
func (s *dashboardScreen) update() {
	u, c := s.u, s.company
	if c == nil {
		return
	}
	if c.Len() == 0 {
		s.showMessage(u.T("There are no active plans yet. Create a plan, or open the sample company from the Plans screen."))
		return
	}
	dept := s.department()
	switch s.reader.SelectedIndex() {
	case readerHead:
		s.compute(func() func() {
			t := c.Team(dept)
			return func() { s.setBody(s.team.root); s.team.set(t) }
		})
	case readerSpecialist:
		i := s.person.SelectedIndex()
		if i < 0 || i >= len(s.people) {
			s.gen++ // drops any view still being computed
			s.showMessage(u.T("Choose a person to see their KPIs."))
			return
		}
		id := s.people[i].PlanID
		s.compute(func() func() {
			v, _ := c.Specialist(id)
			return func() { s.setBody(s.spec.root); s.spec.set(v) }
		})
	default:
		s.compute(func() func() {
			d := c.Director(dept)
			return func() { s.setBody(s.director.root); s.director.set(d) }
		})
	}
}

// compute runs work off the UI goroutine, then the fill it returns on it,
// unless a newer change came in the meantime.
func (s *dashboardScreen) compute(work func() (fill func())) {
	s.gen++
	gen := s.gen
	var fill func()
	s.setBusy(s.u.T("Computing…"))
	s.u.async(func() error {
		fill = work()
		return nil
	}, func(error) {
		if gen != s.gen {
			return
		}
		s.setBusy("")
		fill()
		if dashboardEvent != nil {
			dashboardEvent("view")
		}
	})
}
