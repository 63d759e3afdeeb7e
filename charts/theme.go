package charts

import (
	"kpiplanner/app"
	"kpiplanner/app/trend"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// palette holds a theme's colours.
type palette struct {
	bg, text, muted, grid, axis drawing.Color
	accent, shade, anomaly      drawing.Color
	green, amber, red, grey     drawing.Color
	groups                      map[app.Group]drawing.Color
}

func hex(s string) drawing.Color { return drawing.ColorFromHex(s) }

// palettes are the colours of each theme; status and group colours are
// brighter on dark so they keep their contrast.
var palettes = map[Theme]palette{
	Light: {
		bg: hex("ffffff"), text: hex("1f2328"), muted: hex("59636e"), grid: hex("e1e5ea"), axis: hex("8c959f"),
		accent: hex("0969da"), shade: hex("8c959f").WithAlpha(28), anomaly: hex("bf3989"),
		green: hex("2da44e"), amber: hex("d4a017"), red: hex("cf222e"), grey: hex("afb8c1"),
		groups: map[app.Group]drawing.Color{app.GroupA: hex("0969da"), app.GroupB: hex("8250df"), app.GroupC: hex("1b7c83")},
	},
	Dark: {
		bg: hex("1e1f22"), text: hex("e6edf3"), muted: hex("9ba5b0"), grid: hex("30363d"), axis: hex("6e7681"),
		accent: hex("58a6ff"), shade: hex("8c959f").WithAlpha(30), anomaly: hex("f778ba"),
		green: hex("3fb950"), amber: hex("d29922"), red: hex("f85149"), grey: hex("6e7681"),
		groups: map[app.Group]drawing.Color{app.GroupA: hex("58a6ff"), app.GroupB: hex("bc8cff"), app.GroupC: hex("39c5cf")},
	},
}

// status returns the colour of a KPI status.
func (p palette) status(s trend.Status) drawing.Color {
	switch s {
	case trend.OnTrack:
		return p.green
	case trend.AtRisk:
		return p.amber
	case trend.OffTrack:
		return p.red
	}
	return p.grey
}

// band returns the tint of a rating band from its multiplier: none red,
// part amber, full green, more than full blue.
func (p palette) band(mult float64) drawing.Color {
	switch {
	case mult <= 0:
		return p.red.WithAlpha(30)
	case mult < 1:
		return p.amber.WithAlpha(36)
	case mult == 1:
		return p.green.WithAlpha(32)
	}
	return p.accent.WithAlpha(32)
}

// statusLabel is the English label (a translation key) of a status.
func statusLabel(s trend.Status) string {
	switch s {
	case trend.OnTrack:
		return "On track"
	case trend.AtRisk:
		return "At risk"
	case trend.OffTrack:
		return "Off track"
	case trend.Unknown:
		return "Unknown"
	}
	return "No data"
}
