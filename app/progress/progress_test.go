package progress

import (
	"context"
	"errors"
	"testing"
)

func TestMeterReportsEveryStepAndStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var reports []int
	m := NewMeter(ctx, 1000, func(done, total int) {
		reports = append(reports, done)
		if done >= 512 {
			cancel()
		}
	})
	var err error
	rows := 0
	for err == nil && rows < 1000 {
		err = m.Row()
		rows++
	}
	// Reports at 256 and 512 (meterStep); the cancel at 512 is seen at 768.
	if !errors.Is(err, context.Canceled) || rows != 768 || len(reports) != 2 || reports[1] != 512 {
		t.Fatalf("stopped after %d rows with %v, reports %v", rows, err, reports)
	}
}
