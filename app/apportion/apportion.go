// Package apportion splits a whole into parts that are multiples of a step
// and sum exactly to the whole, by the largest-remainder method: every part
// is first rounded down to the step, then the steps left over go one at a
// time to the parts with the largest remainders (ties to the earlier part).
package apportion

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"sort"
)

// ErrNoWeight is returned when there is something to split but no weight to split it by.
var ErrNoWeight = errors.New("nothing to split by: every weight is 0")

// maxSteps bounds the number of steps a whole may hold, so that step counts stay exact in int64 and float64.
const maxSteps = 1 << 52

// Steps returns how many steps n of the whole each share gets: each share's
// floor, then one more step to each of the n − Σ floors shares with the
// largest fractional parts, ties to the lower index. The shares must be
// non-negative and their floors sum to at most n; Σ of the result is n.
func Steps(shares []*big.Rat, n int64) ([]int64, error) {
	out := make([]int64, len(shares))
	type rest struct {
		i    int
		frac *big.Rat
	}
	rests := make([]rest, len(shares))
	var used int64
	for i, s := range shares {
		if s.Sign() < 0 {
			return nil, fmt.Errorf("share %d is negative", i+1)
		}
		q := new(big.Int).Quo(s.Num(), s.Denom())
		if !q.IsInt64() {
			return nil, fmt.Errorf("share %d is too large", i+1)
		}
		out[i] = q.Int64()
		used += out[i]
		rests[i] = rest{i, new(big.Rat).Sub(s, new(big.Rat).SetInt(q))}
	}
	left := n - used
	if left < 0 || left > int64(len(shares)) {
		return nil, fmt.Errorf("shares round down to %d steps, cannot make %d", used, n)
	}
	sort.SliceStable(rests, func(a, b int) bool { return rests[a].frac.Cmp(rests[b].frac) > 0 })
	for _, r := range rests[:left] {
		out[r.i]++
	}
	return out, nil
}

// Split divides total into len(weights) parts proportional to weights, each
// a multiple of step, summing exactly to total: Split(100, [1 1 1], 1) =
// [34 33 33]. The total must itself be a multiple of step (within 1e-9 of
// a step, as decimal amounts are); weights must be finite and ≥ 0.
func Split(total float64, weights []float64, step float64) ([]float64, error) {
	n, err := stepCount(total, step)
	if err != nil {
		return nil, err
	}
	sum := new(big.Rat)
	ws := make([]*big.Rat, len(weights))
	for i, w := range weights {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("weight %d is %v: weights must be finite and not negative", i+1, w)
		}
		ws[i] = new(big.Rat).SetFloat64(w)
		sum.Add(sum, ws[i])
	}
	if n == 0 {
		return make([]float64, len(weights)), nil
	}
	if sum.Sign() == 0 {
		return nil, ErrNoWeight
	}
	neg := n < 0
	if neg {
		n = -n
	}
	shares := make([]*big.Rat, len(ws))
	nr := new(big.Rat).SetInt64(n)
	for i, w := range ws {
		shares[i] = new(big.Rat).Quo(new(big.Rat).Mul(w, nr), sum)
	}
	steps, err := Steps(shares, n)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(steps))
	for i, s := range steps {
		if neg {
			s = -s
		}
		out[i] = fromSteps(s, step)
	}
	return out, nil
}

// Even divides total into n equal parts, each a multiple of step, summing exactly to total.
func Even(total float64, n int, step float64) ([]float64, error) {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	return Split(total, w, step)
}

// stepCount returns total ÷ step as a whole number of steps.
func stepCount(total, step float64) (int64, error) {
	if !(step > 0) || math.IsInf(step, 0) {
		return 0, fmt.Errorf("step %v: the step must be a positive number", step)
	}
	if math.IsNaN(total) || math.IsInf(total, 0) {
		return 0, fmt.Errorf("total %v is not a number", total)
	}
	q := total / step
	r := math.Round(q)
	if math.Abs(r) > maxSteps {
		return 0, fmt.Errorf("total %v holds too many steps of %v", total, step)
	}
	if math.Abs(q-r) > 1e-9*math.Max(1, math.Abs(q)) {
		return 0, fmt.Errorf("total %v is not a multiple of the step %v", total, step)
	}
	return int64(r), nil
}

// fromSteps returns s steps as an amount, computed so that decimal steps
// (0.01) give the nearest decimal (0.07, not 0.07000000000000001).
func fromSteps(s int64, step float64) float64 {
	if step >= 1 && step == math.Trunc(step) {
		return float64(s) * step
	}
	inv := 1 / step
	if ri := math.Round(inv); math.Abs(inv-ri) < 1e-9 {
		return float64(s) / ri
	}
	return float64(s) * step
}
