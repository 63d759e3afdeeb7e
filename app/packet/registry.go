package packet

import (
	"fmt"

	"kpiplanner/app"
)

// docPerson is an app.Employee as a packet writes it.
type docPerson struct {
	UID       app.UID  `json:"uid"`
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Unit      app.UID  `json:"unit,omitempty"`
	Position  string   `json:"position,omitempty"`
	Level     int      `json:"level,omitempty"`
	Manager   app.UID  `json:"manager,omitempty"`
	Joined    app.Date `json:"joined,omitzero"`
	Left      app.Date `json:"left,omitzero"`
	BaseBonus float64  `json:"base_bonus,omitempty"`
	Currency  string   `json:"currency,omitempty"`
	Email     string   `json:"email,omitempty"`
}

// docUnit is an app.OrgUnit as a packet writes it.
type docUnit struct {
	UID    app.UID `json:"uid"`
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Parent app.UID `json:"parent,omitempty"`
	Head   app.UID `json:"head,omitempty"`
}

func peopleDoc(people []app.Employee) []docPerson {
	out := make([]docPerson, len(people))
	for i, e := range people {
		out[i] = docPerson(e)
	}
	return out
}

func unitsDoc(units []app.OrgUnit) []docUnit {
	out := make([]docUnit, len(units))
	for i, u := range units {
		out[i] = docUnit(u)
	}
	return out
}

// peopleOf converts and checks the people of a packet.
func peopleOf(docs []docPerson) ([]app.Employee, error) {
	out := make([]app.Employee, len(docs))
	for i, d := range docs {
		e := app.Employee(d)
		if _, err := app.ParseUID(string(e.UID)); err != nil {
			return nil, fmt.Errorf("people[%d]: %w", i, err)
		}
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("people[%d]: %w", i, err)
		}
		out[i] = e
	}
	return out, nil
}

// unitsOf converts and checks the units of a packet.
func unitsOf(docs []docUnit) ([]app.OrgUnit, error) {
	out := make([]app.OrgUnit, len(docs))
	for i, d := range docs {
		u := app.OrgUnit(d)
		if _, err := app.ParseUID(string(u.UID)); err != nil {
			return nil, fmt.Errorf("units[%d]: %w", i, err)
		}
		if err := u.Validate(); err != nil {
			return nil, fmt.Errorf("units[%d]: %w", i, err)
		}
		out[i] = u
	}
	return out, nil
}
