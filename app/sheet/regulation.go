package sheet

import (
	"html"
	"strconv"
	"strings"

	bp "kpiplanner/app/bonus"
)

// RegulationSheet is the bonus regulation (Quy chế thưởng) in t's language
// as a printable sheet: the title, then each clause numbered with its lines.
func RegulationSheet(reg bp.Regulation, t Translate, used map[string]bool) *Sheet {
	l := lang{tr(t)}
	s := &Sheet{Name: SheetName(l.T("Bonus regulation"), used), Cols: []Col{{Width: 110}}, PrintCols: 1}
	rows := []Row{{Str(msgIn(l.T, reg.Title), Title)}, {}}
	for i, c := range reg.Clauses {
		rows = append(rows, Row{Str(strconv.Itoa(i+1)+". "+msgIn(l.T, c.Title), Header)})
		for _, m := range c.Lines {
			rows = append(rows, Row{Str(msgIn(l.T, m), Plain)})
		}
		rows = append(rows, Row{})
	}
	s.SetRows(rows)
	return s
}

// Regulation returns the regulation workbook: one sheet per language given.
func Regulation(reg bp.Regulation, ts ...Translate) *Workbook {
	used := map[string]bool{}
	wb := &Workbook{}
	for _, t := range ts {
		wb.Sheets = append(wb.Sheets, RegulationSheet(reg, t, used))
	}
	return wb
}

// regulationCSS lays the page out for A4 printing: one language per page.
const regulationCSS = `@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.45; max-width: 170mm; margin: auto; }
h1 { font-size: 16pt; text-align: center; margin-bottom: 1.2em; }
h2 { font-size: 13pt; margin: 1em 0 0.3em; }
section { page-break-after: always; break-after: page; }
section:last-child { page-break-after: auto; break-after: auto; }
p { margin: 0.2em 0; text-align: justify; }
@media print { a { color: inherit; text-decoration: none; } }
`

// RegulationHTML returns the regulation as one HTML page with print CSS
// (A4), a section per language given, each starting on a new page.
func RegulationHTML(reg bp.Regulation, langs []string, ts ...Translate) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(strings.Join(langs, " ")) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + html.EscapeString(msgIn(tr(firstT(ts)), reg.Title)) + "</title>\n<style>\n" + regulationCSS + "</style>\n</head>\n<body>\n")
	for i, t := range ts {
		l := lang{tr(t)}
		code := ""
		if i < len(langs) {
			code = langs[i]
		}
		b.WriteString("<section lang=\"" + html.EscapeString(code) + "\">\n<h1>" + html.EscapeString(msgIn(l.T, reg.Title)) + "</h1>\n")
		for j, c := range reg.Clauses {
			b.WriteString("<h2>" + strconv.Itoa(j+1) + ". " + html.EscapeString(msgIn(l.T, c.Title)) + "</h2>\n")
			for _, m := range c.Lines {
				b.WriteString("<p>" + html.EscapeString(msgIn(l.T, m)) + "</p>\n")
			}
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func firstT(ts []Translate) Translate {
	if len(ts) == 0 {
		return nil
	}
	return ts[0]
}
