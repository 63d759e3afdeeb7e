package ui

import "fyne.io/fyne/v2/widget"

// choice is a Select showing translated names of enum values, so handlers
// read back the value, never the label.
type choice struct {
	sel    *widget.Select
	values []string
}

// newChoiceOf returns a choice over values (app enums or ids) with def selected.
func newChoiceOf[T ~string](u *UI, values []T, def T) *choice {
	c := &choice{}
	labels := make([]string, len(values))
	for i, v := range values {
		c.values = append(c.values, string(v))
		labels[i] = u.tr.Name(v)
	}
	c.sel = widget.NewSelect(labels, nil)
	c.set(string(def))
	return c
}

// value returns the selected value ("" when none).
func (c *choice) value() string {
	i := c.sel.SelectedIndex()
	if i < 0 {
		return ""
	}
	return c.values[i]
}

// set selects value v.
func (c *choice) set(v string) {
	for i, x := range c.values {
		if x == v {
			c.sel.SetSelectedIndex(i)
			return
		}
	}
	c.sel.ClearSelected()
}
