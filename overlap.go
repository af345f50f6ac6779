package buurtnet

import (
	"context"
	"sort"
)

// Overlap is another project working on the same ground in the same time as
// a subject project, and what the two already share.
type Overlap struct {
	Project *ProjectProfile
	// Places lists each pair of territories where the two meet.
	Places []Place
	// Period is the span of days in which they meet somewhere.
	Period Period
	// Shared partners (organisation ids), themes, target groups and functions.
	SharedPartners, SharedThemes, SharedTargetGroups, SharedFunctions []string
	// Funders of each side, to see who pays for what on the same ground.
	SubjectFunders, OtherFunders []string
}

// Place is where two projects meet: the subject's territory, the other's,
// how they relate, and the days both are there.
type Place struct {
	Territory      string  // of the subject project
	OtherTerritory string  // of the other project
	Relation       Spatial // how Territory relates to OtherTerritory
	Period         Period
}

// FindOverlaps applies the overlap rule: another project overlaps the subject
// when one of its territories shares ground with one of the subject's
// (TerritoryGraph.Relate) during days both projects, and both territory
// links, run. When on is given, only presence on that day counts. The result
// is sorted by how closely they meet (a SAME place first), then by id.
// ETIMEOUT when ctx ends first.
func FindOverlaps(ctx context.Context, g *TerritoryGraph, subject *ProjectProfile, others []*ProjectProfile, on Date) ([]*Overlap, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	me := side{subject, subject.activities(on), subject.sortedPartners()}
	var out []*Overlap
	for i, other := range others {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		if other.Project.ID == subject.Project.ID {
			continue
		}
		ov, err := meet(ctx, g, x, me, side{other, other.activities(on), nil})
		if err != nil {
			return nil, err
		}
		if ov != nil {
			out = append(out, ov)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := out[i].closeness(), out[j].closeness()
		if ci != cj {
			return ci > cj
		}
		return out[i].Project.Project.ID < out[j].Project.Project.ID
	})
	return out, nil
}

// side is a project as meet compares it: its profile and its activities;
// for the subject, which meet compares with many, its partners too,
// listed and sorted once.
type side struct {
	*ProjectProfile
	acts     []activity
	partners []string
}

// meet returns how other overlaps subject, or nil when they do not meet.
func meet(ctx context.Context, g *TerritoryGraph, x *territoryIndex, subject, other side) (*Overlap, error) {
	ov := &Overlap{Project: other.ProjectProfile}
	first := true
	for _, a := range subject.acts {
		for _, b := range other.acts {
			rel, ok, err := g.relate(ctx, x, a.territory, b.territory)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			period, ok := a.period.Intersect(b.period)
			if !ok {
				continue
			}
			ov.Places = append(ov.Places, Place{Territory: a.territory, OtherTerritory: b.territory, Relation: rel, Period: period})
			if first {
				ov.Period, first = period, false
			} else {
				ov.Period = span(ov.Period, period)
			}
		}
	}
	if len(ov.Places) == 0 {
		return nil, nil
	}
	ov.SharedPartners = intersectSorted(subject.partners, other.Partners())
	ov.SharedThemes = intersect(subject.Themes, other.Themes)
	ov.SharedTargetGroups = intersect(subject.TargetGroups, other.TargetGroups)
	ov.SharedFunctions = intersect(subject.Functions, other.Functions)
	ov.SubjectFunders = subject.Funders()
	ov.OtherFunders = other.Funders()
	return ov, nil
}

// closeness ranks how tightly two projects meet: same territory beats nested
// beats partial.
func (o *Overlap) closeness() int {
	best := 0
	for _, p := range o.Places {
		best = max(best, placeWeight(p.Relation))
	}
	return best
}

func placeWeight(s Spatial) int {
	switch s {
	case SpatialSame:
		return 3
	case SpatialContains, SpatialWithin:
		return 2
	case SpatialPartial:
		return 1
	}
	return 0
}

// span returns the smallest period covering p and q.
func span(p, q Period) Period {
	r := p
	if p.Start.IsZero() || q.Start.IsZero() {
		r.Start = Date{}
	} else if q.Start.Before(p.Start) {
		r.Start = q.Start
	}
	if p.End.IsZero() || q.End.IsZero() {
		r.End = Date{}
	} else if q.End.After(p.End) {
		r.End = q.End
	}
	return r
}
