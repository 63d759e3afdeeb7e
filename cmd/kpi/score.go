package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"kpiplanner/app"
	"kpiplanner/app/money"
	"kpiplanner/app/score"
)

func cmdScore(e *env, fs *flag.FlagSet) error {
	at := fs.String("at", "", "score through this date, month, quarter or week (2026-03-31, 2026-03, 2026-Q1, 2026-W05), "+
		"each plan in its own cycle; a number N means each plan's N-th period; \"whole\" the whole cycle; default the official window")
	asJSON := fs.Bool("json", false, "print JSON with unrounded numbers")
	pos, err := e.parse(fs, 0, 1)
	if err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	plans, err := scoredPlansOf(s, pos)
	if err != nil {
		return err
	}
	for i := range plans {
		if !*asJSON { // text: names safe for a terminal and its columns
			plans[i] = cleanPlan(plans[i])
		}
	}
	results, err := scoreAt(plans, *at, e.today())
	if err != nil {
		return err
	}
	var out io.Writer = e.out
	if !*asJSON { // text for a terminal: no control characters from names (JSON escapes them)
		out = &termWriter{w: e.out}
	}
	w := bufio.NewWriter(out)
	if *asJSON {
		err = writeScoreJSON(w, plans, results)
	} else {
		err = writeScoreText(w, plans, results)
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

// scoreAt scores plans over the window --at names: a number N is each
// plan's N-th period; anything else is as for export (see pickAt).
func scoreAt(plans []*app.Plan, at string, today app.Date) ([]score.Result, error) {
	if _, err := strconv.Atoi(strings.TrimSpace(at)); err == nil {
		out := make([]score.Result, len(plans))
		for i, p := range plans {
			idx, err := p.Cycle.FindPeriod(at)
			if err != nil {
				return nil, fmt.Errorf("plan %d (%s): --at: %w", p.ID, clean(p.Name), err)
			}
			out[i] = score.Plan(p, idx)
		}
		return out, nil
	}
	pick, err := pickAt(at, today)
	if err != nil {
		return nil, err
	}
	return score.By(plans, pick), nil
}

type scoreJSON struct {
	ID            app.PlanID  `json:"id"`
	UID           app.UID     `json:"uid,omitempty"`
	Name          string      `json:"name"`
	Person        string      `json:"person"`
	Department    string      `json:"department"`
	Period        string      `json:"period"`
	Total         *float64    `json:"total"`
	TotalOfficial *float64    `json:"total_official"`
	OwnTotal      *float64    `json:"own_total,omitempty"`   // team component (docs/scoring.md §5a)
	UnitTotal     *float64    `json:"unit_total,omitempty"`  // team component
	TeamWeight    *float64    `json:"team_weight,omitempty"` // team component
	Provisional   bool        `json:"provisional"`
	Missing       []string    `json:"missing,omitempty"`
	Rating        string      `json:"rating"`
	Multiplier    *float64    `json:"multiplier"`
	Bonus         float64     `json:"bonus"`
	BonusRaw      float64     `json:"bonus_unrounded"`
	Currency      string      `json:"currency"`
	Groups        []groupJSON `json:"groups"`
	KPIs          []kpiJSON   `json:"kpis"`
}

type groupJSON struct {
	Group  app.Group `json:"group"`
	Weight float64   `json:"weight"`
	Score  *float64  `json:"score"`
}

type kpiJSON struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Group       app.Group    `json:"group"`
	Weight      float64      `json:"weight"`
	Actual      *float64     `json:"actual"`
	Target      float64      `json:"target"`
	Achievement *float64     `json:"achievement"`
	Score       *float64     `json:"score"`
	Status      score.Status `json:"status"`
	Formula     string       `json:"formula,omitempty"`
}

// num returns &x, or nil (JSON null) when ok is false or x is not finite.
func num(x float64, ok bool) *float64 {
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func writeScoreJSON(w io.Writer, plans []*app.Plan, results []score.Result) error {
	out := make([]scoreJSON, len(results))
	for i, r := range results {
		p := plans[i]
		j := scoreJSON{ID: r.PlanID, UID: p.UID, Name: r.Name, Person: r.Person.Name, Department: r.Person.Department,
			Period: r.AtLabel, Total: num(r.Total, r.HasTotal), TotalOfficial: num(r.Official, r.HasTotal),
			Provisional: r.Provisional, Missing: r.Missing, Rating: r.Rating.Name,
			Multiplier: num(r.Rating.Multiplier, r.HasTotal), Bonus: r.Bonus, BonusRaw: r.BonusRaw, Currency: p.Person.Currency}
		if r.Team {
			j.OwnTotal, j.UnitTotal, j.TeamWeight = num(r.Own, true), num(r.Unit, true), num(r.TeamWeight, true)
		}
		for _, g := range r.Groups {
			j.Groups = append(j.Groups, groupJSON{Group: g.Group, Weight: g.Weight, Score: num(g.Score, g.Scored)})
		}
		for _, k := range r.KPIs {
			ok := k.Status == score.Scored
			kj := kpiJSON{ID: k.ID, Name: k.Name, Group: k.Group, Weight: k.Weight,
				Actual: num(k.Actual, ok), Target: k.Target, Achievement: num(k.Achievement, ok),
				Score: num(k.Score, ok), Status: k.Status}
			if ok {
				kj.Formula = k.Formula.Text(plain)
			}
			j.KPIs = append(j.KPIs, kj)
		}
		out[i] = j
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeScoreText(w io.Writer, plans []*app.Plan, results []score.Result) error {
	if len(results) > 1 {
		return writeScoreSummary(w, plans, results)
	}
	for i, r := range results {
		p := plans[i]
		fmt.Fprintf(w, "Plan %d: %s — %s (%s), %s\n", r.PlanID, clean(r.Name), clean(r.Person.Name),
			clean(r.Person.Department), windowText(r.Window))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "GROUP\tKPI\tACTUAL\tTARGET\tACHIEVEMENT\tSCORE\tWEIGHT\t")
		for _, k := range r.KPIs {
			if k.Status == score.NoData {
				fmt.Fprintf(tw, "%s\t%s\tno data\t%s\t\t\t%s\t\n", k.Group, clean(k.ID), one(k.Target), one(k.Weight))
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s%%\t%s\t%s\t\n", k.Group, clean(k.ID), one(k.Actual), one(k.Target),
				one(100*k.Achievement), one(k.Score), one(k.Weight))
		}
		tw.Flush()
		for _, k := range r.KPIs {
			if k.Status == score.Scored {
				fmt.Fprintf(w, "  %s: %s\n", clean(k.ID), k.Formula.Text(plain))
			}
		}
		for _, g := range r.Groups {
			s := "no data"
			if g.Scored {
				s = two(g.Score)
			}
			fmt.Fprintf(w, "Group %s (weight %s): %s\n", g.Group, one(g.Weight), s)
		}
		if !r.HasTotal {
			fmt.Fprintln(w, "Total: no data")
			continue
		}
		if r.Team {
			fmt.Fprintf(w, "Own total: %s; unit plan: %s; team weight %s %%\n", two(r.Own), two(r.Unit), one(r.TeamWeight))
		}
		fmt.Fprintf(w, "Total: %s — %s — bonus %s%s\n", two(r.Official), r.Rating.Name,
			amount(r.Bonus, p.Person.Currency), provisionalText(r))
	}
	return nil
}

func writeScoreSummary(w io.Writer, plans []*app.Plan, results []score.Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPERSON\tDEPARTMENT\tWINDOW\tTOTAL\tRATING\tBONUS")
	for i, r := range results {
		total, rating := "no data", ""
		if r.HasTotal {
			total, rating = two(r.Official), r.Rating.Name
			if r.Provisional {
				total += " (provisional)"
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.PlanID, clean(r.Person.Name), clean(r.Person.Department),
			windowText(r.Window), total, rating, amount(r.Bonus, plans[i].Person.Currency))
	}
	return tw.Flush()
}

// windowText says what a window covers: "to 2026-09", "whole cycle" or "no period".
func windowText(w score.Window) string {
	switch {
	case w.Empty():
		return "no period"
	case w.Whole:
		return "whole cycle (to " + w.Label + ")"
	}
	return "to " + w.Label
}

// provisionalText marks a provisional result and names the KPIs without data.
func provisionalText(r score.Result) string {
	if !r.Provisional {
		return ""
	}
	return " (provisional: no data for " + clean(strings.Join(r.Missing, ", ")) + ")"
}

// amount writes money in the currency's unit, e.g. "5000000 VND" or "703.68 USD".
func amount(x float64, code string) string {
	return strings.TrimSpace(strconv.FormatFloat(x, 'f', money.Decimals(code), 64) + " " + clean(code))
}

// one formats x rounded to one decimal.
func one(x float64) string { return fmt.Sprintf("%.1f", x) }

// two formats x rounded to two decimals: how official totals are shown.
func two(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// plain formats a formula's number with up to 4 decimals and no trailing zeros.
func plain(x float64) string {
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
