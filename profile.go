package buurtnet

import (
	"slices"
	"sort"
)

// ProjectProfile is a project with everything the questions look at: where
// it works, who takes part, who pays, and what it is about.
type ProjectProfile struct {
	Project      *Project
	Territories  []*Link // ACTIVE_IN, From = the project
	Participants []*Link // PARTICIPATES_IN, From = the organisation
	Fundings     []*Link // FUNDS, From = the funder
	Themes       []string
	TargetGroups []string
	Functions    []string
	// Collaborators are the projects it formally collaborates with.
	Collaborators []string
}

// ProfileLinkKinds are the kinds of link a profile is built from.
var ProfileLinkKinds = []LinkKind{LinkActiveIn, LinkParticipatesIn, LinkFunds, LinkAddresses, LinkTargets, LinkWorksOn, LinkCollaboratesWith}

// BuildProfiles assembles profiles from projects and the links touching them
// (links of other kinds or other projects are ignored). Both stores fetch
// the rows their own way and share this assembly.
func BuildProfiles(projects []*Project, links []*Link) []*ProjectProfile {
	byID := map[string]*ProjectProfile{}
	out := make([]*ProjectProfile, 0, len(projects))
	for _, p := range projects {
		pp := &ProjectProfile{Project: p}
		byID[p.ID] = pp
		out = append(out, pp)
	}
	for _, l := range links {
		from, to := byID[l.From], byID[l.To]
		switch l.Kind {
		case LinkActiveIn:
			if from != nil {
				from.Territories = append(from.Territories, l)
			}
		case LinkParticipatesIn:
			if to != nil {
				to.Participants = append(to.Participants, l)
			}
		case LinkFunds:
			if to != nil {
				to.Fundings = append(to.Fundings, l)
			}
		case LinkAddresses:
			if from != nil {
				from.Themes = append(from.Themes, l.To)
			}
		case LinkTargets:
			if from != nil {
				from.TargetGroups = append(from.TargetGroups, l.To)
			}
		case LinkWorksOn:
			if from != nil {
				from.Functions = append(from.Functions, l.To)
			}
		case LinkCollaboratesWith:
			if from != nil {
				from.Collaborators = append(from.Collaborators, l.To)
			}
			if to != nil {
				to.Collaborators = append(to.Collaborators, l.From)
			}
		}
	}
	for _, pp := range out {
		sortLinks(pp.Territories, func(l *Link) string { return l.To })
		sortLinks(pp.Participants, func(l *Link) string { return l.From })
		sortLinks(pp.Fundings, func(l *Link) string { return l.From })
		for _, ids := range [][]string{pp.Themes, pp.TargetGroups, pp.Functions, pp.Collaborators} {
			sort.Strings(ids)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Project.ID < out[j].Project.ID })
	return out
}

func sortLinks(ls []*Link, key func(*Link) string) {
	sort.Slice(ls, func(i, j int) bool { return key(ls[i]) < key(ls[j]) })
}

// Partners returns the ids of the organisations taking part.
func (p *ProjectProfile) Partners() []string { return linkEnds(p.Participants, true) }

// sortedPartners is Partners, sorted (as BuildProfiles leaves them).
func (p *ProjectProfile) sortedPartners() []string {
	ids := p.Partners()
	slices.Sort(ids)
	return ids
}

// Funders returns the ids of the funders.
func (p *ProjectProfile) Funders() []string { return linkEnds(p.Fundings, true) }

func linkEnds(ls []*Link, from bool) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if from {
			out = append(out, l.From)
		} else {
			out = append(out, l.To)
		}
	}
	return out
}

// activity is a project's presence in one territory, for the days both the
// project and its ACTIVE_IN link run.
type activity struct {
	territory string
	coverage  Coverage
	period    Period
}

func (p *ProjectProfile) activities(on Date) []activity {
	var out []activity
	for _, l := range p.Territories {
		period, ok := p.Project.Period.Intersect(l.Period)
		if !ok || (!on.IsZero() && !period.Contains(on)) {
			continue
		}
		out = append(out, activity{territory: l.To, coverage: l.Coverage, period: period})
	}
	return out
}

// smallIntersect is the size (len(a) × len(b)) up to which intersect
// compares every pair rather than building a map.
const smallIntersect = 256

// intersect returns the ids present in both sorted or unsorted lists, sorted.
func intersect(a, b []string) []string {
	if slices.IsSorted(a) {
		return intersectSorted(a, b)
	}
	return intersectAny(a, b)
}

// intersectAny is intersect of lists in any order.
func intersectAny(a, b []string) []string {
	if len(a)*len(b) <= smallIntersect {
		// Most lists hold a handful of ids, and intersect runs for every
		// pair of projects that meet: a province-wide project's overlaps
		// spent 3 ms building maps for them.
		var out []string
		for _, x := range b {
			if slices.Contains(a, x) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		sort.Strings(out)
		return out
	}
	in := map[string]bool{}
	for _, x := range a {
		in[x] = true
	}
	var out []string
	for _, x := range b {
		if in[x] {
			out = append(out, x)
			delete(in, x)
		}
	}
	sort.Strings(out)
	return out
}

// intersectSorted is intersect of a sorted list a with b. A profile keeps
// its lists sorted (BuildProfiles), and intersect runs for every pair of
// projects that meet: with b sorted too, it is one walk along both lists,
// or a binary search per id of b when a is much the longer (a province-wide
// project's hundreds of partners against another's ten), with nothing to
// build.
func intersectSorted(a, b []string) []string {
	if !slices.IsSorted(b) {
		return intersectAny(a, b)
	}
	var out []string
	add := func(x string) {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	if len(a) > 8*len(b) {
		for _, x := range b {
			if _, found := slices.BinarySearch(a, x); found {
				add(x)
			}
		}
		return out
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			add(a[i])
			i++
			j++
		}
	}
	return out
}
