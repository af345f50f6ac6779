package storetest

import (
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// The answers of the questions as plain comparable values: ids, codes and
// days as strings, lists never nil. The tests compare these, and Answers
// prints them.

func periodString(p buurtnet.Period) string { return p.Start.String() + ".." + p.End.String() }

type overlapView struct {
	Project            string
	Places             []string // "subject's territory RELATION other's territory period"
	Period             string
	SharedPartners     []string
	SharedThemes       []string
	SharedTargetGroups []string
	SharedFunctions    []string
	SubjectFunders     []string
	OtherFunders       []string
}

func viewOverlap(o *buurtnet.Overlap) overlapView {
	v := overlapView{
		Project:            o.Project.Project.ID,
		Places:             []string{},
		Period:             periodString(o.Period),
		SharedPartners:     nonNil(o.SharedPartners),
		SharedThemes:       nonNil(o.SharedThemes),
		SharedTargetGroups: nonNil(o.SharedTargetGroups),
		SharedFunctions:    nonNil(o.SharedFunctions),
		SubjectFunders:     nonNil(o.SubjectFunders),
		OtherFunders:       nonNil(o.OtherFunders),
	}
	for _, p := range o.Places {
		v.Places = append(v.Places, fmt.Sprintf("%s %s %s %s", p.Territory, p.Relation, p.OtherTerritory, periodString(p.Period)))
	}
	return v
}

func viewOverlaps(os []*buurtnet.Overlap) []overlapView {
	out := []overlapView{}
	for _, o := range os {
		out = append(out, viewOverlap(o))
	}
	return out
}

type synergyView struct {
	Pair    string // "A B"
	Kind    buurtnet.SynergyKind
	Score   int
	Reasons []string // "CODE points subject subject …"
}

func viewSynergy(s *buurtnet.Synergy) synergyView {
	v := synergyView{Pair: s.A.Project.ID + " " + s.B.Project.ID, Kind: s.Kind, Score: s.Score, Reasons: []string{}}
	for _, r := range s.Reasons {
		v.Reasons = append(v.Reasons, strings.TrimSpace(fmt.Sprintf("%s %d %s", r.Code, r.Points, strings.Join(r.Subjects, " "))))
	}
	return v
}

func viewSynergies(ss []*buurtnet.Synergy) []synergyView {
	out := []synergyView{}
	for _, s := range ss {
		out = append(out, viewSynergy(s))
	}
	return out
}

type gapView struct {
	Projects         []string
	MissingFunctions []string
	MissingThemes    []string
	CoveredFunctions []string // "term: project project …"
	CoveredThemes    []string
}

func viewGaps(r *buurtnet.GapReport) gapView {
	v := gapView{Projects: []string{}, MissingFunctions: []string{}, MissingThemes: []string{}, CoveredFunctions: []string{}, CoveredThemes: []string{}}
	for _, p := range r.Projects {
		v.Projects = append(v.Projects, p.Project.ID)
	}
	for _, t := range r.MissingFunctions {
		v.MissingFunctions = append(v.MissingFunctions, t.ID)
	}
	for _, t := range r.MissingThemes {
		v.MissingThemes = append(v.MissingThemes, t.ID)
	}
	for _, c := range r.CoveredFunctions {
		v.CoveredFunctions = append(v.CoveredFunctions, c.Term.ID+": "+strings.Join(c.Projects, " "))
	}
	for _, c := range r.CoveredThemes {
		v.CoveredThemes = append(v.CoveredThemes, c.Term.ID+": "+strings.Join(c.Projects, " "))
	}
	return v
}

type stakeholderView struct {
	Levels     []string // "LEVEL: org (ROLE) org (ROLE) …"
	Unassessed []string // "org (ROLE)"
}

func participant(l *buurtnet.Link) string { return fmt.Sprintf("%s (%s)", l.From, l.Role) }

func viewStakeholders(m *buurtnet.StakeholderMap) stakeholderView {
	v := stakeholderView{Levels: []string{}, Unassessed: []string{}}
	for _, g := range m.Levels {
		parts := []string{string(g.Level) + ":"}
		for _, l := range g.Participants {
			parts = append(parts, participant(l))
		}
		v.Levels = append(v.Levels, strings.Join(parts, " "))
	}
	for _, l := range m.Unassessed {
		v.Unassessed = append(v.Unassessed, participant(l))
	}
	return v
}
