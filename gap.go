package buurtnet

import (
	"context"
	"sort"
)

// GapReport says, for one territory, which of its own priorities, which
// functions / building blocks and which themes no project covers there, and
// which projects cover the rest.
type GapReport struct {
	Territory string
	// Projects are the projects counted as working in the territory.
	Projects []*ProjectProfile
	// PartlyPresent are the projects that work on ground the territory only
	// partly shares (see PartlyIn): they may or may not work in it, so they
	// are neither counted as present nor left out.
	PartlyPresent []*PartialPresence
	// Priorities are the territory's own priorities in force (PRIORITISES and
	// PRIORITISES_GROUP links), themes first, and who covers each: the
	// report answers for them first, then for the full lists.
	Priorities []PriorityCoverage
	// MissingFunctions and MissingThemes are the gaps: covered by no project
	// counted as present (directly or through the crosswalk).
	MissingFunctions, MissingThemes []*Term
	// Covered maps each covered function or theme to the projects covering it.
	CoveredFunctions, CoveredThemes []TermCoverage
	// PartlyCoveredFunctions and PartlyCoveredThemes are the gaps a partly
	// present project works on: worth checking on the ground before calling
	// them gaps.
	PartlyCoveredFunctions, PartlyCoveredThemes []TermCoverage
}

// TermCoverage is a function or theme and the projects that work on it there.
type TermCoverage struct {
	Term     *Term
	Projects []string
	// Through are the functions of the other framework through which some of
	// the projects cover it (the crosswalk), when they do not work on it
	// under its own name.
	Through []string
}

// PriorityCoverage is one priority of the territory and who covers it.
type PriorityCoverage struct {
	// Link is the PRIORITISES or PRIORITISES_GROUP link: period, note, source.
	Link *Link
	// Term is the theme or target group chosen.
	Term *Term
	// Projects present that address the theme or target the group; none
	// makes the priority a gap.
	Projects []string
	// PartlyPresent projects that do.
	PartlyPresent []string
}

// Missing reports whether no project present covers the priority.
func (p PriorityCoverage) Missing() bool { return len(p.Projects) == 0 }

// PartialPresence is a project that works on ground a territory partly
// shares, and where.
type PartialPresence struct {
	Project *ProjectProfile
	Places  []PresencePlace
}

// PresencePlace is a territory a project is active in, seen from the
// territory of a report.
type PresencePlace struct {
	// Territory the project is active in.
	Territory string
	// Relation of that territory to the report's: PARTIAL when they share
	// ground without nesting; CONTAINS when it contains the report's
	// territory but the project covers only part of it.
	Relation Spatial
	// Period of the presence (the project's and its link's).
	Period Period
}

// InTerritory is the scope rule shared by gaps and synergies: a project works
// in territory t when it is active in t or in a territory within t, or when
// it covers the whole of a territory that contains t. A partly overlapping
// territory does not count: we cannot tell whether the overlap is where the
// project works (see PartlyIn).
func InTerritory(g *TerritoryGraph, t string, p *ProjectProfile, on Date) bool {
	return InTerritoryDuring(g, t, p, on, Period{})
}

// InTerritoryDuring is InTerritory for presence that also shares days with
// period (an open period keeps every day).
func InTerritoryDuring(g *TerritoryGraph, t string, p *ProjectProfile, on Date, period Period) bool {
	return inTerritory(g.mustIndex(), t, p, on, period)
}

func inTerritory(x *territoryIndex, t string, p *ProjectProfile, on Date, period Period) bool {
	it, known := x.at[t]
	for _, a := range p.activities(on) {
		if _, ok := a.period.Intersect(period); !ok {
			continue
		}
		if a.territory == t {
			return true
		}
		ia, ok := x.at[a.territory]
		if !known || !ok {
			continue // a territory in no link contains and lies within itself only
		}
		if x.within(ia, it) || (x.within(it, ia) && a.coverage != CoveragePart) {
			return true
		}
	}
	return false
}

// PartlyIn returns where a project that does not work in t (InTerritory) is
// active on ground t partly shares: a territory that shares ground with t
// without nesting (BOOST's zones each hold half of the Stalingradwijk;
// Brabantwijk lies partly in Sint-Joost-ten-Node), or one containing t of
// which the project covers only part. None for a project InTerritory.
func PartlyIn(ctx context.Context, g *TerritoryGraph, t string, p *ProjectProfile, on Date) ([]PresencePlace, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	if inTerritory(x, t, p, on, Period{}) {
		return nil, nil
	}
	return partlyIn(ctx, x, t, p, on)
}

func partlyIn(ctx context.Context, x *territoryIndex, t string, p *ProjectProfile, on Date) ([]PresencePlace, error) {
	it, known := x.at[t]
	if !known {
		return nil, nil // a territory in no link shares ground with itself only
	}
	var out []PresencePlace
	for _, a := range p.activities(on) {
		ia, ok := x.at[a.territory]
		if !ok || a.territory == t {
			continue
		}
		rel, shares, err := x.relate(ctx, ia, it)
		if err != nil {
			return nil, err
		}
		switch {
		case shares && rel == SpatialPartial:
		case shares && rel == SpatialContains && a.coverage == CoveragePart:
		default:
			continue
		}
		out = append(out, PresencePlace{Territory: a.territory, Relation: rel, Period: a.period})
	}
	return out, nil
}

// GapLists are what a gap report is drawn against: the full lists and the
// territory's priorities. Nil lists report nothing for them.
type GapLists struct {
	Functions, Themes, TargetGroups []*Term
	// Priorities are the PRIORITISES and PRIORITISES_GROUP links of the
	// territory (links of other territories or kinds are ignored).
	Priorities []*Link
}

