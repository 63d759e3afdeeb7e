package importmap

import (
	"regexp"
	"strconv"
	"time"

	"kpiplanner/app"
)

// PeriodKind is what a period header counts.
type PeriodKind string

// The period header kinds.
const (
	Month   PeriodKind = "month"
	Quarter PeriodKind = "quarter"
	Week    PeriodKind = "week"
	Ordinal PeriodKind = "number" // a bare number: the n-th period of the cycle
)

// PeriodRef is a period a header or a long layout's cell names.
type PeriodRef struct {
	Kind PeriodKind
	N    int // 1-based: month 1–12, quarter 1–4, week 1–53, or the n-th period
	Year int // 0 when the header names none
}

var (
	reMonthNum = regexp.MustCompile(`^(?:thang|th|t|month|mon|m)\s?(\d{1,2})(?:\s(\d{2}|\d{4}))?$`)
	reQuarter  = regexp.MustCompile(`^(?:q|quy|quarter|qtr)\s?(\d|i{1,3}|iv)(?:\s(\d{2}|\d{4}))?$`)
	reYearQ    = regexp.MustCompile(`^(\d{4})\s?q(\d)$`)
	reWeek     = regexp.MustCompile(`^(?:tuan|w|wk|week)\s?(\d{1,2})(?:\s(\d{4}))?$`)
	reMonthStr = regexp.MustCompile(`^([a-z]+)(?:\s(\d{2}|\d{4}))?$`)
	reISO      = regexp.MustCompile(`^(\d{4})\s(\d{1,2})(?:\s(\d{1,2}))?$`)
	reMY       = regexp.MustCompile(`^(?:(\d{1,2})\s)?(\d{1,2})\s(\d{4})$`)
	reOrdinal  = regexp.MustCompile(`^(?:ky|period|p)?\s?(\d{1,2})$`)
)

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var romans = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}

// ParsePeriod reads a cell as a period: a month ("Tháng 1", "T1", "Jan",
// "January 2022", "Jan-22", "2022-01", "01/2022", a date or an Excel date
// serial such as 44562), a quarter ("Q1", "Quý 1", "Quý I", "2022 Q1"), a week
// ("Tuần 1", "W1", "Week 1") or a bare number (the n-th period).
func ParsePeriod(c Cell) (PeriodRef, bool) {
	if c.IsNum {
		return numberPeriod(c)
	}
	if p, ok := parsePeriodText(Fold(c.Text)); ok {
		return p, true
	}
	var found *PeriodRef
	for _, h := range splitBilingual(c.Text) { // "Quý 1/ Q1"
		p, ok := parsePeriodText(h)
		if !ok || found != nil && *found != p {
			return PeriodRef{}, false
		}
		found = &p
	}
	if found == nil {
		return PeriodRef{}, false
	}
	return *found, true
}

// parsePeriodText reads a folded text as a period.
func parsePeriodText(s string) (PeriodRef, bool) {
	if s == "" {
		return PeriodRef{}, false
	}
	if m := reMonthNum.FindStringSubmatch(s); m != nil {
		return ranged(Month, m[1], m[2], 12)
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		n := m[1]
		if r, ok := romans[n]; ok {
			n = strconv.Itoa(r)
		}
		return ranged(Quarter, n, m[2], 4)
	}
	if m := reYearQ.FindStringSubmatch(s); m != nil {
		return ranged(Quarter, m[2], m[1], 4)
	}
	if m := reWeek.FindStringSubmatch(s); m != nil {
		return ranged(Week, m[1], m[2], 53)
	}
	if m := reMonthStr.FindStringSubmatch(s); m != nil {
		if n, ok := monthNames[m[1]]; ok {
			return ranged(Month, strconv.Itoa(n), m[2], 12)
		}
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		return ranged(Month, m[2], m[1], 12)
	}
	if m := reMY.FindStringSubmatch(s); m != nil {
		return ranged(Month, m[2], m[3], 12)
	}
	if m := reOrdinal.FindStringSubmatch(s); m != nil {
		return ranged(Ordinal, m[1], "", 53)
	}
	return PeriodRef{}, false
}

