package ui

import "fyne.io/fyne/v2"

// async runs work off the UI goroutine and then done on it. In Sync mode
// (headless tests) both run at once on the caller's goroutine.
func (u *UI) async(work func() error, done func(error)) {
	if u.opts.Sync {
		done(work())
		return
	}
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}
