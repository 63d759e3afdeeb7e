package ui

import (
	"strings"
	"testing"
)

// TestSettingsOpensTheSampleCompanyInItsOwnWorkspace: Settings offers the
// sample company even when the workspace has plans; it opens in a file of
// its own beside the user's, the title says so, the user's plans are not
// touched, and Settings leads back to them.
func TestSettingsOpensTheSampleCompanyInItsOwnWorkspace(t *testing.T) {
	u, store := homeTestUI(t, "en")
	if err := u.ws.Save(planFixture()); err != nil {
		t.Fatal(err)
	}
	u.openSettings()
	tapButton(t, u, "Open the sample company")
	if !u.inSample() || u.ws.Store().Path() != SamplePath(store.Path(), "en") {
		t.Fatalf("not in the sample workspace: %s", u.ws.Store().Path())
	}
	if mine, err := store.Plans(); err != nil || len(mine) != 1 {
		t.Fatalf("the user's workspace changed: %d plans, %v", len(mine), err)
	}
	if got := u.win.Title(); !strings.Contains(got, "sample company") {
		t.Errorf("title %q does not say this is the sample company", got)
	}
	if len(u.home.rows) != samplePeople+1 || !strings.Contains(u.status.Text, "sample company") {
		t.Errorf("home shows %d rows, status %q", len(u.home.rows), u.status.Text)
	}

	u.openSettings()
	tapButton(t, u, "Back to my workspace")
	if u.inSample() || u.ws.Store() != store || u.win.Title() != "KPI Planner" || len(u.home.rows) != 1 {
		t.Fatalf("back: sample %v, store %s, title %q, %d rows", u.inSample(), u.ws.Store().Path(), u.win.Title(), len(u.home.rows))
	}

	// Opened again, the sample file is reused as it was, not filled twice.
	u.openSettings()
	tapButton(t, u, "Open the sample company")
	if plans, err := u.ws.Store().Plans(); err != nil || len(plans) != samplePeople+1 {
		t.Fatalf("second opening: %d plans, %v", len(plans), err)
	}
}

// TestSampleCompanyInVietnameseHasItsOwnFile: the sample company follows the
// language it is opened in, each in a file of its own.
func TestSampleCompanyInVietnameseHasItsOwnFile(t *testing.T) {
	u, store := homeTestUI(t, "vi")
	u.openSettings()
	tapButton(t, u, "Mở công ty mẫu")
	if got, want := u.ws.Store().Path(), SamplePath(store.Path(), "vi"); got != want || !strings.HasSuffix(got, "sample-vi.db") {
		t.Fatalf("sample file %s, want %s", got, want)
	}
	if got := u.win.Title(); !strings.Contains(got, "công ty mẫu") {
		t.Errorf("title %q does not say this is the sample company", got)
	}
}
