package briefing

import (
	"sort"

	"github.com/buurtnet/buurtnet"
)

// The functions below turn the Analyst's answers into the briefing's plain
// data: ids become names, lists get a reading order. None of them decides
// anything the Analyst has not.

func (n *names) project(p *buurtnet.ProjectProfile) Project {
	out := Project{Ref: n.ref(p.Project.ID), Status: p.Project.Status, Period: p.Project.Period}
	var coordinators, partners []string
	for _, l := range p.Participants {
		if l.Role == buurtnet.RoleCoordinator {
			coordinators = append(coordinators, l.From)
		} else {
			partners = append(partners, l.From)
		}
	}
	var territories []string
	for _, l := range p.Territories {
		territories = append(territories, l.To)
	}
	out.Coordinators, out.Partners = n.refs(coordinators), n.refs(partners)
	out.Funders, out.Territories = n.refs(p.Funders()), n.refs(territories)
	out.Themes, out.TargetGroups, out.Functions = n.refs(p.Themes), n.refs(p.TargetGroups), n.refs(p.Functions)
	return out
}

func (n *names) fundings(p *buurtnet.ProjectProfile) []Funding {
	var out []Funding
	for _, l := range p.Fundings {
		f := Funding{Project: n.ref(p.Project.ID), Funder: n.ref(l.From), Amount: l.Amount, Period: l.Period}
		if funder, ok := n.nodes[l.From].(*buurtnet.Funder); ok {
			f.Level = funder.Level
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessRef(out[i].Funder, out[j].Funder) })
	return out
}

func (n *names) stakeholders(m *buurtnet.StakeholderMap) StakeholderMap {
	out := StakeholderMap{Project: n.ref(m.Project.Project.ID), Unassessed: n.members(m.Unassessed)}
	for _, g := range m.Levels {
		group := StakeholderGroup{Level: g.Level, Sectors: []buurtnet.Sector{}, Members: n.members(g.Participants)}
		// The sectors present, in the order the members bring them, as the
		// API's StakeholderGroup.sectors lists them.
		seen := map[buurtnet.Sector]bool{}
		for _, l := range g.Participants {
			if o := n.organisation(l.From); o != nil {
				for _, s := range o.Sectors {
					if !seen[s] {
						seen[s] = true
						group.Sectors = append(group.Sectors, s)
					}
				}
			}
		}
		out.Levels = append(out.Levels, group)
	}
	return out
}

func (n *names) members(ls []*buurtnet.Link) []Member {
	out := []Member{}
	for _, l := range ls {
		m := Member{Ref: n.ref(l.From), Role: l.Role}
		if o := n.organisation(l.From); o != nil {
			m.Sectors = o.Sectors
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessRef(out[i].Ref, out[j].Ref) })
	return out
}

func (n *names) overlap(subject *buurtnet.ProjectProfile, ov *buurtnet.Overlap) Overlap {
	out := Overlap{
		A: n.ref(subject.Project.ID), B: n.ref(ov.Project.Project.ID), Period: ov.Period,
		SharedPartners: n.refs(ov.SharedPartners), SharedThemes: n.refs(ov.SharedThemes),
		SharedTargetGroups: n.refs(ov.SharedTargetGroups), SharedFunctions: n.refs(ov.SharedFunctions),
		FundersA: n.refs(ov.SubjectFunders), FundersB: n.refs(ov.OtherFunders),
	}
	for _, p := range ov.Places {
		out.Places = append(out.Places, Place{Territory: n.ref(p.Territory), OtherTerritory: n.ref(p.OtherTerritory), Relation: p.Relation, Period: p.Period})
	}
	return out
}

func (n *names) synergies(ss []*buurtnet.Synergy) []Synergy {
	texts := n.texts()
	out := []Synergy{}
	for i, s := range ss {
		sy := Synergy{Rank: i + 1, A: n.ref(s.A.Project.ID), B: n.ref(s.B.Project.ID), Kind: s.Kind, Score: s.Score}
		for _, r := range s.Reasons {
			sy.Reasons = append(sy.Reasons, Reason{Code: r.Code, Points: r.Points, Sentence: r.Sentence(n.lang, texts)})
		}
		out = append(out, sy)
	}
	return out
}

func (n *names) gaps(r *buurtnet.GapReport) Gaps {
	out := Gaps{Priorities: []Priority{}, MissingFunctions: []Term{}, MissingThemes: []Term{}, CoveredFunctions: []TermCoverage{}, CoveredThemes: []TermCoverage{},
		PartlyPresent: []Ref{}, PartlyCoveredFunctions: []TermCoverage{}, PartlyCoveredThemes: []TermCoverage{}}
	for _, p := range r.Priorities {
		out.Priorities = append(out.Priorities, Priority{Ref: Ref{ID: p.Term.ID, Name: p.Term.Name.In(n.lang)},
			TargetGroup: p.Link.Kind == buurtnet.LinkPrioritisesGroup, Period: p.Link.Period, Source: p.Link.Source,
			Missing: p.Missing(), Projects: n.refs(p.Projects)})
	}
	var partly []string
	for _, p := range r.PartlyPresent {
		partly = append(partly, p.Project.Project.ID)
	}
	out.PartlyPresent = n.refs(partly)
	for _, c := range r.PartlyCoveredFunctions {
		out.PartlyCoveredFunctions = append(out.PartlyCoveredFunctions, TermCoverage{Term: n.term(c.Term), Projects: n.refs(c.Projects)})
	}
	for _, c := range r.PartlyCoveredThemes {
		out.PartlyCoveredThemes = append(out.PartlyCoveredThemes, TermCoverage{Term: n.term(c.Term), Projects: n.refs(c.Projects)})
	}
	for _, t := range r.MissingFunctions {
		out.MissingFunctions = append(out.MissingFunctions, n.term(t))
	}
	for _, t := range r.MissingThemes {
		out.MissingThemes = append(out.MissingThemes, n.term(t))
	}
	for _, c := range r.CoveredFunctions {
		out.CoveredFunctions = append(out.CoveredFunctions, TermCoverage{Term: n.term(c.Term), Projects: n.refs(c.Projects)})
	}
	for _, c := range r.CoveredThemes {
		out.CoveredThemes = append(out.CoveredThemes, TermCoverage{Term: n.term(c.Term), Projects: n.refs(c.Projects)})
	}
	return out
}

func (n *names) term(t *buurtnet.Term) Term {
	return Term{Ref: Ref{ID: t.ID, Name: t.Name.In(n.lang)}, Framework: t.Framework, Number: t.Number}
}

// participants lists each organisation once, with its part in every project
// in scope (projects in the briefing's order).
func (n *names) participants(projects []*buurtnet.ProjectProfile) []Participant {
	byID := map[string]*Participant{}
	var order []string
	for _, p := range projects {
		for _, l := range p.Participants {
			pt := byID[l.From]
			if pt == nil {
				pt = &Participant{Ref: n.ref(l.From), Sectors: []buurtnet.Sector{}}
				if o := n.organisation(l.From); o != nil {
					pt.Acronym, pt.LanguageCommunity = o.Acronym, o.LanguageCommunity
					pt.Sectors = append(pt.Sectors, o.Sectors...)
				}
				byID[l.From] = pt
				order = append(order, l.From)
			}
			pt.Roles = append(pt.Roles, Involvement{Project: n.ref(p.Project.ID), Role: l.Role, Level: l.Level})
		}
	}
	out := make([]Participant, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return lessRef(out[i].Ref, out[j].Ref) })
	return out
}
