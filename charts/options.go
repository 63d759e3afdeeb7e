// Package charts draws KPI Planner's charts — target vs actual, a KPI's
// trend and forecast, group contributions, the company's score distribution
// and a department comparison — as PNG or SVG bytes, from the results of
// app/score and app/trend. It draws with go-chart's PNG and SVG renderers
// and its embedded Roboto font (which covers Vietnamese), and imports no GUI.
//
// Every function is pure and safe for concurrent use: the same inputs and
// Options give the same bytes.
package charts

import (
	"fmt"
	"strconv"
)

// Format is the image format a chart is written in.
type Format string

// The formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// Theme is the colour scheme a chart is drawn in.
type Theme string

// The themes.
const (
	Light Theme = "light"
	Dark  Theme = "dark"
)

// Default chart size in pixels.
const (
	DefaultWidth  = 800
	DefaultHeight = 450
)

// Options says how to draw a chart.
type Options struct {
	Width, Height int     // size in pixels; 0 means DefaultWidth × DefaultHeight
	Format        Format  // PNG (the default) or SVG
	Theme         Theme   // Light (the default) or Dark
	Transparent   bool    // leave the background transparent, to lay the chart on a themed surface
	Lang          string  // "vi" or "en": the language of the built-in labels, used when T is nil
	Title         string  // replaces the chart's own title when set
	FontSize      float64 // base text size in pixels; 0 picks one from the chart size (10–16)
	// T translates a label: an English format string and its arguments, as
	// i18n.Translator.T does. nil uses the package's built-in labels in Lang.
	T func(key string, args ...any) string
	// Num writes a number with decimals decimals (< 0: shortest form), as
	// i18n.Translator.FormatNumber does. nil writes plain numbers (1234.5).
	Num func(x float64, decimals int) string
	// Pct writes a value in percent units as a percentage, as
	// i18n.Translator.FormatPercent does. nil writes Num's number and "%"
	// ("95 %" in Vietnamese).
	Pct func(x float64, decimals int) string
}

// withDefaults fills o's unset fields.
func (o Options) withDefaults() Options {
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	if o.Height <= 0 {
		o.Height = DefaultHeight
	}
	if o.Format == "" {
		o.Format = PNG
	}
	if o.Theme == "" {
		o.Theme = Light
	}
	if o.FontSize <= 0 {
		o.FontSize = min(max(float64(min(o.Width, o.Height*16/9))/62, 10), 16)
	}
	if o.T == nil {
		o.T = builtin(o.Lang)
	}
	if o.Num == nil {
		o.Num = plainNumber
	}
	if o.Pct == nil {
		num, sep := o.Num, "%"
		if o.Lang == "vi" {
			sep = " %"
		}
		o.Pct = func(x float64, d int) string { return num(x, d) + sep }
	}
	return o
}

// check reports options no chart can be drawn with.
func (o Options) check() error {
	switch {
	case o.Format != PNG && o.Format != SVG:
		return fmt.Errorf("chart format %q: not png or svg", o.Format)
	case o.Theme != Light && o.Theme != Dark:
		return fmt.Errorf("chart theme %q: not light or dark", o.Theme)
	case o.Width > 8000 || o.Height > 8000:
		return fmt.Errorf("chart size %d × %d: larger than 8000 pixels", o.Width, o.Height)
	case o.Width < 200 || o.Height < 150:
		return fmt.Errorf("chart size %d × %d: smaller than 200 × 150 pixels", o.Width, o.Height)
	}
	return nil
}

// plainNumber writes x with d decimals, or in the shortest form when d < 0.
func plainNumber(x float64, d int) string {
	return strconv.FormatFloat(x, 'f', d, 64)
}
