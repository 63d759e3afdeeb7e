package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// boardCard is one person on the calibration board, as shown: every text is
// already formatted by the screen that fills the board.
type boardCard struct {
	Key        string // the person's uid, handed back in moves
	Name       string
	Score      string
	Manager    string
	Bonus      string
	Overridden bool    // the band is an override of the computed rating
	score      float64 // orders the cards of a column, best first
}

// calibBoard shows people as compact cards in one column per rating band.
// A card is selected by tapping it or with Up and Down; Left and Right (or
// the screen's buttons) ask to move it to the neighbouring band through
// onMove, which decides; Tab moves to the next column.
type calibBoard struct {
	widget.BaseWidget
	titles  []string      // one per column
	cards   [][]boardCard // cards per column
	lists   []*cardList
	heads   []*widget.Label
	col     int // the selected card's column, -1 for none
	row     int
	onMove  func(key string, from, to int) // asked to move a card to column to
	onPick  func(c *boardCard)             // a card was selected (may be nil)
	content *fyne.Container
}

// newCalibBoard returns an empty board; call set to fill it.
func newCalibBoard(onMove func(key string, from, to int)) *calibBoard {
	b := &calibBoard{col: -1, row: -1, onMove: onMove}
	b.content = container.NewGridWithColumns(1)
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the columns side by side.
func (b *calibBoard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.content)
}

// set replaces the columns' titles and cards, keeping the selected person
// selected wherever they now are.
func (b *calibBoard) set(titles []string, cards [][]boardCard) {
	key := ""
	if c := b.selected(); c != nil {
		key = c.Key
	}
	if len(titles) != len(b.titles) {
		b.build(len(titles))
	}
	b.titles, b.cards = titles, cards
	for i, l := range b.lists {
		setText(b.heads[i], titles[i])
		l.Refresh()
	}
	b.col, b.row = -1, -1
	if key == "" || !b.selectKey(key) {
		for _, l := range b.lists {
			l.UnselectAll()
		}
	}
}

// build makes n columns.
func (b *calibBoard) build(n int) {
	b.lists = make([]*cardList, n)
	b.heads = make([]*widget.Label, n)
	cols := make([]fyne.CanvasObject, n)
	for i := range n {
		b.lists[i] = newCardList(b, i)
		b.heads[i] = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		b.heads[i].Truncation = fyne.TextTruncateEllipsis
		cols[i] = container.NewBorder(b.heads[i], nil, nil, nil, b.lists[i])
	}
	b.content.Layout = container.NewGridWithColumns(max(n, 1)).Layout
	b.content.Objects = cols
	b.content.Refresh()
}

// selected is the selected card, nil for none.
func (b *calibBoard) selected() *boardCard {
	if b.col < 0 || b.col >= len(b.cards) || b.row < 0 || b.row >= len(b.cards[b.col]) {
		return nil
	}
	return &b.cards[b.col][b.row]
}

// selectKey selects the card of the person key, reporting whether it is on the board.
func (b *calibBoard) selectKey(key string) bool {
	for c, col := range b.cards {
		for r := range col {
			if col[r].Key == key {
				b.selectCard(c, r)
				return true
			}
		}
	}
	return false
}

// selectCard selects card r of column c, scrolls it into sight and focuses its column.
func (b *calibBoard) selectCard(c, r int) {
	if c < 0 || c >= len(b.lists) || r < 0 || r >= len(b.cards[c]) {
		return
	}
	for i, l := range b.lists {
		if i != c {
			l.UnselectAll()
		}
	}
	b.col, b.row = c, r
	l := b.lists[c]
	l.ignore = true
	l.Select(r)
	l.ignore = false
	l.ScrollTo(r)
	if cv := canvasOf(b); cv != nil {
		cv.Focus(l)
	}
	if b.onPick != nil {
		b.onPick(&b.cards[c][r])
	}
}

// move asks to move the selected card dir columns (-1 left, +1 right).
func (b *calibBoard) move(dir int) {
	c := b.selected()
	to := b.col + dir
	if c == nil || to < 0 || to >= len(b.cards) || b.onMove == nil {
		return
	}
	b.onMove(c.Key, b.col, to)
}

// cardList is one column of the board: a list of cards with the board's keys.
type cardList struct {
	widget.List
	board  *calibBoard
	col    int
	ignore bool // the board selects: do not report back
}

func newCardList(b *calibBoard, col int) *cardList {
	l := &cardList{board: b, col: col}
	l.Length = func() int {
		if col < len(b.cards) {
			return len(b.cards[col])
		}
		return 0
	}
	l.CreateItem = newCardView
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if col < len(b.cards) && i < len(b.cards[col]) {
			fillCardView(o, &b.cards[col][i])
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if !l.ignore {
			b.selectCard(col, i)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey selects with Up and Down and moves the card with Left and Right.
func (l *cardList) TypedKey(e *fyne.KeyEvent) {
	b := l.board
	row := b.row
	if b.col != l.col {
		row = -1
	}
	switch e.Name {
	case fyne.KeyUp:
		b.selectCard(l.col, max(row-1, 0))
	case fyne.KeyDown:
		b.selectCard(l.col, row+1)
	case fyne.KeyLeft:
		b.move(-1)
	case fyne.KeyRight:
		b.move(+1)
	default:
		l.List.TypedKey(e)
	}
}

// newCardView is the template of a card: the name with the score, and the
// manager with the bonus.
func newCardView() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Nguyễn Thị Minh Khai", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	score := widget.NewLabel("100,0")
	mgr := widget.NewLabel("Trần Văn Bình")
	mgr.Truncation = fyne.TextTruncateEllipsis
	mgr.SizeName = theme.SizeNameCaptionText
	bonus := widget.NewLabel("12.345.678 ₫")
	bonus.SizeName = theme.SizeNameCaptionText
	mark := widget.NewIcon(theme.DocumentCreateIcon())
	top := container.NewBorder(nil, nil, nil, container.NewHBox(mark, score), name)
	return container.New(tightVBox{}, top, container.NewBorder(nil, nil, nil, bonus, mgr))
}

// fillCardView shows c in a card made by newCardView, touching only the
// texts that changed (after a move, most cards only change their bonus).
func fillCardView(o fyne.CanvasObject, c *boardCard) {
	box := o.(*fyne.Container)
	top, bottom := box.Objects[0].(*fyne.Container), box.Objects[1].(*fyne.Container)
	setText(top.Objects[0].(*widget.Label), c.Name)
	right := top.Objects[1].(*fyne.Container)
	if c.Overridden != right.Objects[0].Visible() {
		if c.Overridden {
			right.Objects[0].Show()
		} else {
			right.Objects[0].Hide()
		}
	}
	setText(right.Objects[1].(*widget.Label), c.Score)
	setText(bottom.Objects[0].(*widget.Label), c.Manager)
	setText(bottom.Objects[1].(*widget.Label), c.Bonus)
}

// setText sets l's text when it differs (SetText always redraws).
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
