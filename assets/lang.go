package assets

import "embed"

// Lang holds the translation catalogs lang/en.json and lang/vi.json: flat JSON
// objects keyed by the English text, in the format Fyne's lang package loads
// with lang.AddTranslationsFS(assets.Lang, "lang").
//
//go:embed lang
var Lang embed.FS
