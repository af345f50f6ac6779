package buurtnet

import (
	"context"
	"sort"
)

// GapReport says, for one territory, which functions / building blocks and
// which themes no project covers there, and which projects cover the rest.
type GapReport struct {
	Territory string
	// Projects are the projects counted as working in the territory.
	Projects []*ProjectProfile
	// MissingFunctions and MissingThemes are the gaps.
	MissingFunctions, MissingThemes []*Term
	// Covered maps each covered function or theme to the projects covering it.
	CoveredFunctions, CoveredThemes []TermCoverage
}

// TermCoverage is a function or theme and the projects that work on it there.
type TermCoverage struct {
	Term     *Term
	Projects []string
}

// InTerritory is the scope rule shared by gaps and synergies: a project works
// in territory t when it is active in t or in a territory within t, or when
// it covers the whole of a territory that contains t. A partly overlapping
// territory does not count: we cannot tell whether the overlap is where the
// project works.
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

// FindGaps builds the gap report of territory t from the projects that could
// work there and the full vocabularies of functions and themes. ETIMEOUT
// when ctx ends first.
func FindGaps(ctx context.Context, g *TerritoryGraph, t string, projects []*ProjectProfile, functions, themes []*Term, on Date) (*GapReport, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	r := &GapReport{Territory: t}
	byFunction, byTheme := map[string][]string{}, map[string][]string{}
	for i, p := range projects {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		if !inTerritory(x, t, p, on, Period{}) {
			continue
		}
		r.Projects = append(r.Projects, p)
		for _, f := range p.Functions {
			byFunction[f] = append(byFunction[f], p.Project.ID)
		}
		for _, th := range p.Themes {
			byTheme[th] = append(byTheme[th], p.Project.ID)
		}
	}
	r.MissingFunctions, r.CoveredFunctions = split(functions, byFunction)
	r.MissingThemes, r.CoveredThemes = split(themes, byTheme)
	return r, nil
}

func split(terms []*Term, covering map[string][]string) (missing []*Term, covered []TermCoverage) {
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
		if ps := covering[t.ID]; len(ps) > 0 {
			sort.Strings(ps)
			covered = append(covered, TermCoverage{Term: t, Projects: ps})
		} else {
			missing = append(missing, t)
		}
	}
	return missing, covered
}
