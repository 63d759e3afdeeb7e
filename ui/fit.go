package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// capLayout gives its one object (a scroll over content) the content's
// minimum height up to max, or exactly max when reserve is set, so a
// message that grows scrolls instead of growing the window.
type capLayout struct {
	content fyne.CanvasObject
	max     float32
	reserve bool
}

// Layout gives the scroll the whole area.
func (l *capLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the content's minimum, its height capped (or fixed) at max.
func (l *capLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if l.reserve {
		return fyne.NewSize(0, l.max)
	}
	if !l.content.Visible() {
		return fyne.NewSize(0, 0)
	}
	m := l.content.MinSize()
	return fyne.NewSize(m.Width, min(m.Height, l.max))
}

// lineHeight is the height of a label of n lines.
func lineHeight(n int) float32 {
	text := "Ag"
	for range n - 1 {
		text += "\nAg"
	}
	return widget.NewLabel(text).MinSize().Height
}

// cappedMessage shows a (wrapping) message in at most lines lines,
// scrolling the rest; with reserve it always takes that height.
func cappedMessage(content fyne.CanvasObject, lines int, reserve bool) fyne.CanvasObject {
	return container.New(&capLayout{content: content, max: lineHeight(lines), reserve: reserve},
		container.NewVScroll(content))
}