// numberPeriod reads a number cell: a date serial (a date-formatted cell, or
// a number between 1990 and 2100 as serials go) names its month; 1–53 is the
// n-th period.
func numberPeriod(c Cell) (PeriodRef, bool) {
	if c.Date || c.Num >= 32874 && c.Num <= 73051 { // 1990-01-01 … 2100-01-01
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(c.Num))
		return PeriodRef{Kind: Month, N: int(t.Month()), Year: t.Year()}, true
	}
	if c.Num == float64(int(c.Num)) && c.Num >= 1 && c.Num <= 53 {
		return PeriodRef{Kind: Ordinal, N: int(c.Num)}, true
	}
	return PeriodRef{}, false
}

// ranged returns the period of kind k numbered n (1…top) in year y ("" none;
// two digits are 20yy).
func ranged(k PeriodKind, n, y string, top int) (PeriodRef, bool) {
	v, err := strconv.Atoi(n)
	if err != nil || v < 1 || v > top {
		return PeriodRef{}, false
	}
	p := PeriodRef{Kind: k, N: v}
	if y != "" {
		p.Year, _ = strconv.Atoi(y)
		if p.Year < 100 {
			p.Year += 2000
		}
	}
	return p, true
}

// String returns the period as the preview writes it: "month 1", "quarter 2 2022".
func (p PeriodRef) String() string {
	s := string(p.Kind) + " " + strconv.Itoa(p.N)
	if p.Year != 0 {
		s += " " + strconv.Itoa(p.Year)
	}
	return s
}

// Index returns the 0-based period of cycle c that p names, or false with
// the reason when c has no such period (a quarter in a monthly cycle, a
// month outside it).
func (p PeriodRef) Index(c app.Cycle) (int, app.Msg, bool) {
	n := c.NumPeriods()
	start := c.Start.Time()
	idx := -1
	switch {
	case p.Kind == Ordinal:
		idx = p.N - 1
	case p.Kind == Month && c.Frequency == app.Monthly:
		idx = monthsFrom(start, p.Year, p.N)
	case p.Kind == Quarter && c.Frequency == app.Quarterly:
		idx = monthsFrom(start, p.Year, 3*p.N-2) / 3
	case p.Kind == Month && c.Frequency == app.Quarterly:
		return 0, app.M("%s is a month, but the plan is reviewed quarterly", p.String()), false
	case p.Kind == Quarter:
		return 0, app.M("%s is a quarter, but the plan is reviewed %s", p.String(), string(c.Frequency)), false
	case p.Kind == Week && c.Frequency == app.Weekly:
		idx = p.N - 1
	default:
		return 0, app.M("%s is a %s, but the plan is reviewed %s", p.String(), string(p.Kind), string(c.Frequency)), false
	}
	if idx < 0 || idx >= n {
		return 0, app.M("%s is outside the plan's cycle %s to %s", p.String(), c.Start.String(), c.End.String()), false
	}
	return idx, app.Msg{}, true
}

// monthsFrom returns how many months month m of year y (0 = the cycle's
// year, or the next one for months before the cycle's start month) lies after start.
func monthsFrom(start time.Time, y, m int) int {
	if y == 0 {
		y = start.Year()
		if m < int(start.Month()) {
			y++
		}
	}
	return (y*12 + m - 1) - (start.Year()*12 + int(start.Month()) - 1)
}

// FrequencyOf returns the review frequency of a period kind (monthly for bare numbers).
func FrequencyOf(k PeriodKind) app.Frequency {
	switch k {
	case Quarter:
		return app.Quarterly
	case Week:
		return app.Weekly
	}
	return app.Monthly
}
