package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
)

// scanAttr is one attribute of a scanned start tag.
type scanAttr struct{ name, value []byte }

// sheetScanner walks the XML of a worksheet part without encoding/xml's
// per-token allocations: worksheets are regular (no DTDs; comments, CDATA
// and processing instructions are skipped or read as text), and a 50 000-row
// sheet is mostly <c>, <v> and <row> elements.
type sheetScanner struct {
	b     []byte
	i     int
	attrs []scanAttr
}

// scanEvent is what next found: a start tag (self-closing or not), an end tag or text.
type scanEvent uint8

const (
	scanEOF scanEvent = iota
	scanStart
	scanEnd
	scanText
)

// next returns the next event, the element's local name (start and end) or
// the raw text, and for a start tag whether it closes itself; attrs holds
// its attributes until the next call.
func (s *sheetScanner) next() (ev scanEvent, name []byte, selfClose bool, err error) {
	if s.i >= len(s.b) {
		return scanEOF, nil, false, nil
	}
	if s.b[s.i] != '<' {
		j := bytes.IndexByte(s.b[s.i:], '<')
		if j < 0 {
			j = len(s.b) - s.i
		}
		text := s.b[s.i : s.i+j]
		s.i += j
		return scanText, text, false, nil
	}
	rest := s.b[s.i:]
	if len(rest) > 1 && (rest[1] == '?' || rest[1] == '!') {
		return s.markup(rest)
	}
	end := bytes.IndexByte(rest, '>')
	if end < 0 {
		return scanEOF, nil, false, fmt.Errorf("unclosed tag at byte %d", s.i)
	}
	tag := rest[1:end]
	s.i += end + 1
	if len(tag) > 0 && tag[0] == '/' {
		return scanEnd, local(bytes.TrimSpace(tag[1:])), false, nil
	}
	if len(tag) > 0 && tag[len(tag)-1] == '/' {
		selfClose, tag = true, tag[:len(tag)-1]
	}
	n := bytes.IndexAny(tag, " \t\r\n")
	if n < 0 {
		n = len(tag)
	}
	name = local(tag[:n])
	s.attrs = s.attrs[:0]
	if err := s.parseAttrs(tag[n:]); err != nil {
		return scanEOF, nil, false, err
	}
	return scanStart, name, selfClose, nil
}

// markup handles a comment, a CDATA section (text) or a declaration at rest.
func (s *sheetScanner) markup(rest []byte) (scanEvent, []byte, bool, error) {
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return s.skipTo("-->")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		end := bytes.Index(rest, []byte("]]>"))
		if end < 0 {
			return scanEOF, nil, false, fmt.Errorf("unclosed CDATA section")
		}
		s.i += end + 3
		return scanText, rest[9:end], false, nil
	}
	return s.skipTo(">")
}

// skipTo skips past the next occurrence of end and returns the next event.
func (s *sheetScanner) skipTo(end string) (scanEvent, []byte, bool, error) {
	j := bytes.Index(s.b[s.i:], []byte(end))
	if j < 0 {
		return scanEOF, nil, false, fmt.Errorf("unclosed markup at byte %d", s.i)
	}
	s.i += j + len(end)
	return s.next()
}

// parseAttrs reads name="value" pairs (either quote).
func (s *sheetScanner) parseAttrs(b []byte) error {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) == 0 {
			return nil
		}
		eq := bytes.IndexByte(b, '=')
		if eq < 0 || eq+1 >= len(b) {
			return fmt.Errorf("a malformed attribute %q", b)
		}
		q := b[eq+1]
		if q != '"' && q != '\'' {
			return fmt.Errorf("a malformed attribute %q", b)
		}
		end := bytes.IndexByte(b[eq+2:], q)
		if end < 0 {
			return fmt.Errorf("an unclosed attribute %q", b)
		}
		s.attrs = append(s.attrs, scanAttr{local(bytes.TrimSpace(b[:eq])), b[eq+2 : eq+2+end]})
		b = b[eq+2+end+1:]
	}
}

// attr returns the unescaped value of the current start tag's attribute name.
func (s *sheetScanner) attr(name string) string {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return unescape(a.value)
		}
	}
	return ""
}

// startElement returns the current start tag as an xml.StartElement (for
// the few handlers shared with the encoding/xml reader).
func (s *sheetScanner) startElement(name []byte) xml.StartElement {
	se := xml.StartElement{Name: xml.Name{Local: string(name)}}
	for _, a := range s.attrs {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: string(a.name)}, Value: unescape(a.value)})
	}
	return se
}

// local drops a namespace prefix: "x:c" is "c".
func local(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// unescape resolves the entities of XML text.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return html.UnescapeString(string(b))
}

// readAllPart reads a part whole (bounded by the book's budget).
func readAllPart(rc io.Reader) ([]byte, error) {
	return io.ReadAll(rc)
}
