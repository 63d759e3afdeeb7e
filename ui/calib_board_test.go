package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type boardMove struct {
	key      string
	from, to int
}

func boardFixture(t *testing.T) (*calibBoard, *[]boardMove, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	var moves []boardMove
	b := newCalibBoard(func(key string, from, to int) { moves = append(moves, boardMove{key, from, to}) })
	w := test.NewWindow(b)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(900, 400))
	b.set([]string{"Below", "Fair", "Good"}, [][]boardCard{
		{{Key: "a", Name: "An"}},
		{{Key: "b", Name: "Bình"}, {Key: "c", Name: "Châu"}},
		{},
	})
	return b, &moves, w
}

// The board's keys: a tapped card is selected, Down selects the next one,
// Right asks to move it one band up, Left on the first column asks nothing.
func TestCalibBoardKeys(t *testing.T) {
	b, moves, w := boardFixture(t)
	b.lists[1].Select(0) // what a tap on Bình does
	if c := b.selected(); c == nil || c.Key != "b" {
		t.Fatalf("selected %v after tapping Bình", c)
	}
	if w.Canvas().Focused() != b.lists[1] {
		t.Errorf("the column of the tapped card is not focused")
	}
	b.lists[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c := b.selected(); c == nil || c.Key != "c" {
		t.Fatalf("Down selected %v, want Châu", c)
	}
	b.lists[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if len(*moves) != 1 || (*moves)[0] != (boardMove{"c", 1, 2}) {
		t.Fatalf("Right asked %v, want Châu from 1 to 2", *moves)
	}
	b.selectKey("a")
	b.lists[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if len(*moves) != 1 {
		t.Errorf("Left on the lowest band asked %v", (*moves)[1:])
	}
	// the moved card keeps its selection when the board is refilled
	b.selectKey("c")
	b.set([]string{"Below", "Fair", "Good"}, [][]boardCard{{{Key: "a"}}, {{Key: "b"}}, {{Key: "c", Name: "Châu", Overridden: true}}})
	if b.col != 2 || b.row != 0 {
		t.Errorf("after the refill Châu is at %d,%d, want 2,0", b.col, b.row)
	}
}

// A violation is in the bar's colour and in words.
func TestDistRowShowsViolationsInWords(t *testing.T) {
	test.NewTempApp(t)
	d := newDistRow()
	d.set([]distBand{
		{Name: "Excellent", Current: 30, Target: 20, HasTarget: true, Text: "3, 30%", Problem: "over the target by 1 person"},
		{Name: "Good", Current: 70, Target: 80, HasTarget: true, Text: "7, 70%"},
	})
	if got := d.problems(); len(got) != 1 || !strings.Contains(got[0], "over the target by 1 person") {
		t.Fatalf("problems %v", got)
	}
	if d.texts[0].Importance != widget.DangerImportance || d.texts[1].Importance == widget.DangerImportance {
		t.Errorf("importance %v %v, want danger on the broken band only", d.texts[0].Importance, d.texts[1].Importance)
	}
	if !d.words.Visible() || !strings.Contains(d.words.Text, "Excellent: over the target by 1 person") {
		t.Errorf("the words under the bars are %q (shown %v)", d.words.Text, d.words.Visible())
	}
	if d.bars[0].fill.FillColor == d.bars[1].fill.FillColor {
		t.Errorf("the broken band's bar has the same colour as a good one")
	}
}
