package bonus

import "kpiplanner/app"

// Totals is what the calibration board shows after every move.
type Totals struct {
	Raw        float64 // Σ raw after the moves (what the bands cost before the pool scales them)
	Pool       float64 // the pool of the session's scope
	Delta      float64 // Raw − Pool: "+12 400 000 ₫ over the pool" when positive
	Total      float64 // Σ final of the solved rows
	Dist       Distribution
	Violations []Violation
	Feasible   bool
}

// Move is one pending band change of a session.
type Move struct {
	Person app.UID
	From   string
	To     string
	Reason string
}

// Session is a live calibration of one scope (a unit or the company): moves
// update the totals incrementally and can be undone; nothing is saved (the
// workspace's Override saves each move). Not safe for concurrent use.
type Session struct {
	s session
}

// NewSession starts a session over in (overrides already applied) under p and target t.
func NewSession(in []Input, p Policy, t Target) *Session { return newSession(in, p, t) }

// Move puts person into band with a reason and returns the new totals; it
// refuses an unknown person or band and an empty reason.
func (s *Session) Move(person app.UID, band, reason string) (Totals, error) {
	return s.s.move(person, band, reason)
}

// Undo takes back the last move, reporting false when there is none.
func (s *Session) Undo() (Totals, bool) { return s.s.undo() }

// Totals returns the current totals.
func (s *Session) Totals() Totals { return s.s.totals() }

// Moves returns the moves made so far, oldest first.
func (s *Session) Moves() []Move { return append([]Move(nil), s.s.moves...) }

// Inputs returns the people with the moves applied (a copy).
func (s *Session) Inputs() []Input { return append([]Input(nil), s.s.in...) }

// Result solves the session's people under its policy.
func (s *Session) Result() Result { return Solve(s.s.in, s.s.policy) }
