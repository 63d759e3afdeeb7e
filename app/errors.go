package app

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors the GUI and the kpi command map to messages.
var (
	ErrNotFound = errors.New("not found")
	ErrInUse    = errors.New("the database file is in use by another KPI Planner window or process")
	ErrInvalid  = errors.New("invalid")
	// ErrDamaged means the database file failed a check: it is truncated,
	// empty or has broken pages, and nothing is written into it.
	ErrDamaged = errors.New("the database file is damaged")
)

// Msg is a user-facing message: Key is an English format string that is also
// the translation key; Args fill its verbs.
type Msg struct {
	Key  string
	Args []any
}

// M builds a Msg.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// String returns the message in English.
func (m Msg) String() string {
	if len(m.Args) == 0 {
		return strings.ReplaceAll(m.Key, "%%", "%")
	}
	return fmt.Sprintf(m.Key, m.Args...)
}

// FieldError is a validation error naming the plan, the KPI (if any) and the
// field at fault.
type FieldError struct {
	KPI   string // KPI id; "" for plan-level fields
	Field string // e.g. "target", "rules.group_weights"
	Msg   Msg    // what is wrong, in English as a translation key
}

// Error returns the error in English.
func (e *FieldError) Error() string {
	if e.KPI != "" {
		return fmt.Sprintf("KPI %s: %s: %s", e.KPI, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Msg)
}

// Is makes FieldError match ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// ValidationError lists every problem found in a plan.
type ValidationError struct {
	Plan   string
	Fields []*FieldError
}

// Error returns all problems in English, one after the other.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	name := Short(e.Plan, 60)
	if name == "" {
		name = "plan"
	}
	return fmt.Sprintf("%s: %s", name, strings.Join(parts, "; "))
}

// Is makes ValidationError match ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// For returns the problems found for one KPI id ("" for plan-level ones).
func (e *ValidationError) For(kpi string) []*FieldError {
	var out []*FieldError
	for _, f := range e.Fields {
		if f.KPI == kpi {
			out = append(out, f)
		}
	}
	return out
}

// RuleError is a refusal by a workspace rule (the review lifecycle, a closed
// period, a missing reason): Kind is the sentinel it matches, Msg what to tell
// the user.
type RuleError struct {
	Kind error
	Msg  Msg
}

// Error returns the refusal in English.
func (e *RuleError) Error() string { return e.Msg.String() }

// Message returns the refusal as a translatable message.
func (e *RuleError) Message() Msg { return e.Msg }

// Is makes RuleError match its Kind.
func (e *RuleError) Is(target error) bool { return target == e.Kind }
