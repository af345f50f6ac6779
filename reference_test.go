package buurtnet_test

import (
	"sort"

	"github.com/buurtnet/buurtnet"
)

// The plain reference implementations of the rules: each follows the rule's
// wording literally, walking the graph and comparing every pair. The rules
// themselves answer from the territory index and compare only candidates;
// TestFastRulesAgreeWithReference checks that both give the same answers.

func refRelate(g *buurtnet.TerritoryGraph, a, b string) (buurtnet.Spatial, bool) {
	if a == b {
		return buurtnet.SpatialSame, true
	}
	da, db := g.Descendants(a), g.Descendants(b)
	if da[b] {
		return buurtnet.SpatialContains, true
	}
	if db[a] {
		return buurtnet.SpatialWithin, true
	}
	for x := range da {
		if db[x] {
			return buurtnet.SpatialPartial, true
		}
		for y := range refOverlapping(g, x) {
			if db[y] {
				return buurtnet.SpatialPartial, true
			}
		}
	}
	return "", false
}

// refOverlapping returns the territories x OVERLAPS, read through the public
// API: those that partly share ground with x without sharing a descendant.
// The graph keeps OVERLAPS links private, so the tests keep their own copy.
func refOverlapping(g *buurtnet.TerritoryGraph, x string) map[string]bool {
	return refOverlaps[g][x]
}

// refOverlaps holds the OVERLAPS links of the graphs the tests built.
var refOverlaps = map[*buurtnet.TerritoryGraph]map[string]map[string]bool{}

func refGraph(links []*buurtnet.Link) *buurtnet.TerritoryGraph {
	g := buurtnet.NewTerritoryGraph(links)
	ov := map[string]map[string]bool{}
	for _, l := range links {
		if l.Kind == buurtnet.LinkOverlaps {
			for _, e := range [][2]string{{l.From, l.To}, {l.To, l.From}} {
				if ov[e[0]] == nil {
					ov[e[0]] = map[string]bool{}
				}
				ov[e[0]][e[1]] = true
			}
		}
	}
	refOverlaps[g] = ov
	return g
}

func refRelated(g *buurtnet.TerritoryGraph, ids ...string) []string {
	out := map[string]bool{}
	for _, id := range ids {
		touching := map[string]bool{}
		for x := range g.Descendants(id) {
			touching[x] = true
			for y := range refOverlapping(g, x) {
				touching[y] = true
			}
		}
		for t := range touching {
			for up := range g.Ancestors(t) {
				out[up] = true
			}
		}
	}
	var list []string
	for id := range out {
		list = append(list, id)
	}
	sort.Strings(list)
	return list
}

type refActivity struct {
	territory string
	coverage  buurtnet.Coverage
	period    buurtnet.Period
}

func refActivities(p *buurtnet.ProjectProfile, on buurtnet.Date) []refActivity {
	var out []refActivity
	for _, l := range p.Territories {
		period, ok := p.Project.Period.Intersect(l.Period)
		if !ok || (!on.IsZero() && !period.Contains(on)) {
			continue
		}
		out = append(out, refActivity{territory: l.To, coverage: l.Coverage, period: period})
	}
	return out
}

func refInTerritory(g *buurtnet.TerritoryGraph, t string, p *buurtnet.ProjectProfile, on buurtnet.Date) bool {
	within, above := g.Descendants(t), g.Ancestors(t)
	for _, a := range refActivities(p, on) {
		if within[a.territory] || (above[a.territory] && a.coverage != buurtnet.CoveragePart) {
			return true
		}
	}
	return false
}

func refFindOverlaps(g *buurtnet.TerritoryGraph, subject *buurtnet.ProjectProfile, others []*buurtnet.ProjectProfile, on buurtnet.Date) []*buurtnet.Overlap {
	mine := refActivities(subject, on)
	var out []*buurtnet.Overlap
	for _, other := range others {
		if other.Project.ID == subject.Project.ID {
			continue
		}
		ov := &buurtnet.Overlap{Project: other}
		first := true
		for _, a := range mine {
			for _, b := range refActivities(other, on) {
				rel, ok := refRelate(g, a.territory, b.territory)
				if !ok {
					continue
				}
				period, ok := a.period.Intersect(b.period)
				if !ok {
					continue
				}
				ov.Places = append(ov.Places, buurtnet.Place{Territory: a.territory, OtherTerritory: b.territory, Relation: rel, Period: period})
				if first {
					ov.Period, first = period, false
				} else {
					ov.Period = refSpan(ov.Period, period)
				}
			}
		}
		if len(ov.Places) == 0 {
			continue
		}
		ov.SharedPartners = refIntersect(subject.Partners(), other.Partners())
		ov.SharedThemes = refIntersect(subject.Themes, other.Themes)
		ov.SharedTargetGroups = refIntersect(subject.TargetGroups, other.TargetGroups)
		ov.SharedFunctions = refIntersect(subject.Functions, other.Functions)
		ov.SubjectFunders = subject.Funders()
		ov.OtherFunders = other.Funders()
		out = append(out, ov)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := refCloseness(out[i]), refCloseness(out[j])
		if ci != cj {
			return ci > cj
		}
		return out[i].Project.Project.ID < out[j].Project.Project.ID
	})
	return out
}

func refCloseness(o *buurtnet.Overlap) int {
	best := 0
	for _, p := range o.Places {
		best = max(best, map[buurtnet.Spatial]int{buurtnet.SpatialSame: 3, buurtnet.SpatialContains: 2, buurtnet.SpatialWithin: 2, buurtnet.SpatialPartial: 1}[p.Relation])
	}
	return best
}

func refSpan(p, q buurtnet.Period) buurtnet.Period {
	r := p
	if p.Start.IsZero() || q.Start.IsZero() {
		r.Start = buurtnet.Date{}
	} else if q.Start.Before(p.Start) {
		r.Start = q.Start
	}
	if p.End.IsZero() || q.End.IsZero() {
		r.End = buurtnet.Date{}
	} else if q.End.After(p.End) {
		r.End = q.End
	}
	return r
}

func refIntersect(a, b []string) []string {
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

func refRankSynergies(g *buurtnet.TerritoryGraph, projects []*buurtnet.ProjectProfile, functions map[string]*buurtnet.Term, on buurtnet.Date, keep func(a, b *buurtnet.ProjectProfile) bool, first int) []*buurtnet.Synergy {
	var out []*buurtnet.Synergy
	for i, a := range projects {
		for _, ov := range refFindOverlaps(g, a, projects[i+1:], on) {
			b := ov.Project
			if keep != nil && !keep(a, b) {
				continue
			}
			out = append(out, buurtnet.ScoreSynergy(a, b, ov, functions))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].A.Project.ID+" "+out[i].B.Project.ID < out[j].A.Project.ID+" "+out[j].B.Project.ID
	})
	if first > 0 && len(out) > first {
		out = out[:first]
	}
	return out
}
