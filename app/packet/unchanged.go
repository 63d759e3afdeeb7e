package packet

import (
	"bytes"
	"regexp"

	"kpiplanner/app"
)

// ReadOptions tune Read.
type ReadOptions struct {
	// Skip, when set, is asked about each plan of a return packet (by its
	// maker and the plan's uid) that the maker left exactly as its base (the same bytes in the file): true
	// leaves the plan out of Items undecoded (a merge against that base
	// would change nothing), counted in Packet.Unchanged. Its uid is still
	// checked against the other plans'.
	Skip func(maker Maker, uid app.UID) bool
}

// docElems is a compact plan document split into its plans' bytes: head is
// everything up to and including the plans array's "[", elems each plan
// object as written, uids each plan's uid ("" when it does not start with
// one). The document ends with "]}" right after the last plan.
type docElems struct {
	head  []byte
	elems [][]byte
	uids  []app.UID
}

// plansStart is how MarshalCompact starts a document.
var plansStart = regexp.MustCompile(`^\{"format":"kpiplanner/plan@[0-9]+","plans":\[`)

// uidStart is how MarshalCompact starts a plan with a uid (after its id).
var uidStart = regexp.MustCompile(`^\{(?:"id":[0-9]+,)?"uid":"([0-9a-f]{32})"`)

// splitDoc splits a compact plan document laid out as MarshalCompact lays
// it out; ok is false for anything else (then it is decoded whole).
func splitDoc(doc []byte) (d docElems, ok bool) {
	m := plansStart.FindIndex(doc)
	if m == nil {
		return d, false
	}
	d.head = doc[:m[1]]
	i := m[1]
	for i < len(doc) && doc[i] == '{' {
		end := objectEnd(doc, i)
		if end < 0 {
			return d, false
		}
		el := doc[i:end]
		uid := app.UID("")
		if u := uidStart.FindSubmatch(el); u != nil {
			uid = app.UID(u[1])
		}
		d.elems, d.uids = append(d.elems, el), append(d.uids, uid)
		i = end
		if i < len(doc) && doc[i] == ',' {
			i++
		}
	}
	return d, string(doc[i:]) == "]}"
}

// jsonSpecial marks the bytes objectEnd stops at.
var jsonSpecial = [256]bool{'"': true, '\\': true, '{': true, '}': true, '[': true, ']': true}

// objectEnd returns the index just past the JSON object starting at
// doc[i] ('{'), or -1 when it is not closed.
func objectEnd(doc []byte, i int) int {
	depth, inStr := 0, false
	for ; i < len(doc); i++ {
		c := doc[i]
		if !jsonSpecial[c] {
			continue
		}
		switch {
		case c == '\\':
			i++ // only inside strings: skip the escaped byte
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			depth++
		default:
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// join returns a plan document of d's head and the chosen plans.
func (d docElems) join(keep []int) []byte {
	n := len(d.head) + 2
	for _, k := range keep {
		n += len(d.elems[k]) + 1
	}
	out := append(make([]byte, 0, n), d.head...)
	for j, k := range keep {
		if j > 0 {
			out = append(out, ',')
		}
		out = append(out, d.elems[k]...)
	}
	return append(out, "]}"...)
}

// byUID returns d's plans by uid, or nil when one has no uid or the uid of
// another.
func (d docElems) byUID() map[app.UID][]byte {
	out := make(map[app.UID][]byte, len(d.elems))
	for i, u := range d.uids {
		if _, dup := out[u]; u == "" || dup {
			return nil
		}
		out[u] = d.elems[i]
	}
	return out
}

// trimUnchanged cuts, from a return packet's plan documents laid out as
// Write lays them out, the bases equal byte for byte to their plans (same
// set records such uids: their base is their plan) and the plans skip
// leaves out; it returns the documents to decode. Documents laid out
// otherwise, or with a uid twice, are returned as they are.
func trimUnchanged(pd, bd []byte, skip func(app.UID) bool) (plans, bases []byte, same map[app.UID]bool, skipped int) {
	p, okp := splitDoc(pd)
	b, okb := splitDoc(bd)
	if !okp || !okb {
		return pd, bd, nil, 0
	}
	baseOf := b.byUID()
	if baseOf == nil {
		return pd, bd, nil, 0
	}
	same = map[app.UID]bool{}
	equal := map[app.UID]bool{} // the plans whose base is dropped: same or skipped
	seen := make(map[app.UID]bool, len(p.uids))
	var keepPlans []int
	for i, u := range p.uids {
		if u != "" && seen[u] {
			return pd, bd, nil, 0 // decoded whole, setItems refuses it
		}
		seen[u] = true
		if be, ok := baseOf[u]; u != "" && ok && bytes.Equal(be, p.elems[i]) {
			equal[u] = true
			if skip != nil && skip(u) {
				skipped++
				continue
			}
			same[u] = true
		}
		keepPlans = append(keepPlans, i)
	}
	var keepBases []int
	for i, u := range b.uids {
		if !equal[u] {
			keepBases = append(keepBases, i)
		}
	}
	return p.join(keepPlans), b.join(keepBases), same, skipped
}
