package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"kpiplanner/app"
)

// ReadCSV reads a CSV file's rows as a text grid. It reads UTF-8 (with or
// without a byte order mark) and UTF-16 with a byte order mark, finds the
// separator (comma, semicolon or tab) from the rows above and including the
// header row, and removes the ' that SafeText puts before formula-like text.
// A malformed file (a stray quote, a quoted field never closed) is an error
// naming the line; so is a file beyond MaxFileBytes, MaxRows, MaxCols or MaxCells.
func ReadCSV(r io.Reader) (Grid, error) {
	lr := &limitedReader{r: r, n: MaxFileBytes}
	br := bufio.NewReaderSize(decodeBOM(lr), 1<<16)
	head, _ := br.Peek(1 << 16)
	cr := csv.NewReader(br)
	cr.Comma = sniffSeparator(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var b GridBuilder
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return b.Grid(), nil
		}
		if err != nil {
			return nil, csvError(err, lr)
		}
		row := make([]GridCell, len(rec))
		for i, s := range rec {
			row[i] = GridCell{Text: unsafeText(s)}
		}
		if err := b.Add(b.Len()+1, row); err != nil {
			return nil, err
		}
	}
}

// limitedReader reads at most n bytes of r and then fails with errTooLarge.
type limitedReader struct {
	r io.Reader
	n int64
}

var errTooLarge = errors.New("file too large")

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// decodeBOM returns r decoded to UTF-8: UTF-16 when it starts with a UTF-16
// byte order mark, else UTF-8 without its byte order mark.
func decodeBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	b, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(b, []byte(bom)):
		_, _ = br.Discard(3)
	}
	return br
}

// csvError turns the CSV reader's error into one naming the line.
func csvError(err error, lr *limitedReader) error {
	if errors.Is(err, errTooLarge) {
		return tooLarge()
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &CellError{Msg: app.M("the CSV file cannot be read: %s", err.Error())}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return &CellError{Msg: app.M("line %d of the CSV file: a field that starts with a quote (\") is not closed properly; is there a stray quote?", pe.StartLine)}
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return &CellError{Msg: app.M("line %d of the CSV file, column %d: a quote (\") inside a field that does not start with one; put the field in quotes and double the quote", pe.Line, pe.Column)}
	}
	return &CellError{Msg: app.M("line %d of the CSV file: %s", pe.Line, pe.Err.Error())}
}

// sniffSeparator guesses a CSV file's separator from its first lines: the
// one of comma, semicolon and tab that splits some line into the most
// fields, counting only separators outside quotes; on a tie, the one that
// does so first, in the header row rather than in numbers with a decimal
// comma below it. Title lines above the header do not mislead it.
func sniffSeparator(head []byte) rune {
	seps := []byte{',', ';', '\t'}
	var best, at, counts [3]int
	quoted, line := false, 0
	end := func() {
		for i := range seps {
			if counts[i] > best[i] {
				best[i], at[i] = counts[i], line
			}
			counts[i] = 0
		}
		line++
	}
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if end(); line > headerScan {
				return pick(seps, best, at)
			}
		default:
			for i, s := range seps {
				if c == s {
					counts[i]++
				}
			}
		}
	}
	end()
	return pick(seps, best, at)
}

// pick returns the separator with the highest count, the earliest on a tie.
func pick(seps []byte, counts, at [3]int) rune {
	b := 0
	for i := range seps {
		if counts[i] > counts[b] || counts[i] == counts[b] && at[i] < at[b] {
			b = i
		}
	}
	return rune(seps[b])
}
