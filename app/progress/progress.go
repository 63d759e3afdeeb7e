// Package progress reports how far long work has got and notices when it is
// cancelled: exports and imports count rows through a Meter.
package progress

import "context"

// Func is told how many of the total rows have been written so far.
type Func func(done, total int)

// Meter counts written rows, reports progress and notices cancellation.
type Meter struct {
	ctx    context.Context
	report Func
	done   int
	total  int
}

// meterStep is how many rows pass between checks of the context and reports.
const meterStep = 256

// NewMeter returns a Meter for total rows; report may be nil.
func NewMeter(ctx context.Context, total int, report Func) *Meter {
	return &Meter{ctx: ctx, report: report, total: total}
}

// Row counts one written row and returns the context's error every
// meterStep rows, reporting progress at the same time.
func (m *Meter) Row() error {
	m.done++
	if m.done%meterStep != 0 {
		return nil
	}
	if err := m.ctx.Err(); err != nil {
		return err
	}
	if m.report != nil {
		m.report(min(m.done, m.total), m.total)
	}
	return nil
}

// Err returns the context's error, for checks between phases.
func (m *Meter) Err() error { return m.ctx.Err() }

// Done reports that every row has been written.
func (m *Meter) Done() {
	if m.report != nil {
		m.report(m.total, m.total)
	}
}
