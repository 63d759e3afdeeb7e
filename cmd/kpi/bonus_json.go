package main

import (
	"encoding/json"
	"io"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// bonusJSON is one row of kpi bonus --json.
type bonusJSON struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	Unit       string   `json:"unit"`
	Score      *float64 `json:"score"`
	Band       string   `json:"band"`
	Overridden bool     `json:"overridden,omitempty"`
	Eligible   bool     `json:"eligible"`
	Why        []string `json:"why,omitempty"`
	Base       float64  `json:"base"`
	Multiplier float64  `json:"multiplier"`
	ProRata    float64  `json:"pro_rata"`
	Raw        float64  `json:"raw"`
	K          float64  `json:"k"`
	Bound      string   `json:"bound"`
	Exact      float64  `json:"exact"`
	Rounded    float64  `json:"rounded"`
	Remainder  float64  `json:"remainder_steps"`
	Extra      int64    `json:"extra_steps"`
	Final      float64  `json:"final"`
}

// poolJSON is one pool of kpi bonus --json; unit is "" for the company pool.
type poolJSON struct {
	Unit      string  `json:"unit"`
	Pool      float64 `json:"pool"`
	Raw       float64 `json:"raw"`
	K         float64 `json:"k"`
	Total     float64 `json:"total"`
	People    int     `json:"people"`
	Eligible  int     `json:"eligible"`
	Feasible  bool    `json:"feasible"`
	Shortfall float64 `json:"shortfall"`
	Remainder int64   `json:"remainder_steps"`
}

func writeBonusJSON(w io.Writer, res bonus.Result) error {
	k := map[app.UID]float64{}
	for _, pr := range res.Pools {
		k[pr.Unit] = pr.K
	}
	rows := make([]bonusJSON, len(res.Rows))
	for i, r := range res.Rows {
		rows[i] = bonusJSON{Code: r.Code, Name: r.Name, Unit: r.UnitCode, Band: r.Band, Overridden: r.Overridden, Eligible: r.Eligible,
			Base: r.Base, Multiplier: r.Multiplier, ProRata: r.ProRata, Raw: r.Raw, K: k[r.Pool], Bound: string(r.Bound),
			Exact: r.Exact, Rounded: r.Rounded, Remainder: r.Fraction, Extra: r.Extra, Final: r.Final}
		if r.HasScore {
			s := r.Score
			rows[i].Score = &s
		}
		for _, why := range r.Why {
			rows[i].Why = append(rows[i].Why, string(why))
		}
	}
	pools := make([]poolJSON, len(res.Pools))
	for i, pr := range res.Pools {
		pools[i] = poolJSON{Unit: pr.Code, Pool: pr.Pool, Raw: pr.Raw, K: pr.K, Total: pr.Total, People: pr.People,
			Eligible: pr.Eligible, Feasible: pr.Feasible, Shortfall: pr.Shortfall, Remainder: pr.Remainder}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Mode     bonus.Mode  `json:"mode"`
		Step     float64     `json:"step"`
		Pool     float64     `json:"pool"`
		Total    float64     `json:"total"`
		Feasible bool        `json:"feasible"`
		Pools    []poolJSON  `json:"pools"`
		Rows     []bonusJSON `json:"rows"`
	}{res.Mode, res.Step, res.Pool, res.Total, res.Feasible, pools, rows})
}
