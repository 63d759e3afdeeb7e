package app

import (
	"errors"
	"strings"
)

// Action is a step of the review lifecycle.
type Action string

// The lifecycle actions.
const (
	Submit  Action = "submit"  // draft → submitted: the owner hands the plan in
	Approve Action = "approve" // submitted → approved: HR or the unit head approves targets and weights
	Close   Action = "close"   // approved → closed: the cycle is over, the result final
	Reopen  Action = "reopen"  // one step back; needs a written reason
)

// Actions lists every Action.
var Actions = []Action{Submit, Approve, Close, Reopen}

// Change is a kind of edit to a plan, as the lifecycle sees it.
type Change string

// The kinds of change a plan's status allows or refuses.
const (
	// ChangeTerms edits what was approved: targets, weights, groups, rules,
	// directions, the KPI set, the cycle.
	ChangeTerms Change = "terms"
	// ChangeText edits names, descriptions, notes and comments.
	ChangeText Change = "text"
	// ChangeActuals records or clears an actual of an open period.
	ChangeActuals Change = "actuals"
)

// ErrRefused means the plan's status, or a closed period, refuses the change.
var ErrRefused = errors.New("refused by the review lifecycle")

// ErrReasonRequired means the change needs a written reason.
var ErrReasonRequired = errors.New("a reason is required")

// transitions is the lifecycle table: from each status, where each action leads.
var transitions = map[Status]map[Action]Status{
	Draft:     {Submit: Submitted},
	Submitted: {Approve: Approved, Reopen: Draft},
	Approved:  {Close: Closed, Reopen: Submitted},
	Closed:    {Reopen: Approved},
}

// allowed says which kinds of change each status accepts.
var allowed = map[Status]map[Change]bool{
	Draft:     {ChangeTerms: true, ChangeText: true, ChangeActuals: true},
	Submitted: {ChangeTerms: true, ChangeText: true, ChangeActuals: true},
	Approved:  {ChangeText: true, ChangeActuals: true},
	Closed:    {},
}

// Next returns the status action a leads to from s, or an error wrapping
// ErrRefused when the table has no such step.
func (s Status) Next(a Action) (Status, error) {
	to, ok := transitions[s][a]
	if !ok {
		return s, &RuleError{Kind: ErrRefused, Msg: M("a plan that is %s cannot be %s", s.Word(), pastTense(a))}
	}
	return to, nil
}

// ActionsFrom returns the actions possible from s, in lifecycle order.
func ActionsFrom(s Status) []Action {
	var out []Action
	for _, a := range Actions {
		if _, ok := transitions[s][a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// Allows reports whether a plan in status s accepts a change of kind c.
func (s Status) Allows(c Change) bool { return allowed[s][c] }

// NeedsReason reports whether a change of kind c to p needs a written reason:
// every reopen, and any change to terms once the plan has been approved.
func NeedsReason(p *Plan, c Change) bool {
	return p.ApprovedOnce && c == ChangeTerms
}

// CheckChange returns nil when p's status accepts a change of kind c with
// the given reason, or an error wrapping ErrRefused or ErrReasonRequired.
func CheckChange(p *Plan, c Change, reason string) error {
	if !p.Status.Allows(c) {
		return &RuleError{Kind: ErrRefused, Msg: M("plan %s is %s: reopen it to change its %s", p.Name, p.Status.Word(), c.word())}
	}
	if NeedsReason(p, c) && strings.TrimSpace(reason) == "" {
		return &RuleError{Kind: ErrReasonRequired, Msg: M("plan %s has been approved: changing its %s needs a reason", p.Name, c.word())}
	}
	return nil
}

// pastTense is what action a makes of a plan, as a word of a message.
func pastTense(a Action) Msg {
	switch a {
	case Submit:
		return M("submitted")
	case Approve:
		return M("approved")
	case Close:
		return M("closed")
	}
	return M("reopened")
}

// Word returns the status as a word of a message, which a translator
// translates in place ("approved" in English).
func (s Status) Word() Msg {
	switch s {
	case Draft:
		return M("draft")
	case Submitted:
		return M("submitted")
	case Approved:
		return M("approved")
	case Closed:
		return M("closed")
	}
	return Msg{Key: string(s)}
}

// word returns the kind of change as a word of a message.
func (c Change) word() Msg {
	switch c {
	case ChangeTerms:
		return M("terms")
	case ChangeText:
		return M("text")
	}
	return M("actuals")
}
