package app

// MaxPlanID is the highest plan id a store gives or accepts: the largest
// integer every JSON reader keeps exactly (2⁵³ − 1). Ids far below 2⁶⁴ mean
// an id counter can never wrap round and reuse plan 1's id.
const MaxPlanID PlanID = 1<<53 - 1
