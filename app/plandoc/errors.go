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

// problems collects the Problems of one document. Those found while reading
// the JSON come first in the Error, then those found while converting and
// validating plans, each in document order, as if every plan were checked
// after the whole document was read (which a streamed document is not).
type problems struct {
	read    problemList  // found while reading the JSON
	checked problemList  // found while converting and validating plans
	bad     map[int]bool // plans (by index) with a problem found while reading
}

// problemList holds Problems up to MaxProblems and counts the rest.
type problemList struct {
	list []*Problem
	more int
}

func (pl *problemList) add(path, msg string, err error) {
	if len(pl.list) >= MaxProblems {
		pl.more++
		return
	}
	pl.list = append(pl.list, &Problem{Path: path, Msg: msg, Err: err})
}

func (pl *problemList) count() int { return len(pl.list) + pl.more }

// markPlan notes that plans[i] had a problem, so it is not validated.
func (ps *problems) markPlan(i int) {
	if ps.bad == nil {
		ps.bad = map[int]bool{}
	}
	ps.bad[i] = true
}

// add records a problem found while converting or validating a plan.
func (ps *problems) add(path, msg string, err error) { ps.checked.add(path, msg, err) }

// addOnce adds a problem found after reading unless one was already
// recorded at the same path while reading (a wrong type there leaves a zero
// value behind that would otherwise be reported a second time).
func (ps *problems) addOnce(path, msg string) {
	for _, p := range ps.read.list {
		if p.Path == path {
			return
		}
	}
	ps.add(path, msg, nil)
}

func (ps *problems) count() int { return ps.read.count() + ps.checked.count() }

// err returns the collected problems as an *Error, or nil when there are none.
func (ps *problems) err() error {
	n := ps.count()
	if n == 0 {
		return nil
	}
	list := append(ps.read.list[:len(ps.read.list):len(ps.read.list)], ps.checked.list...)
	list = list[:min(len(list), MaxProblems)]
	return &Error{Problems: list, More: n - len(list)}
}
