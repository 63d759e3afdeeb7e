package library

import (
	"slices"
	"strings"
	"unicode"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// Filter selects library entries; empty fields select everything.
type Filter struct {
	Query         string // words to find in either language, accents and case ignored
	Department    string // a Departments id
	Stage         string // a Stages id
	Perspective   string // a Perspectives id
	GoalType      string // a goal type id: only the entries of its KPI set
	IncludeHidden bool   // also return entries the user has hidden
}

// Fold returns s in lower case without diacritics, with đ as d (i18n.Fold).
func Fold(s string) string { return i18n.Fold(s) }

// words splits s into folded words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// searchKey is an entry's folded words, computed once when it is added.
// Query words match the start of a word of the name, id, department, stage
// or perspective ("chuyen d" finds "chuyển đổi" as the user types), but only
// whole words of the description, which would otherwise match too much.
type searchKey struct {
	names  [2][]string // the name's words in Vietnamese and English
	prefix []string    // words matched by prefix, sorted and unique
	whole  []string    // description words matched whole, sorted and unique
}

func keyOf(e *app.LibraryEntry) searchKey {
	k := searchKey{names: [2][]string{words(e.Name.VI), words(e.Name.EN)}}
	parts := []string{e.Name.VI, e.Name.EN, e.ID}
	for _, f := range []struct {
		list []Label
		id   string
	}{{Departments, e.Department}, {Stages, e.Stage}, {Perspectives, e.Perspective}} {
		if f.id == "" {
			continue
		}
		parts = append(parts, f.id)
		if l, ok := LabelOf(f.list, f.id); ok {
			parts = append(parts, l.Name.VI, l.Name.EN)
		}
	}
	k.prefix = sortedWords(parts...)
	k.whole = sortedWords(e.Description.VI, e.Description.EN)
	return k
}

func sortedWords(parts ...string) []string {
	var ws []string
	for _, p := range parts {
		ws = append(ws, words(p)...)
	}
	slices.Sort(ws)
	return slices.Compact(ws)
}

// hasPrefix reports whether some word of ws starts with q.
func hasPrefix(ws []string, q string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	return false
}

// Ranks of a match, best first.
const (
	rankExact  = iota // the query is the whole name or the id
	rankStart         // the name starts with the query words
	rankPhrase        // the name contains the query words in a row
	rankName          // the name contains every query word
	rankOther         // the words are spread over the other fields
)

// match reports whether every query word matches the entry, how well
// (a rank), and the length of the best-matching name to break ties in
// favour of shorter names. An empty query matches everything.
func (k *searchKey) match(q []string, id string) (rank, size int, ok bool) {
	if len(q) == 0 {
		return rankOther, 0, true
	}
	for _, w := range q {
		if _, found := slices.BinarySearch(k.whole, w); !found && !hasPrefix(k.prefix, w) {
			return 0, 0, false
		}
	}
	if strings.Join(q, "-") == id {
		return rankExact, 0, true
	}
	rank = rankOther
	for _, name := range k.names {
		if r := nameRank(name, q); r < rank || r == rank && r < rankOther && len(name) < size {
			rank, size = r, len(name)
		}
	}
	return rank, size, true
}

func nameRank(name, q []string) int {
	if slices.Equal(name, q) {
		return rankExact
	}
	for i := 0; i+len(q) <= len(name); i++ {
		if phraseAt(name[i:], q) {
			return min(rankStart+i, rankPhrase)
		}
	}
	for _, w := range q {
		if !hasPrefix(name, w) {
			return rankOther
		}
	}
	return rankName
}

// phraseAt reports whether name starts with the query words in order, the
// last one possibly cut short ("ty le chuyen d").
func phraseAt(name, q []string) bool {
	for i, w := range q {
		if name[i] != w && !(i == len(q)-1 && strings.HasPrefix(name[i], w)) {
			return false
		}
	}
	return true
}

// goalKPIs returns the ids of the KPIs of goal type goal, nil for "" (every
// KPI), and false for an unknown goal type. l.mu is held.
func (l *Library) goalKPIs(goal string) (map[string]bool, bool) {
	if goal == "" {
		return nil, true
	}
	g, ok := l.base.goal(goal)
	if !ok {
		return nil, false
	}
	in := map[string]bool{}
	for _, k := range g.KPIs {
		in[k.ID] = true
	}
	return in, true
}

// keeps reports whether f's conditions other than its query select e;
// inGoal (nil = any) holds the ids of the KPIs of f's goal type.
func (f *Filter) keeps(e *app.LibraryEntry, inGoal map[string]bool) bool {
	return !(e.Hidden && !f.IncludeHidden || inGoal != nil && !inGoal[e.ID] ||
		f.Department != "" && e.Department != f.Department ||
		f.Stage != "" && e.Stage != f.Stage ||
		f.Perspective != "" && e.Perspective != f.Perspective)
}

// Filter returns the entries f selects, in library order, or ranked with
// name matches first when f has a query.
func (l *Library) Filter(f Filter) []app.LibraryEntry {
	l.mu.RLock()
	defer l.mu.RUnlock()
	inGoal, ok := l.goalKPIs(f.GoalType)
	if !ok {
		return []app.LibraryEntry{}
	}
	q := words(f.Query)
	type hit struct {
		rank, size int
		e          *app.LibraryEntry
	}
	var hits []hit
	for i := range l.items {
		it := &l.items[i]
		e := &it.entry
		if !f.keeps(e, inGoal) {
			continue
		}
		if rank, size, ok := it.key.match(q, e.ID); ok {
			hits = append(hits, hit{rank, size, e})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return a.size - b.size
	})
	out := make([]app.LibraryEntry, len(hits))
	for i, h := range hits {
		out[i] = *h.e
	}
	return out
}
