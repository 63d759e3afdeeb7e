package app

// ActualsLoss is a change to a KPI that would drop or reinterpret the
// actuals recorded for it: an edit or import must not make it silently.
type ActualsLoss struct {
	KPI     string // the KPI's id
	Name    string // the KPI's name before the change
	Actuals int    // how many actuals are recorded for it
	Reason  Msg    // what the change does to them
}

// Message returns the loss as a translatable message naming the KPI.
func (l ActualsLoss) Message() Msg {
	return M("KPI %s (%s): %s", l.KPI, Short(l.Name, 60), l.Reason)
}

// ActualsLosses lists the changes from before to after (the same plan
// before and after an edit or an import) that would drop or reinterpret
// recorded actuals: a KPI with actuals removed; its aggregation changed
// (between ratio and the others the numerators and denominators no longer
// read as values, or the other way round; between the others its values
// combine differently); its direction changed to or from milestone (which
// reads values as done or not done); or, for a ratio KPI, its unit changed
// to or from percent (which scales the ratio by 100). KPIs are matched by
// id; KPIs without actuals are never listed. The result is in before's order.
func ActualsLosses(before, after *Plan) []ActualsLoss {
	var out []ActualsLoss
	for i := range before.KPIs {
		b := &before.KPIs[i]
		if len(b.Actuals) == 0 {
			continue
		}
		loss := func(m Msg) {
			out = append(out, ActualsLoss{KPI: b.ID, Name: b.Name, Actuals: len(b.Actuals), Reason: m})
		}
		a := after.KPI(b.ID)
		switch {
		case a == nil:
			loss(M("removed with its %d recorded actuals", len(b.Actuals)))
		case (a.Aggregation == Ratio) != (b.Aggregation == Ratio):
			loss(M("aggregation from %s to %s: its %d recorded actuals would no longer be read as they were recorded (numerator and denominator, or one value per period)", b.Aggregation, a.Aggregation, len(b.Actuals)))
		case a.Aggregation != b.Aggregation:
			loss(M("aggregation from %s to %s: its %d recorded actuals would be combined differently", b.Aggregation, a.Aggregation, len(b.Actuals)))
		case (a.Direction == Milestone) != (b.Direction == Milestone):
			loss(M("direction from %s to %s: its %d recorded actuals would be read differently", b.Direction, a.Direction, len(b.Actuals)))
		case a.Aggregation == Ratio && (a.Unit == Percent) != (b.Unit == Percent):
			loss(M("unit from %s to %s: its %d recorded ratios would be scaled differently (percent multiplies them by 100)", b.Unit, a.Unit, len(b.Actuals)))
		}
	}
	return out
}
