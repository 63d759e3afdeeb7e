package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// bonusScreen turns scores into money: the cycle and unit chosen at the
// top, and three tabs over them: the pool solved row by row, the
// calibration board, and the simulator.
type bonusScreen struct {
	u      *UI
	reg    *roster.Roster
	cycles []app.Cycle
	units  []app.UID // by option of unit; "" = the whole company

	cycle *widget.Select
	unit  *widget.Select
	tabs  *container.AppTabs
	pool  *bonusPoolTab
	calib *calibTab
	sim   *simTab
	root  fyne.CanvasObject
}

// The bonus screen's tabs, in order.
const (
	bonusTabPool = iota
	bonusTabCalibration
	bonusTabSimulator
)

func (u *UI) openBonus() {
	u.selectNav(navBonus)
	s := newBonusScreen(u)
	u.show(s)
	s.load()
}

func newBonusScreen(u *UI) *bonusScreen {
	s := &bonusScreen{u: u, reg: roster.New(nil, nil)}
	s.cycle = widget.NewSelect(nil, func(string) { s.onScope() })
	s.cycle.PlaceHolder = u.T("Pick a cycle")
	s.unit = widget.NewSelect(nil, func(string) { s.onScope() })
	s.unit.PlaceHolder = u.T("The whole company")
	s.pool = newBonusPoolTab(s)
	s.calib = newCalibTab(s)
	s.sim = newSimTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(u.T("Pool"), s.pool.root),
		container.NewTabItem(u.T("Calibration"), s.calib.root),
		container.NewTabItem(u.T("Simulator"), s.sim.root))
	s.tabs.OnSelected = func(*container.TabItem) { s.loadTab() }
	title := widget.NewLabelWithStyle(u.T("Bonus"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pick := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(u.T("Cycle")), nil, s.cycle),
		container.NewBorder(nil, nil, widget.NewLabel(u.T("Unit")), nil, s.unit))
	s.root = container.NewBorder(container.NewBorder(nil, nil, title, nil, pick), nil, nil, nil, s.tabs)
	return s
}

func (s *bonusScreen) view() fyne.CanvasObject { return s.root }

// load reads the cycles and the organisation in the background, then shows the first cycle.
func (s *bonusScreen) load() {
	u := s.u
	var cycles []app.Cycle
	var reg *roster.Roster
	u.async(func() (err error) {
		if cycles, err = u.ws.BonusCycles(); err != nil {
			return err
		}
		reg, err = u.loadRoster()
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		s.reg, s.cycles = reg, cycles
		labels := make([]string, len(cycles))
		for i, c := range cycles {
			labels[i] = u.cycleText(c)
		}
		units := []string{u.T("The whole company")}
		s.units = []app.UID{""}
		for _, uid := range reg.UnitOrder {
			units, s.units = append(units, reg.UnitLabel(uid)), append(s.units, uid)
		}
		s.unit.OnChanged = nil
		s.unit.SetOptions(units)
		s.unit.SetSelectedIndex(0)
		s.unit.OnChanged = func(string) { s.onScope() }
		s.cycle.SetOptions(labels)
		if len(labels) > 0 {
			s.cycle.SetSelectedIndex(0) // calls onScope
		}
	})
}

// scope is the chosen cycle and unit ("" = the company); ok is false before a cycle is chosen.
func (s *bonusScreen) scope() (c app.Cycle, unit app.UID, ok bool) {
	i := s.cycle.SelectedIndex()
	if i < 0 || i >= len(s.cycles) {
		return app.Cycle{}, "", false
	}
	if j := s.unit.SelectedIndex(); j > 0 && j < len(s.units) {
		unit = s.units[j]
	}
	return s.cycles[i], unit, true
}

// unitName names unit uid, or the whole company for "".
func (s *bonusScreen) unitName(uid app.UID) string {
	if uid == "" {
		return s.u.T("The whole company")
	}
	return s.reg.Org.Name(uid)
}

// onScope reloads what the tabs show for the newly chosen cycle or unit.
func (s *bonusScreen) onScope() {
	s.pool.stale, s.calib.stale, s.sim.stale = true, true, true
	s.loadTab()
}

// loadTab loads the shown tab when its data is stale.
func (s *bonusScreen) loadTab() {
	if _, _, ok := s.scope(); !ok {
		return
	}
	switch s.tabs.SelectedIndex() {
	case bonusTabPool:
		if s.pool.stale {
			s.pool.load()
		}
	case bonusTabCalibration:
		if s.calib.stale {
			s.calib.load()
		}
	case bonusTabSimulator:
		if s.sim.stale {
			s.sim.load()
		}
	}
}

// undo takes back the calibration's last move when the calibration is shown (Ctrl+Z).
func (s *bonusScreen) undo() bool {
	if s.tabs.SelectedIndex() == bonusTabCalibration {
		return s.calib.onUndo()
	}
	return false
}

// money writes x in the pool's currency.
func (s *bonusScreen) money(x float64, cur string) string { return s.u.tr.FormatMoney(x, cur) }

// bonusTour returns the tour steps of the Bonus screen: the pool, the
// calibration board and the simulator.
func (u *UI) bonusTour() []TourStep {
	var s *bonusScreen
	tab := func(i int) func() {
		return func() {
			if s == nil {
				u.openBonus()
				s, _ = u.cur.(*bonusScreen)
			}
			if s != nil {
				u.show(s)
				s.tabs.SelectIndex(i)
			}
		}
	}
	return []TourStep{
		{"28-bonus-pool", tab(bonusTabPool)},
		{"29-bonus-calibration", tab(bonusTabCalibration)},
		{"30-bonus-simulator", tab(bonusTabSimulator)},
	}
}

// save solves and saves the pool's rule when the pool is shown (Ctrl+S).
func (s *bonusScreen) save() {
	if s.tabs.SelectedIndex() == bonusTabPool {
		s.pool.onSolve()
	}
}
