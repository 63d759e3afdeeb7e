package bonus

import (
	"fmt"
	"strings"

	"kpiplanner/app"
)

// session is the state behind Session: the people, an index by uid, and
// running sums updated by each move.
type session struct {
	in     []Input
	policy Policy
	target Target
	bands  []app.Band
	at     map[app.UID]int
	moves  []Move
	raw    float64   // Σ raw of the eligible
	pro    []float64 // each person's pro-rata (0 when not eligible)
	pool   float64
}

func newSession(in []Input, p Policy, t Target) *Session {
	s := &Session{s: session{in: append([]Input(nil), in...), policy: p, target: t, at: make(map[app.UID]int, len(in))}}
	st := &s.s
	st.pro = make([]float64, len(in))
	units := map[app.UID]bool{}
	for i := range st.in {
		r := &st.in[i]
		st.at[r.Person] = i
		if st.bands == nil && len(r.Bands) > 0 {
			st.bands = r.Bands
		}
		em := employ(&p, r.Joined, r.Left)
		if r.HasScore {
			st.pro[i] = em.ProRata
		}
		st.raw += r.Base * r.Multiplier * st.pro[i]
		units[poolKey(&p, r.PoolUnit)] = true
	}
	for u := range units {
		st.pool += p.PoolOf(u)
	}
	return s
}

func (s *session) move(person app.UID, band, reason string) (Totals, error) {
	i, ok := s.at[person]
	if !ok {
		return Totals{}, fmt.Errorf("calibration: %w: person %s is not in this calibration", app.ErrNotFound, person)
	}
	if strings.TrimSpace(reason) == "" {
		return Totals{}, &app.RuleError{Kind: app.ErrReasonRequired, Msg: app.M("moving %s to %s needs a reason", s.in[i].Name, band)}
	}
	if _, ok := BandMultiplier(s.in[i].Bands, band); !ok {
		return Totals{}, &app.FieldError{Field: "band", Msg: app.M("%s is not a rating band of %s's plan", band, s.in[i].Name)}
	}
	s.moves = append(s.moves, Move{Person: person, From: s.in[i].Band, To: band, Reason: reason})
	s.setBand(i, band)
	return s.totals(), nil
}

// setBand moves person i and updates the running raw total.
func (s *session) setBand(i int, band string) {
	r := &s.in[i]
	s.raw -= r.Base * r.Multiplier * s.pro[i]
	setBand(r, band)
	s.raw += r.Base * r.Multiplier * s.pro[i]
}

func (s *session) undo() (Totals, bool) {
	if len(s.moves) == 0 {
		return s.totals(), false
	}
	m := s.moves[len(s.moves)-1]
	s.moves = s.moves[:len(s.moves)-1]
	s.setBand(s.at[m.Person], m.From)
	return s.totals(), true
}

// totals solves the session's people: a unit of 2 500 takes well under a millisecond.
func (s *session) totals() Totals {
	res := Solve(s.in, s.policy)
	t := Totals{Raw: s.raw, Pool: s.pool, Total: res.Total, Feasible: res.Feasible,
		Dist: distribute(s.in, s.bands, s.target), Violations: check(s.in, s.bands, s.target)}
	if s.policy.Mode != ModeNone {
		t.Delta = s.raw - s.pool
	}
	return t
}
