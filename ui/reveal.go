package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// reveal scrolls every scroll container holding o so that o is in sight:
// Fyne moves the keyboard focus into a field below the fold without
// scrolling, and what was typed there went out of sight.
func reveal(o fyne.CanvasObject) {
	if o == nil {
		return
	}
	c := canvasOf(o)
	if c == nil || c.Content() == nil {
		return
	}
	var scrolls []*container.Scroll
	collectScrolls(c.Content(), &scrolls)
	for _, o2 := range c.Overlays().List() {
		collectScrolls(o2, &scrolls)
	}
	d := fyne.CurrentApp().Driver()
	for _, s := range scrolls { // outer scrolls first, then those inside them
		if s.Content == nil || s.Direction == container.ScrollNone {
			continue
		}
		at := d.AbsolutePositionForObject(o)
		in := d.AbsolutePositionForObject(s.Content)
		rel, size := at.Subtract(in), o.Size()
		inner := s.Content.Size()
		if rel.X < 0 || rel.Y < 0 || rel.X+size.Width > inner.Width+1 || rel.Y+size.Height > inner.Height+1 {
			continue // o is not inside this scroll
		}
		off := s.Offset
		view := s.Size()
		if s.Direction != container.ScrollHorizontalOnly {
			off.Y = into(off.Y, rel.Y, size.Height, view.Height)
		}
		if s.Direction != container.ScrollVerticalOnly {
			off.X = into(off.X, rel.X, size.Width, view.Width)
		}
		if off != s.Offset {
			s.ScrollToOffset(off)
		}
	}
}

// into is the offset that shows [at, at+size) in a view of length view
// scrolled to off, moving as little as it can.
func into(off, at, size, view float32) float32 {
	switch {
	case view <= 0:
		return off
	case at < off || size > view:
		return at
	case at+size > off+view:
		return at + size - view
	}
	return off
}

// collectScrolls appends the shown scroll containers under o, outer ones
// first, looking through the containers the screens are built of.
func collectScrolls(o fyne.CanvasObject, out *[]*container.Scroll) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *container.Scroll:
		*out = append(*out, x)
		collectScrolls(x.Content, out)
	case *fyne.Container:
		for _, c := range x.Objects {
			collectScrolls(c, out)
		}
	case *container.Split:
		collectScrolls(x.Leading, out)
		collectScrolls(x.Trailing, out)
	case *container.AppTabs:
		if t := x.Selected(); t != nil {
			collectScrolls(t.Content, out)
		}
	case *container.DocTabs:
		if t := x.Selected(); t != nil {
			collectScrolls(t.Content, out)
		}
	}
}
