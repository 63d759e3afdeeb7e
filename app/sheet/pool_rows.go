package sheet

import (
	"strings"

	"kpiplanner/app"
	bp "kpiplanner/app/bonus"
)

// personRow is one person's bonus with every step of the solver: raw, k,
// the bound, rounding down, the remainder as live formulas, the extra
// steps as a value.
func personRow(l lang, lay PoolLayout, i int, r *bp.Row, codes map[app.UID]string, res bp.Result, money string) Row {
	at := lay.FirstRow + i
	pi := poolIndex(res, r.Pool)
	step := Abs(PlStep, lay.PoolRow+pi)
	ref := func(c int) string { return Ref(c, at) }
	row := make(Row, poCols)
	row[PoCode] = Str(r.Code, Plain)
	row[PoName] = Str(r.Name, Plain)
	row[PoUnit] = Str(r.UnitCode, Plain)
	row[PoPool] = Str(codes[r.Pool], Plain)
	row[PoScore] = Num(r.Score, Plain, "0.00")
	if !r.HasScore {
		row[PoScore] = Blank(Plain)
	}
	row[PoBand] = Str(l.T(r.Band), Plain)
	if r.Overridden {
		row[PoOverride] = Str(l.T("override"), Note)
	}
	row[PoEligible] = Str(yesNo(l, r.Eligible), Plain)
	row[PoWhy] = Str(whyText(l, r), Note)
	row[PoBase] = Cell{Kind: Money, Style: Input, Num: r.Base, Format: money}
	row[PoMultiplier] = Num(r.Multiplier, Input, "0.00##")
	row[PoProRata] = Num(r.ProRata, Input, "0.0000##")
	row[PoRaw] = Formula(ref(PoBase)+"*"+ref(PoMultiplier)+"*"+ref(PoProRata), r.Raw, true, Money, Computed, money)
	row[PoFloor] = Cell{Kind: Money, Style: Input, Num: r.FloorAt, Format: money}
	row[PoCap] = Blank(Input)
	if r.HasCap || r.Raw == 0 {
		row[PoCap] = Cell{Kind: Money, Style: Input, Num: r.CapAt, Format: money}
	}
	row[PoBound] = Str(boundWord(l, r.Bound), Plain)
	k := res.Pools[pi].K
	row[PoK] = Formula(Abs(PlK, lay.PoolRow+pi), k, true, Number, Helper, "0.000000")
	exact := "IF(" + ref(PoBound) + "=" + quote(boundWord(l, bp.Capped)) + "," + ref(PoCap) + ",IF(" + ref(PoBound) + "=" +
		quote(boundWord(l, bp.Floored)) + "," + ref(PoFloor) + "," + ref(PoK) + "*" + ref(PoRaw) + "))"
	row[PoExact] = Formula(exact, r.Exact, true, Money, Computed, "#,##0.00")
	row[PoRounded] = Formula("ROUNDDOWN("+ref(PoExact)+"/"+step+"+1E-9,0)*"+step, r.Rounded, true, Money, Computed, money)
	row[PoRemainder] = Formula(ref(PoExact)+"/"+step+"-"+ref(PoRounded)+"/"+step, r.Fraction, true, Number, Helper, "0.0000")
	row[PoExtra] = Num(float64(r.Extra), Input, "0")
	row[PoFinal] = Formula(ref(PoRounded)+"+"+ref(PoExtra)+"*"+step, r.Final, true, Money, Total, money)
	return row
}

func poolIndex(res bp.Result, u app.UID) int {
	for i, pr := range res.Pools {
		if pr.Unit == u {
			return i
		}
	}
	return 0
}

func yesNo(l lang, ok bool) string {
	if ok {
		return l.T("yes")
	}
	return l.T("no")
}

// whyText is every reason a person is not eligible, in words.
func whyText(l lang, r *bp.Row) string {
	if r.Eligible {
		return ""
	}
	if r.WhyText.Key != "" {
		return msgIn(l.T, r.WhyText)
	}
	parts := make([]string, len(r.Why))
	for i, w := range r.Why {
		parts[i] = l.T(string(w))
	}
	return strings.Join(parts, "; ")
}

// msgIn renders m in t's language, messages among its arguments too.
func msgIn(t Translate, m app.Msg) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if sub, ok := a.(app.Msg); ok {
			a = msgIn(t, sub)
		}
		args[i] = a
	}
	return t(m.Key, args...)
}

// overridesSheet lists every calibration override with its reason, and each calibration's sign-off.
func overridesSheet(l lang, name string, cals []bp.Calibration) *Sheet {
	s := &Sheet{Name: name, FreezeRows: 1, Cols: []Col{{Width: 14}, {Width: 12}, {Width: 14}, {Width: 14}, {Width: 40}, {Width: 14}, {Width: 20}}}
	head := Row{Str(l.T("Calibration"), Header), Str(l.T("Code"), Header), Str(l.T("From"), Header), Str(l.T("To"), Header),
		Str(l.T("Reason"), Header), Str(l.T("By"), Header), Str(l.T("When"), Header)}
	rows := []Row{head}
	for _, c := range cals {
		scope := l.T("Company")
		if c.Unit != "" {
			scope = string(c.Unit)
		}
		for _, o := range c.Overrides {
			rows = append(rows, Row{Str(scope, Plain), Str(o.Code, Plain), Str(l.T(o.From), Plain), Str(l.T(o.To), Plain),
				Str(o.Reason, Plain), Str(o.User, Plain), Str(o.At.UTC().Format("2006-01-02 15:04"), Plain)})
		}
		if c.SignedOff != nil {
			rows = append(rows, Row{Str(scope, Plain), Blank(Plain), Blank(Plain), Blank(Plain),
				Str(l.T("signed off"), Note), Str(c.SignedOff.User, Plain), Str(c.SignedOff.At.UTC().Format("2006-01-02 15:04"), Plain)})
		}
	}
	s.SetRows(rows)
	return s
}
