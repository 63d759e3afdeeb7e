package bonus

// Solve computes every person's bonus under p: eligibility and pro-rating
// first, then, per pool, k = pool ÷ Σ raw with floors and caps applied and
// what they freed or took redistributed over the free rows until stable,
// every amount rounded down to the step and the remainder handed out one
// step at a time by largest remainder (ties to the higher score, then the
// lower employee code), so that Σ = pool exactly in fit mode when feasible.
// It does not change in.
func Solve(in []Input, p Policy) Result {
	return solve(in, p)
}
