package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dropArrow is a select entry's drop-down arrow that opens its list on a
// click but takes no keyboard focus: Fyne's arrow is a button, a Tab stop
// between the entry and the next field where typing went nowhere.
type dropArrow struct {
	widget.DisableableWidget
	tap     func()
	size    fyne.Size
	icon    *widget.Icon
	hover   *canvas.Rectangle
	hovered bool
}

// takeDropArrow replaces e's drop-down button by a dropArrow doing the same.
func takeDropArrow(e *widget.SelectEntry) {
	b, ok := e.ActionItem.(*widget.Button)
	if !ok {
		return
	}
	a := &dropArrow{tap: b.OnTapped, size: b.MinSize()}
	a.ExtendBaseWidget(a)
	if b.Disabled() {
		a.Disable()
	}
	e.ActionItem = a
}

// CreateRenderer draws the arrow icon centred over a hover background.
func (a *dropArrow) CreateRenderer() fyne.WidgetRenderer {
	a.icon = widget.NewIcon(theme.MenuDropDownIcon())
	a.hover = canvas.NewRectangle(color.Transparent)
	a.hover.CornerRadius = theme.InputRadiusSize()
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(a.size)
	a.update()
	return widget.NewSimpleRenderer(container.NewStack(strut, a.hover, container.NewCenter(a.icon)))
}

// Refresh redraws the arrow for its state.
func (a *dropArrow) Refresh() {
	a.update()
	a.BaseWidget.Refresh()
}

func (a *dropArrow) update() {
	if a.icon == nil {
		return
	}
	if a.Disabled() {
		a.icon.SetResource(theme.NewDisabledResource(theme.MenuDropDownIcon()))
	} else {
		a.icon.SetResource(theme.MenuDropDownIcon())
	}
	var fill color.Color = color.Transparent
	if a.hovered && !a.Disabled() {
		fill = theme.Color(theme.ColorNameHover)
	}
	a.hover.FillColor = fill
	a.hover.Refresh()
}

// Tapped opens the list.
func (a *dropArrow) Tapped(*fyne.PointEvent) {
	if !a.Disabled() && a.tap != nil {
		a.tap()
	}
}

// MouseIn shows the hover background.
func (a *dropArrow) MouseIn(*desktop.MouseEvent) { a.hovered = true; a.Refresh() }

// MouseMoved does nothing more.
func (a *dropArrow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the hover background.
func (a *dropArrow) MouseOut() { a.hovered = false; a.Refresh() }

// Cursor is the pointer, as on a button.
func (a *dropArrow) Cursor() desktop.Cursor { return desktop.PointerCursor }
