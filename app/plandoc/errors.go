package plandoc

import (
	"fmt"
	"strings"

	"kpiplanner/app"
)

// MaxProblems is how many problems an Error lists at most.
const MaxProblems = 50

// Problem is one thing wrong in a plan document, at a JSON path.
type Problem struct {
	Path string // e.g. plans[2].kpis[0].target, or plans[1] (name) for a plan's validation errors; "" for the document
	Msg  string // what is wrong, in English
	Err  error  // the underlying error (such as an *app.FieldError), or nil
}

// Error returns "path: message".
func (p *Problem) Error() string {
	if p.Path == "" {
		return "document: " + p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Unwrap returns the underlying error, if any.
func (p *Problem) Unwrap() error { return p.Err }

// Error is every problem found in a plan document; it matches app.ErrInvalid.
type Error struct {
	Problems []*Problem // in document order, at most MaxProblems
	More     int        // problems found beyond MaxProblems
}

// Error lists the problems one per line.
func (e *Error) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, p.Error())
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("… and %d more problems", e.More))
	}
	return strings.Join(lines, "\n")
}

// Is makes Error match app.ErrInvalid.
func (e *Error) Is(target error) bool { return target == app.ErrInvalid }

// Unwrap returns the problems, so errors.As can find an *app.FieldError.
func (e *Error) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// problems collects Problems up to MaxProblems.
type problems struct {
	list []*Problem
	more int
	bad  map[int]bool // plans (by index) with a problem found while reading
}

// markPlan notes that plans[i] had a problem, so it is not validated.
func (ps *problems) markPlan(i int) {
	if ps.bad == nil {
		ps.bad = map[int]bool{}
	}
	ps.bad[i] = true
}

func (ps *problems) add(path, msg string, err error) {
	if len(ps.list) >= MaxProblems {
		ps.more++
		return
	}
	ps.list = append(ps.list, &Problem{Path: path, Msg: msg, Err: err})
}

// addOnce adds a problem found after reading unless one was already
// recorded at the same path (a wrong type there leaves a zero value behind
// that would otherwise be reported a second time).
func (ps *problems) addOnce(path, msg string) {
	for _, p := range ps.list {
		if p.Path == path {
			return
		}
	}
	ps.add(path, msg, nil)
}

func (ps *problems) count() int { return len(ps.list) + ps.more }

// err returns the collected problems as an *Error, or nil when there are none.
func (ps *problems) err() error {
	if ps.count() == 0 {
		return nil
	}
	return &Error{Problems: ps.list, More: ps.more}
}
