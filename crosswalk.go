package buurtnet

import "sort"

// The crosswalk says which of VVSG's eight functions and which of the eight
// building blocks of caring neighbourhoods are the same work under two names
// (seed 003: the building blocks were built on VVSG's functions). It is data,
// CORRESPONDS_TO links between functions, not a rule written here: where the
// two lists meet is partly a reading, and a network may read it otherwise
// (docs/crosswalk.md).

// WithCrosswalk returns copies of functions with Crosswalk filled in from the
// CORRESPONDS_TO links among links (other links are ignored), each list
// sorted. The terms given are left as they are: stores may share them.
func WithCrosswalk(functions []*Term, links []*Link) []*Term {
	other := map[string][]string{}
	for _, l := range links {
		if l.Kind != LinkCorrespondsTo {
			continue
		}
		other[l.From] = append(other[l.From], l.To)
		other[l.To] = append(other[l.To], l.From)
	}
	out := make([]*Term, len(functions))
	for i, f := range functions {
		c := *f
		c.Crosswalk = append([]string(nil), other[f.ID]...)
		sort.Strings(c.Crosswalk)
		out[i] = &c
	}
	return out
}

// isFunction reports whether function id is number n of framework fw, or
// corresponds to it through the crosswalk.
func isFunction(functions map[string]*Term, id string, fw Framework, n int) bool {
	t := functions[id]
	if t == nil {
		return false
	}
	if t.Framework == fw && t.Number == n {
		return true
	}
	for _, c := range t.Crosswalk {
		if o := functions[c]; o != nil && o.Framework == fw && o.Number == n {
			return true
		}
	}
	return false
}

// worksOnFunction returns the function among ids that is number n of
// framework fw, or else one corresponding to it, or "".
func worksOnFunction(ids []string, functions map[string]*Term, fw Framework, n int) string {
	for _, id := range ids {
		if t := functions[id]; t != nil && t.Framework == fw && t.Number == n {
			return id
		}
	}
	for _, id := range ids {
		if isFunction(functions, id, fw, n) {
			return id
		}
	}
	return ""
}

// pairClasses numbers the complementary pairs so that pairs the crosswalk
// makes one share a number (VVSG detectie → toeleiding is building blocks
// 4 → 5 when both ends correspond): such a pair counts once, whichever
// framework the projects are tagged in.
func pairClasses(functions map[string]*Term) []int {
	at := map[Framework]map[int]*Term{}
	for _, t := range functions {
		if at[t.Framework] == nil {
			at[t.Framework] = map[int]*Term{}
		}
		at[t.Framework][t.Number] = t
	}
	corresponds := func(fw Framework, n int, other Framework, m int) bool {
		t, o := at[fw][n], at[other][m]
		if t == nil || o == nil {
			return false
		}
		for _, c := range t.Crosswalk {
			if c == o.ID {
				return true
			}
		}
		return false
	}
	classes := make([]int, len(complementaryPairs))
	for k, p := range complementaryPairs {
		classes[k] = k
		for j := range k {
			q := complementaryPairs[j]
			if corresponds(p.framework, p.from, q.framework, q.from) && corresponds(p.framework, p.to, q.framework, q.to) {
				classes[k] = classes[j]
				break
			}
		}
	}
	return classes
}
