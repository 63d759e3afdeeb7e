package bonus

import "kpiplanner/app"

func applyOverrides(ov []Override, in []Input) []Input           { return in }
func distribute(in []Input, b []app.Band, t Target) Distribution { return Distribution{} }
func check(in []Input, b []app.Band, t Target) []Violation       { return nil }
func rescore(in []Input, sc Scenario) []Input                    { return in }
func regulate(p Policy, r app.Rules) Regulation                  { return Regulation{} }

type session struct {
	in     []Input
	policy Policy
	moves  []Move
}

func newSession(in []Input, p Policy, t Target) *Session                    { return &Session{} }
func (s *session) move(person app.UID, band, reason string) (Totals, error) { return Totals{}, nil }
func (s *session) undo() (Totals, bool)                                     { return Totals{}, false }
func (s *session) totals() Totals                                           { return Totals{} }

type simulator struct{}

func newSimulator(in []Input, p Policy, top int) *Simulator { return &Simulator{} }
func (s *simulator) run(sc Scenario) Outcome                { return Outcome{} }
