package ui

import (
	"context"
	"kpiplanner/app/progress"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// task is a long piece of work — an export, reading an import file — run
// off the UI goroutine behind a dialog with a progress bar and a Cancel
// button that cancels the work's context.
type task struct {
	u       *UI
	ctx     context.Context
	cancel  context.CancelFunc
	stopped bool // Cancel was pressed (UI goroutine only)

	d    *dialog.CustomDialog
	note *widget.Label
	wait *widget.ProgressBarInfinite // until the first report
	bar  *widget.ProgressBar
	stop *widget.Button

	mu       sync.Mutex
	lastShow time.Time             // when the bar last moved
	reported func(done, total int) // tests watch the reports through it; nil otherwise
}

// progressEvery is the least time between two moves of the bar, so a fast
// writer does not flood the UI goroutine.
const progressEvery = 50 * time.Millisecond

// newTask prepares a progress dialog titled title saying what happens.
func (u *UI) newTask(title, what string) *task {
	ctx, cancel := context.WithCancel(context.Background())
	t := &task{u: u, ctx: ctx, cancel: cancel}
	t.note = widget.NewLabel(what)
	t.note.Truncation = fyne.TextTruncateEllipsis
	t.wait = widget.NewProgressBarInfinite()
	t.wait.Stop()
	t.bar = widget.NewProgressBar()
	t.bar.Hide()
	t.stop = widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), t.onCancel)
	t.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(t.note, container.NewStack(t.wait, t.bar)), u.win)
	t.d.SetButtons([]fyne.CanvasObject{t.stop})
	return t
}

// onCancel stops the work: it ends between two rows and leaves no file.
func (t *task) onCancel() {
	t.stopped = true
	t.cancel()
	t.stop.Disable()
	t.note.SetText(t.u.T("Cancelling…"))
}

// run shows the dialog, runs work off the UI goroutine with the task's
// context and progress reporter, then hides the dialog and calls done on
// the UI goroutine with work's error. Work cancelled before it starts
// returns the context's error at once.
func (t *task) run(work func(ctx context.Context, progress progress.Func) error, done func(error)) {
	t.wait.Start()
	t.d.Show()
	t.d.Resize(fyne.NewSize(440, t.d.MinSize().Height))
	t.u.async(func() error {
		if err := t.ctx.Err(); err != nil {
			return err
		}
		return work(t.ctx, t.progress)
	}, func(err error) {
		t.wait.Stop()
		t.d.Hide()
		t.cancel() // releases the context
		done(err)
	})
}

// progress moves the bar; the work calls it from its own goroutine(s).
func (t *task) progress(done, total int) {
	t.mu.Lock()
	if t.reported != nil {
		t.reported(done, total)
	}
	now := time.Now()
	skip := done < total && now.Sub(t.lastShow) < progressEvery
	if !skip {
		t.lastShow = now
	}
	t.mu.Unlock()
	if skip || total <= 0 {
		return
	}
	t.u.onUI(func() { t.show(done, total) })
}

// show replaces the waiting bar by the progress bar at done of total.
func (t *task) show(done, total int) {
	if t.wait.Visible() {
		t.wait.Stop()
		t.wait.Hide()
		t.bar.Show()
	}
	t.bar.Max = float64(total)
	t.bar.SetValue(float64(done))
}

// onUI runs f on the UI goroutine (at once in Sync mode).
func (u *UI) onUI(f func()) {
	if u.opts.Sync {
		f()
		return
	}
	fyne.Do(f)
}
