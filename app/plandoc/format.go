package plandoc

import "bytes"

// The document's layout: these values are written on one line each, the
// rest is indented by two spaces per level.
var (
	inlineValues   = map[string]bool{"cycle": true, "group_weights": true} // objects under these keys
	inlineElements = map[string]bool{"bands": true, "steps": true, "actuals": true, "period_targets": true}
)

// layout re-indents compact JSON src (as json.Marshal writes it) into dst.
func layout(dst *bytes.Buffer, src []byte) {
	f := formatter{dst: dst, src: src}
	f.value(0, 0, "", false)
	dst.WriteByte('\n')
}

type formatter struct {
	dst *bytes.Buffer
	src []byte
}

// value writes the value at src[i] and returns the index after it. key is the
// member name it is the value of; elem says it is an element of key's array.
func (f *formatter) value(i, depth int, key string, elem bool) int {
	c := f.src[i]
	if c != '{' && c != '[' {
		j := f.scalarEnd(i)
		f.dst.Write(f.src[i:j])
		return j
	}
	end, flat := f.containerEnd(i)
	if end == i+2 || flat && (elem && inlineElements[key] || !elem && inlineValues[key]) {
		f.inline(i, end)
		return end
	}
	f.dst.WriteByte(c)
	i++
	for n := 0; f.src[i] != '}' && f.src[i] != ']'; n++ {
		if n > 0 {
			i++ // the comma
			f.dst.WriteByte(',')
		}
		f.newline(depth + 1)
		member := key
		if c == '{' {
			k := f.scalarEnd(i)
			member = string(f.src[i+1 : k-1])
			f.dst.Write(f.src[i:k])
			f.dst.WriteString(": ")
			i = k + 1 // the colon
		}
		i = f.value(i, depth+1, member, c == '[')
	}
	f.newline(depth)
	f.dst.WriteByte(f.src[i])
	return i + 1
}

func (f *formatter) newline(depth int) {
	f.dst.WriteByte('\n')
	for range depth {
		f.dst.WriteString("  ")
	}
}

// inline writes src[i:end] on one line with a space after each colon and comma.
func (f *formatter) inline(i, end int) {
	for j := i; j < end; {
		switch c := f.src[j]; c {
		case '"':
			k := f.scalarEnd(j)
			f.dst.Write(f.src[j:k])
			j = k
			continue
		case ':', ',':
			f.dst.WriteByte(c)
			f.dst.WriteByte(' ')
		default:
			f.dst.WriteByte(c)
		}
		j++
	}
}

// scalarEnd returns the index after the string, number or literal at src[i].
func (f *formatter) scalarEnd(i int) int {
	if f.src[i] == '"' {
		for j := i + 1; j < len(f.src); j++ {
			switch f.src[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(f.src)
	}
	for j := i; j < len(f.src); j++ {
		switch f.src[j] {
		case ',', ':', ']', '}':
			return j
		}
	}
	return len(f.src)
}

// containerEnd returns the index after the object or array at src[i], and
// whether it holds no object or array itself.
func (f *formatter) containerEnd(i int) (int, bool) {
	depth, flat := 0, true
	for j := i; j < len(f.src); j++ {
		switch f.src[j] {
		case '"':
			j = f.scalarEnd(j) - 1
		case '{', '[':
			depth++
			if depth > 1 {
				flat = false
			}
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1, flat
			}
		}
	}
	return len(f.src), flat
}
