package bonus

import (
	"math"

	"kpiplanner/app"
)

// applyOverrides returns a copy of in with each override's band and its multiplier.
func applyOverrides(ov []Override, in []Input) []Input {
	out := append([]Input(nil), in...)
	if len(ov) == 0 {
		return out
	}
	by := make(map[app.UID]*Override, len(ov))
	for i := range ov {
		by[ov[i].Person] = &ov[i]
	}
	for i := range out {
		if o := by[out[i].Person]; o != nil {
			setBand(&out[i], o.To)
		}
	}
	return out
}

// setBand puts a person into band: the band's multiplier from their plan's bands, marked as overridden
// unless it is the computed band.
func setBand(in *Input, band string) {
	if m, ok := BandMultiplier(in.Bands, band); ok {
		in.Multiplier = m
	}
	in.Band = band
	in.Overridden = band != in.Computed
}

// distribute counts in by band.
func distribute(in []Input, bands []app.Band, t Target) Distribution {
	d := Distribution{Bands: make([]BandCount, len(bands))}
	at := make(map[string]int, len(bands))
	for i, b := range bands {
		d.Bands[i].Band = b.Name
		at[b.Name] = i
	}
	for i := range in {
		j, ok := at[in[i].Band]
		if !ok || !in[i].HasScore {
			continue
		}
		d.Bands[j].Count++
		d.Bands[j].Cost += in[i].Base * in[i].Multiplier
		d.Rated++
	}
	for i := range d.Bands {
		b := &d.Bands[i]
		if d.Rated > 0 {
			b.Percent = 100 * float64(b.Count) / float64(d.Rated)
		}
		b.Target, b.HasTarget = t.Percents[b.Band]
	}
	return d
}

// check returns every violation of t: percent targets over the whole of in,
// quotas over the whole or per unit.
func check(in []Input, bands []app.Band, t Target) []Violation {
	var out []Violation
	d := distribute(in, bands, t)
	for _, b := range d.Bands {
		if !b.HasTarget {
			continue
		}
		want := int(math.Round(b.Target * float64(d.Rated) / 100))
		switch {
		case b.Count > want:
			out = append(out, Violation{Band: b.Band, Count: b.Count, Allowed: want,
				Msg: app.M("%s: %d people, the target allows %d", b.Band, b.Count, want)})
		case b.Count < want:
			out = append(out, Violation{Band: b.Band, Count: b.Count, Allowed: want, Under: true,
				Msg: app.M("%s: %d people, the target asks for %d", b.Band, b.Count, want)})
		}
	}
	for _, q := range t.Quotas {
		out = append(out, checkQuota(in, q)...)
	}
	return out
}

// checkQuota checks one quota over in, per unit when asked (units in order of first appearance).
func checkQuota(in []Input, q Quota) []Violation {
	type tally struct{ band, of int }
	counts := map[app.UID]*tally{}
	var order []app.UID
	for i := range in {
		if !in[i].HasScore {
			continue
		}
		u := app.UID("")
		if q.PerUnit {
			u = in[i].Unit
		}
		c := counts[u]
		if c == nil {
			c = &tally{}
			counts[u] = c
			order = append(order, u)
		}
		if in[i].Band == q.Band {
			c.band++
		}
		if q.Of == "" || in[i].Band == q.Of {
			c.of++
		}
	}
	var out []Violation
	for _, u := range order {
		c := counts[u]
		allowed := int(math.Floor(q.Percent*float64(c.of)/100 + 1e-9))
		if c.band > allowed {
			of := q.Of
			if of == "" {
				of = "rated"
			}
			out = append(out, Violation{Unit: u, Band: q.Band, Count: c.band, Allowed: allowed,
				Msg: app.M("%s: %d people, at most %d allowed (%g%% of %d %s)", q.Band, c.band, allowed, q.Percent, c.of, of)})
		}
	}
	return out
}
