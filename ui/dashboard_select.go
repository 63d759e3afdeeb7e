package ui

import (
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/dashboard"
)

// fillPeriods offers each plan's official window, the whole cycle and each
// month end (every plan scored through it in its own cycle), keeping the
// chosen one.
func (s *dashboardScreen) fillPeriods() {
	s.filling = true
	defer func() { s.filling = false }()
	s.choices = dashboard.Choices(s.plans)
	setOptions(s.period, s.u.choiceLabels(s.choices))
	s.period.SetSelectedIndex(choiceIndex(s.choices, s.choice))
}

// fillDepartments offers the departments the reader can choose from — a
// director also the whole company — keeping the chosen one when it is
// still offered; then the people for a specialist.
func (s *dashboardScreen) fillDepartments() {
	s.filling = true
	defer func() { s.filling = false }()
	u, cur := s.u, s.department()
	depts := s.company.Departments()
	var opts []string
	s.depts = nil
	if s.reader.SelectedIndex() == readerDirector || len(depts) == 0 {
		opts = append(opts, u.T("Whole company"))
		s.depts = append(s.depts, "")
	}
	opts = append(opts, depts...)
	s.depts = append(s.depts, depts...)
	s.dept.SetOptions(opts)
	s.dept.SetSelectedIndex(max(slices.Index(s.depts, cur), 0))
	s.fillPeople()
}

// fillPeople offers the people of the chosen department to a specialist,
// keeping the chosen plan when it is still offered, else the first.
func (s *dashboardScreen) fillPeople() {
	if s.reader.SelectedIndex() != readerSpecialist {
		s.showPersonField(false)
		return
	}
	s.showPersonField(true)
	cur := s.planID()
	s.people = s.company.People(s.department())
	opts := make([]string, len(s.people))
	sel := 0
	for i, p := range s.people {
		opts[i] = joinNonEmpty(" · ", p.Name, p.Position)
		if p.PlanID == cur {
			sel = i
		}
	}
	s.person.SetOptions(opts)
	if len(opts) > 0 {
		s.person.SetSelectedIndex(sel)
	} else {
		s.person.ClearSelected()
	}
}

// department is the chosen department ("" = the whole company).
func (s *dashboardScreen) department() string {
	if i := s.dept.SelectedIndex(); i >= 0 && i < len(s.depts) {
		return s.depts[i]
	}
	return ""
}

// planID is the chosen person's plan (0 when none).
func (s *dashboardScreen) planID() app.PlanID {
	if i := s.person.SelectedIndex(); i >= 0 && i < len(s.people) {
		return s.people[i].PlanID
	}
	return 0
}

func (s *dashboardScreen) onReaderChanged(string) {
	if s.filling || s.company == nil {
		return
	}
	s.fillDepartments()
	s.update()
}

func (s *dashboardScreen) onDepartmentChanged(string) {
	if s.filling || s.company == nil {
		return
	}
	s.filling = true
	s.fillPeople()
	s.filling = false
	s.update()
}

func (s *dashboardScreen) onPersonChanged(string) {
	if !s.filling && s.company != nil {
		s.update()
	}
}

func (s *dashboardScreen) onPeriodChanged(string) {
	if s.filling {
		return
	}
	if i := s.period.SelectedIndex(); i >= 0 && i < len(s.choices) && s.choices[i] != s.choice {
		s.choice = s.choices[i]
		s.rescore()
	}
}