// FindGaps builds the gap report of territory t from the projects that could
// work there and the full vocabularies of functions and themes. ETIMEOUT
// when ctx ends first.
func FindGaps(ctx context.Context, g *TerritoryGraph, t string, projects []*ProjectProfile, functions, themes []*Term, on Date) (*GapReport, error) {
	return FindGapsIn(ctx, g, t, projects, GapLists{Functions: functions, Themes: themes}, on)
}

// FindGapsIn is FindGaps against the territory's priorities too. Functions
// follow the crosswalk their terms carry (WithCrosswalk). Priorities count
// when in force on day on (all of them without a day).
func FindGapsIn(ctx context.Context, g *TerritoryGraph, t string, projects []*ProjectProfile, lists GapLists, on Date) (*GapReport, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	r := &GapReport{Territory: t}
	var partly []*ProjectProfile
	for i, p := range projects {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		if inTerritory(x, t, p, on, Period{}) {
			r.Projects = append(r.Projects, p)
			continue
		}
		places, err := partlyIn(ctx, x, t, p, on)
		if err != nil {
			return nil, err
		}
		if len(places) > 0 {
			r.PartlyPresent = append(r.PartlyPresent, &PartialPresence{Project: p, Places: places})
			partly = append(partly, p)
		}
	}
	functionsOf := func(p *ProjectProfile) []string { return p.Functions }
	themesOf := func(p *ProjectProfile) []string { return p.Themes }
	byID := map[string]*Term{}
	for _, f := range lists.Functions {
		byID[f.ID] = f
	}
	var partlyFunctions, partlyThemes []TermCoverage
	r.MissingFunctions, r.CoveredFunctions, partlyFunctions = split(lists.Functions, cover(r.Projects, functionsOf), cover(partly, functionsOf), byID)
	r.MissingThemes, r.CoveredThemes, partlyThemes = split(lists.Themes, cover(r.Projects, themesOf), cover(partly, themesOf), nil)
	r.PartlyCoveredFunctions, r.PartlyCoveredThemes = partlyFunctions, partlyThemes
	r.Priorities = priorities(t, lists, r.Projects, partly, on)
	return r, nil
}

// cover maps each term id to the projects tagged with it.
func cover(projects []*ProjectProfile, terms func(*ProjectProfile) []string) map[string][]string {
	out := map[string][]string{}
	for _, p := range projects {
		for _, id := range terms(p) {
			out[id] = append(out[id], p.Project.ID)
		}
	}
	return out
}

// split sorts terms into missing and covered, following the crosswalk of
// functions (byID, nil for other terms): a term counts as covered by a
// project working on a term it corresponds to. Missing terms that partly
// present projects work on are returned again in partly.
func split(terms []*Term, present, partial map[string][]string, byID map[string]*Term) (missing []*Term, covered, partly []TermCoverage) {
	terms = append([]*Term(nil), terms...)
	sort.Slice(terms, func(i, j int) bool {
		if terms[i].Framework != terms[j].Framework {
			return terms[i].Framework > terms[j].Framework // VVSG first, then building blocks
		}
		if terms[i].Number != terms[j].Number {
			return terms[i].Number < terms[j].Number
		}
		return terms[i].ID < terms[j].ID
	})
	for _, t := range terms {
		if c, ok := coverage(t, present, byID); ok {
			covered = append(covered, c)
			continue
		}
		missing = append(missing, t)
		if c, ok := coverage(t, partial, byID); ok {
			partly = append(partly, c)
		}
	}
	return missing, covered, partly
}

// coverage is who covers t in covering, under its own name or through the
// crosswalk.
func coverage(t *Term, covering map[string][]string, byID map[string]*Term) (TermCoverage, bool) {
	c := TermCoverage{Term: t, Projects: append([]string(nil), covering[t.ID]...)}
	direct := covering[t.ID]
	for _, other := range t.Crosswalk {
		if byID[other] == nil {
			continue // a link to a function outside the lists
		}
		through := false
		for _, p := range covering[other] {
			if !contains(direct, p) {
				through = true
				if !contains(c.Projects, p) {
					c.Projects = append(c.Projects, p)
				}
			}
		}
		if through {
			c.Through = append(c.Through, other)
		}
	}
	sort.Strings(c.Projects)
	return c, len(c.Projects) > 0
}

// priorities reports on each of territory t's priorities in force on day on.
func priorities(t string, lists GapLists, present, partly []*ProjectProfile, on Date) []PriorityCoverage {
	terms := map[string]*Term{}
	for _, list := range [][]*Term{lists.Themes, lists.TargetGroups} {
		for _, term := range list {
			terms[term.ID] = term
		}
	}
	var out []PriorityCoverage
	for _, l := range lists.Priorities {
		if l.From != t || (l.Kind != LinkPrioritises && l.Kind != LinkPrioritisesGroup) || (!on.IsZero() && !l.Period.Contains(on)) {
			continue
		}
		term := terms[l.To]
		if term == nil {
			continue
		}
		tagged := func(p *ProjectProfile) []string {
			if l.Kind == LinkPrioritises {
				return p.Themes
			}
			return p.TargetGroups
		}
		out = append(out, PriorityCoverage{Link: l, Term: term, Projects: cover(present, tagged)[l.To], PartlyPresent: cover(partly, tagged)[l.To]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Link.Kind != out[j].Link.Kind {
			return out[i].Link.Kind == LinkPrioritises // themes first
		}
		return out[i].Term.ID < out[j].Term.ID
	})
	return out
}
