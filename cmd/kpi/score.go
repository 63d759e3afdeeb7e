package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

func cmdScore(e *env, fs *flag.FlagSet) error {
	at := fs.String("at", "", "score up to this period (label such as 2026-03, or its number); default the whole cycle")
	asJSON := fs.Bool("json", false, "print JSON with unrounded numbers")
	pos, err := e.parse(fs, 0, 1)
	if err != nil {
		return err
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	plans, err := plansOf(s, pos)
	if err != nil {
		return err
	}
	for i := range plans {
		if !*asJSON { // text: names safe for a terminal and its columns
			plans[i] = cleanPlan(plans[i])
		}
	}
	results := make([]score.Result, len(plans))
	for i, p := range plans {
		idx := -1
		if *at != "" {
			if idx, err = p.Cycle.FindPeriod(*at); err != nil {
				return fmt.Errorf("plan %d (%s): --at: %w", p.ID, p.Name, err)
			}
		}
		results[i] = score.Plan(p, idx)
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

type scoreJSON struct {
	ID         app.PlanID  `json:"id"`
	Name       string      `json:"name"`
	Person     string      `json:"person"`
	Department string      `json:"department"`
	Period     string      `json:"period"`
	Total      *float64    `json:"total"`
	Rating     string      `json:"rating"`
	Multiplier *float64    `json:"multiplier"`
	Bonus      float64     `json:"bonus"`
	Currency   string      `json:"currency"`
	Groups     []groupJSON `json:"groups"`
	KPIs       []kpiJSON   `json:"kpis"`
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
		j := scoreJSON{ID: r.PlanID, Name: r.Name, Person: r.Person.Name, Department: r.Person.Department,
			Period: r.AtLabel, Total: num(r.Total, r.HasTotal), Rating: r.Rating.Name,
			Multiplier: num(r.Rating.Multiplier, r.HasTotal), Bonus: r.Bonus, Currency: p.Person.Currency}
		for _, g := range r.Groups {
			j.Groups = append(j.Groups, groupJSON{Group: g.Group, Weight: g.Weight, Score: num(g.Score, g.Scored)})
		}
		for _, k := range r.KPIs {
			ok := k.Status == score.Scored
			j.KPIs = append(j.KPIs, kpiJSON{ID: k.ID, Name: k.Name, Group: k.Group, Weight: k.Weight,
				Actual: num(k.Actual, ok), Target: k.Target, Achievement: num(k.Achievement, ok),
				Score: num(k.Score, ok), Status: k.Status})
		}
		out[i] = j
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeScoreText(w io.Writer, plans []*app.Plan, results []score.Result) error {
	if len(results) > 1 {
		return writeScoreSummary(w, results)
	}
	for _, r := range results {
		fmt.Fprintf(w, "Plan %d: %s — %s (%s), up to %s\n", r.PlanID, r.Name, r.Person.Name, r.Person.Department, r.AtLabel)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "GROUP\tKPI\tACTUAL\tTARGET\tACHIEVEMENT\tSCORE\tWEIGHT\t")
		for _, k := range r.KPIs {
			if k.Status == score.NoData {
				fmt.Fprintf(tw, "%s\t%s\tno data\t%s\t\t\t%s\t\n", k.Group, k.ID, one(k.Target), one(k.Weight))
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s%%\t%s\t%s\t\n", k.Group, k.ID, one(k.Actual), one(k.Target),
				one(100*k.Achievement), one(k.Score), one(k.Weight))
		}
		tw.Flush()
		for _, g := range r.Groups {
			s := "no data"
			if g.Scored {
				s = one(g.Score)
			}
			fmt.Fprintf(w, "Group %s (weight %s): %s\n", g.Group, one(g.Weight), s)
		}
		if !r.HasTotal {
			fmt.Fprintln(w, "Total: no data")
			continue
		}
		fmt.Fprintf(w, "Total: %s — %s — bonus %s %s\n", one(r.Total), r.Rating.Name, one(r.Bonus), plans[0].Person.Currency)
	}
	return nil
}

func writeScoreSummary(w io.Writer, results []score.Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPERSON\tDEPARTMENT\tTOTAL\tRATING\tBONUS")
	for _, r := range results {
		total, rating := "no data", ""
		if r.HasTotal {
			total, rating = one(r.Total), r.Rating.Name
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.PlanID, r.Person.Name, r.Person.Department, total, rating, one(r.Bonus))
	}
	return tw.Flush()
}

// one formats x rounded to one decimal.
func one(x float64) string { return fmt.Sprintf("%.1f", x) }
