package i18n

import (
	"strings"

	"kpiplanner/app"
)

// localizeArgs rewrites format and args so that numbers, dates and nested
// messages among args come out the language's way: each such argument is
// replaced by its formatted text and its verb by %s (keeping flags and
// width). Formats with explicit argument indexes or * widths are left alone.
func (t *Translator) localizeArgs(format string, args []any) (string, []any) {
	out := append([]any(nil), args...)
	var b strings.Builder
	n := 0 // index of the next argument
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0", format[j]) >= 0 {
			j++
		}
		j = skipDigits(format, j)
		width := format[i:j]
		prec := -1
		if j < len(format) && format[j] == '.' {
			k := skipDigits(format, j+1)
			prec = atoi(format[j+1 : k])
			j = k
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return format, args
		}
		verb := format[j]
		switch {
		case verb == '%':
			b.WriteString(format[i : j+1])
		case n < len(out):
			if s, ok := t.localizeArg(verb, prec, out[n]); ok {
				out[n] = s
				b.WriteString(width + "s")
			} else {
				b.WriteString(format[i : j+1])
			}
			n++
		default:
			b.WriteString(format[i : j+1])
		}
		i = j
	}
	return b.String(), out
}

// localizeArg formats one argument the language's way, if it is a float
// printed with %g/%v/%f, an app.Date or an app.Msg.
func (t *Translator) localizeArg(verb byte, prec int, arg any) (string, bool) {
	switch v := arg.(type) {
	case float64:
		return t.floatArg(verb, prec, v)
	case float32:
		return t.floatArg(verb, prec, float64(v))
	case app.Date:
		if verb == 's' || verb == 'v' {
			return t.FormatDate(v), true
		}
	case app.Msg:
		if verb == 's' || verb == 'v' {
			return t.Msg(v), true
		}
	}
	return "", false
}

func (t *Translator) floatArg(verb byte, prec int, x float64) (string, bool) {
	switch verb {
	case 'g', 'G', 'v':
		return t.FormatNumber(x, -1), true
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		return t.FormatNumber(x, prec), true
	}
	return "", false
}

func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
