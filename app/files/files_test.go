package files

import (
	"context"
	"errors"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// TestNoneFailsEveryCallWithErrUnavailable checks that a GUI given no
// Spreadsheets says so rather than writing or reading anything.
func TestNoneFailsEveryCallWithErrUnavailable(t *testing.T) {
	ctx := context.Background()
	p := &app.Plan{}
	_, e1 := None{}.WriteScorecards(ctx, "a.xlsx", []*app.Plan{p}, nil, Options{})
	_, e2 := None{}.WriteCompany(ctx, "a.xlsx", []*app.Plan{p}, nil, Options{})
	_, e3 := None{}.WriteActualsTemplate(ctx, "a.xlsx", p, true, Options{})
	_, e4 := None{}.WriteKPISheet(ctx, "a.xlsx", p, Options{})
	g, e5 := None{}.ReadGrid(ctx, "a.xlsx", "")
	_, e6 := None{}.WriteTable(ctx, "a.csv", &sheet.Sheet{}, Options{})
	_, e7 := None{}.Sheets(ctx, "a.xlsx", "")
	_, e8 := None{}.ReadTable(ctx, "a.xlsx", "", "", "", 0)
	for i, err := range []error{e1, e2, e3, e4, e5, e6, e7, e8} {
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("call %d: err = %v, want ErrUnavailable", i+1, err)
		}
	}
	if g != nil {
		t.Errorf("ReadGrid grid = %v, want nil", g)
	}
}

// TestPasswordErrorsAreInvalidInputWithMessages checks that the sentinel
// errors match app.ErrInvalid, survive wrapping and carry their message key.
func TestPasswordErrorsAreInvalidInputWithMessages(t *testing.T) {
	for _, err := range []error{ErrPasswordProtected, ErrWrongPassword, ErrUnavailable} {
		wrapped := errors.Join(errors.New("import x.xlsx"), err)
		if !errors.Is(wrapped, err) || !errors.Is(wrapped, app.ErrInvalid) {
			t.Errorf("%v: wrapped does not match itself and app.ErrInvalid", err)
		}
		var m interface{ Message() app.Msg }
		if !errors.As(err, &m) || m.Message().Key != err.Error() {
			t.Errorf("%v: message key = %+v", err, m)
		}
	}
	if errors.Is(ErrPasswordProtected, ErrWrongPassword) {
		t.Error("ErrPasswordProtected matches ErrWrongPassword")
	}
}
