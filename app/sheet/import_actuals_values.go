package sheet

import (
	"strings"

	"kpiplanner/app"
)

// How the actuals import reads one cell's number into a KPI's period.

// value reads the number in cell (r, c) as part kind of KPI ki's period per.
func (im *actualsImport) value(r, c, ki, per int, kind string) {
	cell := im.g.cell(r, c)
	k := &im.p.KPIs[ki]
	key := [2]int{ki, per}
	pd := im.cells[key]
	if pd == nil {
		pd = &pending{k: k, period: per, first: r}
		im.cells[key] = pd
	}
	if kind == valueRow && k.Aggregation == app.Ratio {
		num, den, ok := im.ratio(r, c, cell)
		if ok {
			im.put(&pd.num, part{num, r, im.colName(c), cell.Text}, r, c, per)
			im.put(&pd.den, part{den, r, im.colName(c), cell.Text}, r, c, per)
		}
		return
	}
	v, err := im.num(cell)
	if err != nil {
		im.fail(r, c, msgOf(err))
		return
	}
	slot := map[string]**part{valueRow: &pd.value, numRow: &pd.num, denRow: &pd.den}[kind]
	im.put(slot, part{v, r, im.colName(c), cell.Text}, r, c, per)
}

// ratio reads "numerator/denominator" from one cell.
func (im *actualsImport) ratio(r, c int, cell GridCell) (num, den float64, ok bool) {
	a, b, found := strings.Cut(cell.Text, "/")
	if cell.IsNum || !found {
		im.fail(r, c, app.M("%q: write a ratio as numerator/denominator, e.g. 3/150", strings.TrimSpace(cell.Text)))
		return 0, 0, false
	}
	num, err := im.num(GridCell{Text: a})
	if err == nil {
		den, err = im.num(GridCell{Text: b})
	}
	if err != nil {
		im.fail(r, c, msgOf(err))
		return 0, 0, false
	}
	return num, den, true
}

// put stores a part, refusing a second one for the same slot.
func (im *actualsImport) put(slot **part, p part, r, c, per int) {
	if *slot != nil {
		im.fail(r, c, app.M("period %s is given twice (also in row %d)", im.periods[per].Label, (*slot).row+1))
		return
	}
	*slot = &p
}

func (im *actualsImport) colName(c int) string {
	if c >= 0 && c < len(im.h.Texts) && im.h.Texts[c] != "" {
		return im.h.Texts[c]
	}
	return ColName(c)
}
