package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"kpiplanner/app/bonus"
	"kpiplanner/app/i18n"
)

// writeBonusTable prints every row with its steps, then each pool and the total.
func writeBonusTable(w io.Writer, res bonus.Result, tr *i18n.Translator) error {
	k := map[string]float64{}
	for _, pr := range res.Pools {
		k[string(pr.Unit)] = pr.K
	}
	rows := [][]string{{tr.T("Code"), tr.T("Name"), tr.T("Unit"), tr.T("Score"), tr.T("Band"), tr.T("Eligible"), tr.T("Pro-rata"),
		tr.T("Raw"), tr.T("k"), tr.T("Bound"), tr.T("Exact"), tr.T("Rounded down"), tr.T("Extra steps"), tr.T("Final")}}
	for _, r := range res.Rows {
		score, band := "", tr.T(r.Band)
		if r.HasScore {
			score = strconv.FormatFloat(r.Score, 'f', 2, 64)
		}
		if r.Overridden {
			band += " (" + tr.T("override") + ")"
		}
		eligible := tr.T("yes")
		if !r.Eligible {
			eligible = tr.T("no") + ": " + whyWords(r, tr)
		}
		rows = append(rows, []string{clean(r.Code), clean(r.Name), clean(r.UnitCode), score, band, eligible,
			strconv.FormatFloat(r.ProRata, 'f', 4, 64), tr.FormatNumber(r.Raw, 0), strconv.FormatFloat(k[string(r.Pool)], 'f', 6, 64),
			tr.T(string(r.Bound)), tr.FormatNumber(r.Exact, 2), tr.FormatNumber(r.Rounded, 0), strconv.FormatInt(r.Extra, 10),
			tr.FormatNumber(r.Final, 0)})
	}
	if err := writeTable(w, rows); err != nil {
		return err
	}
	for _, pr := range res.Pools {
		name := pr.Code
		if pr.Unit == "" {
			name = tr.T("Company")
		}
		line := tr.T("pool %s: %s, paid %s, k %s, %d remainder steps", name, tr.FormatNumber(pr.Pool, 0), tr.FormatNumber(pr.Total, 0),
			strconv.FormatFloat(pr.K, 'f', 6, 64), pr.Remainder)
		if !pr.Feasible {
			line += "; " + tr.T("infeasible: short by %s", tr.FormatNumber(pr.Shortfall, 0))
		}
		fmt.Fprintln(w, line)
	}
	_, err := fmt.Fprintln(w, tr.T("total %s of raw %s (%s)", tr.FormatNumber(res.Total, 0), tr.FormatNumber(res.Raw, 0), string(res.Mode)))
	return err
}

// whyWords is why a person gets no bonus, in tr's language.
func whyWords(r bonus.Row, tr *i18n.Translator) string {
	if r.WhyText.Key != "" {
		return tr.Msg(r.WhyText)
	}
	parts := make([]string, len(r.Why))
	for i, w := range r.Why {
		parts[i] = tr.T(string(w))
	}
	return strings.Join(parts, "; ")
}
