package app

import (
	"errors"
	"testing"
)

// TestLifecycleTable walks every status × action pair against the table the
// issue gives: draft → submitted → approved → closed, reopen one step back.
func TestLifecycleTable(t *testing.T) {
	want := map[Status]map[Action]Status{
		Draft:     {Submit: Submitted},
		Submitted: {Approve: Approved, Reopen: Draft},
		Approved:  {Close: Closed, Reopen: Submitted},
		Closed:    {Reopen: Approved},
	}
	for _, s := range Statuses {
		for _, a := range Actions {
			got, err := s.Next(a)
			to, ok := want[s][a]
			switch {
			case ok && (err != nil || got != to):
				t.Errorf("%s %s = %s, %v; want %s", s, a, got, err, to)
			case !ok && !errors.Is(err, ErrRefused):
				t.Errorf("%s %s = %s, %v; want refused", s, a, got, err)
			}
		}
	}
}

func TestApprovedPlanRefusesTermsButTakesActuals(t *testing.T) {
	cases := []struct {
		status Status
		once   bool
		change Change
		reason string
		want   error
	}{
		{Draft, false, ChangeTerms, "", nil},
		{Submitted, false, ChangeTerms, "", nil},
		{Approved, true, ChangeTerms, "market shrank", ErrRefused}, // approved: reopen first
		{Approved, true, ChangeActuals, "", nil},
		{Approved, true, ChangeText, "", nil},
		{Submitted, true, ChangeTerms, "", ErrReasonRequired}, // reopened after approval
		{Submitted, true, ChangeTerms, "market shrank", nil},
		{Closed, true, ChangeActuals, "x", ErrRefused},
		{Closed, true, ChangeText, "x", ErrRefused},
	}
	for _, c := range cases {
		p := &Plan{Name: "P", Status: c.status, ApprovedOnce: c.once}
		err := CheckChange(p, c.change, c.reason)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s (approved once %v) %s %q: %v, want %v", c.status, c.once, c.change, c.reason, err, c.want)
		}
	}
}

func TestActionsFrom(t *testing.T) {
	if got := ActionsFrom(Approved); len(got) != 2 || got[0] != Close || got[1] != Reopen {
		t.Fatalf("ActionsFrom(approved) = %v, want [close reopen]", got)
	}
	if got := ActionsFrom(Draft); len(got) != 1 || got[0] != Submit {
		t.Fatalf("ActionsFrom(draft) = %v, want [submit]", got)
	}
}
