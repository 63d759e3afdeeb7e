// Package i18n translates KPI Planner's user-facing text and formats and
// parses numbers, money, percentages and dates the way each language writes
// them.
//
// Translations live in assets/lang/<lang>.json (en.json, vi.json): flat JSON
// objects keyed by the English text, in the format Fyne's lang package loads.
// A key that is also a go-i18n reserved word (Description, Other, ID, One…)
// is written {"other": "…"} instead of a plain string, or Fyne rejects the
// whole file.
//
// How to add a user-facing string: write it in English in the code through
// app.M("…"), a Translator's T("…"), Fyne's lang.L("…") / lang.X("…") or the
// N("…") marker, then add the same key to assets/lang/en.json (value = key)
// and to assets/lang/vi.json (value = the Vietnamese, keeping the fmt verbs
// in the same order). TestCatalogCoversSource fails until both files have it.
package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"kpiplanner/app"
	"kpiplanner/assets"
)

// Language is one of the languages the app is translated into.
type Language struct {
	Code string // "vi" or "en"
	Name string // the language's name in itself
}

// Languages lists the app's languages, Vietnamese first.
var Languages = []Language{
	{Code: "vi", Name: "Tiếng Việt"},
	{Code: "en", Name: "English"},
}

// Supported reports whether lang is the code of one of Languages.
func Supported(lang string) bool {
	for _, l := range Languages {
		if l.Code == lang {
			return true
		}
	}
	return false
}

// Translator renders messages, errors, numbers and dates in one language. A
// nil *Translator behaves as English with no catalog loaded.
type Translator struct {
	lang string
	msgs map[string]string
}

// New loads the catalog of lang ("vi" or "en") from assets.Lang.
func New(lang string) (*Translator, error) {
	if !Supported(lang) {
		return nil, fmt.Errorf("language %q: not one of vi, en", lang)
	}
	msgs, err := load(assets.Lang, "lang/"+lang+".json")
	if err != nil {
		return nil, fmt.Errorf("load %s translations: %w", lang, err)
	}
	return &Translator{lang: lang, msgs: msgs}, nil
}

// load reads a catalog whose values are strings or {"other": string} objects.
func load(fsys fs.FS, path string) (map[string]string, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	msgs := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			var o struct{ Other string }
			if err := json.Unmarshal(v, &o); err != nil || o.Other == "" {
				return nil, fmt.Errorf("%s: key %q: want a string or {\"other\": string}", path, k)
			}
			s = o.Other
		}
		msgs[k] = s
	}
	return msgs, nil
}

// Lang returns the translator's language code.
func (t *Translator) Lang() string {
	if t == nil {
		return "en"
	}
	return t.lang
}

// N marks a string literal as a translation key without translating it (like
// gettext's N_), so the catalog test sees keys kept in tables.
func N(key string) string { return key }

// T returns key translated, with args filled in as by fmt.Sprintf. A missing
// key falls back to the key itself, i.e. English. Float arguments of %g, %v
// and %f verbs and app.Date arguments are written the language's way, and
// app.Msg arguments are translated too. With no args only "%%" is unescaped.
func (t *Translator) T(key string, args ...any) string {
	s := key
	if t != nil {
		if v, ok := t.msgs[key]; ok && v != "" {
			s = v
		}
	}
	if len(args) == 0 {
		return strings.ReplaceAll(s, "%%", "%")
	}
	format, args := t.localizeArgs(s, args)
	return fmt.Sprintf(format, args...)
}

// Msg returns m translated.
func (t *Translator) Msg(m app.Msg) string { return t.T(m.Key, m.Args...) }

// Messager is an error that carries a translatable message, such as *ParseError.
type Messager interface {
	error
	Message() app.Msg
}

// Err returns err as the user should read it in the translator's language:
// validation errors and Messager errors (even when wrapped) are translated,
// app.ErrInUse too; any other error is err.Error().
func (t *Translator) Err(err error) string {
	if err == nil {
		return ""
	}
	var ve *app.ValidationError
	if errors.As(err, &ve) {
		return t.validation(ve)
	}
	var fe *app.FieldError
	if errors.As(err, &fe) {
		return t.field(fe)
	}
	var m Messager
	if errors.As(err, &m) {
		return t.Msg(m.Message())
	}
	if errors.Is(err, app.ErrInUse) {
		return t.T("the database file is in use by another KPI Planner window or process")
	}
	return err.Error()
}

func (t *Translator) validation(e *app.ValidationError) string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = t.field(f)
	}
	name := e.Plan
	if name == "" {
		name = t.T("Plan")
	}
	return fmt.Sprintf("%s: %s", name, strings.Join(parts, "; "))
}

func (t *Translator) field(e *app.FieldError) string {
	if e.KPI != "" {
		return t.T("KPI %s: %s: %s", e.KPI, t.FieldName(e.Field), t.Msg(e.Msg))
	}
	return fmt.Sprintf("%s: %s", t.FieldName(e.Field), t.Msg(e.Msg))
}
