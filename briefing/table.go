package briefing

import (
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// Table is one part laid out in rows. Every renderer draws from these
// tables, so the spreadsheet, the CSV files, the page and the Markdown of a
// briefing show the same cells.
type Table struct {
	Part    Part
	Title   string
	Columns []string
	// Rows hold string, int or buurtnet.Money cells (nil for none), so that
	// a spreadsheet gets numbers and CSV can write amounts its own way.
	Rows [][]any
}

// listSep joins several names in one cell; names may contain commas
// ("Minder mazen, meer net"), semicolons they do not.
const listSep = "; "

// Tables lays out the given parts of b (all when none are given).
func Tables(b *Briefing, parts ...Part) []Table {
	if len(parts) == 0 {
		parts = Parts
	}
	l := func(key string) string { return label(b.Lang, key) }
	var out []Table
	for _, p := range parts {
		t := Table{Part: p, Title: l("part." + string(p))}
		switch p {
		case PartScope:
			t.Columns, t.Rows = cols(l, "field", "value"), b.scopeRows()
		case PartProjects:
			t.Columns, t.Rows = cols(l, "project", "status", "period", "coordinators", "partners", "funders", "territories", "themes", "targetGroups", "functions"), b.projectRows()
		case PartFunding:
			t.Columns, t.Rows = cols(l, "project", "funder", "funderLevel", "amount", "period"), b.fundingRows()
		case PartStakeholders:
			t.Columns, t.Rows = cols(l, "project", "level", "organisation", "role", "sectors"), b.stakeholderRows()
		case PartOverlaps:
			t.Columns, t.Rows = cols(l, "projectA", "projectB", "places", "period", "sharedPartners", "sharedThemes", "sharedTargetGroups", "sharedFunctions", "fundersA", "fundersB"), b.overlapRows()
		case PartSynergies:
			t.Columns, t.Rows = cols(l, "rank", "projectA", "projectB", "score", "reasons"), b.synergyRows()
		case PartGaps:
			t.Columns, t.Rows = cols(l, "coverage", "kind", "number", "name", "coveredBy"), b.gapRows()
		case PartParticipants:
			t.Columns, t.Rows = cols(l, "organisation", "acronym", "sectors", "languageCommunity", "involvement"), b.participantRows()
		case PartNetwork:
			t.Columns, t.Rows = cols(l, "what", "name", "pairs", "detail"), b.networkRows()
		case PartChanges:
			t.Columns, t.Rows = cols(l, "date", "event", "what", "project", "with", "detail"), b.changeRows()
		}
		out = append(out, t)
	}
	return out
}

func cols(l func(string) string, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = l("col." + k)
	}
	return out
}

func (b *Briefing) l(key string) string { return label(b.Lang, key) }

// emptyText is what a page says for a part without rows: for changes
// without a previous meeting, that none was given rather than "none".
func (b *Briefing) emptyText(p Part) string {
	if p == PartChanges && b.Since.IsZero() {
		return b.l("noChanges")
	}
	return b.l("none")
}

func (b *Briefing) scopeRows() [][]any {
	or := func(s, empty string) string {
		if s == "" {
			return b.l(empty)
		}
		return s
	}
	return [][]any{
		{b.l("col.territory"), b.Territory.Name},
		{b.l("col.theme"), or(b.Theme.Name, "all")},
		{b.l("col.on"), or(b.On.String(), "noDate")},
		{b.l("col.since"), or(b.Since.String(), "noChanges")},
		{b.l("col.made"), b.Made.String()},
	}
}

func (b *Briefing) projectRows() [][]any {
	var rows [][]any
	for _, p := range b.Projects {
		status := ""
		if p.Status != "" {
			status = b.l("status." + string(p.Status))
		}
		rows = append(rows, []any{p.Name, status, period(p.Period), joinNames(p.Coordinators), joinNames(p.Partners), joinNames(p.Funders),
			joinNames(p.Territories), joinNames(p.Themes), joinNames(p.TargetGroups), joinNames(p.Functions)})
	}
	return rows
}

func (b *Briefing) fundingRows() [][]any {
	var rows [][]any
	for _, f := range b.Funding {
		level := ""
		if f.Level != "" {
			level = b.l("funderLevel." + string(f.Level))
		}
		rows = append(rows, []any{f.Project.Name, f.Funder.Name, level, amount(f.Amount), period(f.Period)})
	}
	return rows
}

func (b *Briefing) stakeholderRows() [][]any {
	var rows [][]any
	add := func(project string, level buurtnet.StakeholderLevel, ms []Member) {
		for _, m := range ms {
			rows = append(rows, []any{project, b.l("level." + string(level)), m.Name, b.role(m.Role), b.sectors(m.Sectors)})
		}
	}
	for _, m := range b.Stakeholders {
		for _, g := range m.Levels {
			add(m.Project.Name, g.Level, g.Members)
		}
		add(m.Project.Name, "", m.Unassessed)
	}
	return rows
}

func (b *Briefing) overlapRows() [][]any {
	var rows [][]any
	for _, o := range b.Overlaps {
		var places []string
		for _, p := range o.Places {
			if p.Relation == buurtnet.SpatialSame {
				places = append(places, fmt.Sprintf("%s (%s)", p.Territory.Name, b.l("spatial.SAME")))
			} else {
				places = append(places, fmt.Sprintf("%s – %s (%s)", p.Territory.Name, p.OtherTerritory.Name, b.l("spatial."+string(p.Relation))))
			}
		}
		rows = append(rows, []any{o.A.Name, o.B.Name, strings.Join(places, listSep), period(o.Period), joinNames(o.SharedPartners), joinNames(o.SharedThemes),
			joinNames(o.SharedTargetGroups), joinNames(o.SharedFunctions), joinNames(o.FundersA), joinNames(o.FundersB)})
	}
	return rows
}

func (b *Briefing) synergyRows() [][]any {
	var rows [][]any
	for _, s := range b.Synergies {
		var reasons []string
		for _, r := range s.Reasons {
			reasons = append(reasons, fmt.Sprintf("%s (%+d)", r.Sentence, r.Points))
		}
		// Sentences end in a full stop; a space is all they need between them.
		rows = append(rows, []any{s.Rank, s.A.Name, s.B.Name, s.Score, strings.Join(reasons, " ")})
	}
	return rows
}

func (b *Briefing) gapRows() [][]any {
	var rows [][]any
	term := func(status string, t Term, by []Ref) []any {
		var number any
		if t.Number > 0 {
			number = t.Number
		}
		return []any{b.l(status), b.l("framework." + string(t.Framework)), number, t.Name, joinNames(by)}
	}
	// The territory's own priorities first (seed 003: a neighbourhood
	// chooses them after its analysis), then the full lists.
	for _, p := range b.Gaps.Priorities {
		status, kind := "gap.priority.covered", "framework."
		if p.Missing {
			status = "gap.priority.missing"
		}
		if p.TargetGroup {
			kind = "kind.targetgroup"
		}
		rows = append(rows, []any{b.l(status), b.l(kind), nil, p.Name, joinNames(p.Projects)})
	}
	// A gap a partly present project works on is shown once, with it.
	partly := map[string][]Ref{}
	for _, cs := range [][]TermCoverage{b.Gaps.PartlyCoveredFunctions, b.Gaps.PartlyCoveredThemes} {
		for _, c := range cs {
			partly[c.ID] = c.Projects
		}
	}
	for _, ts := range [][]Term{b.Gaps.MissingFunctions, b.Gaps.MissingThemes} {
		for _, t := range ts {
			if by, ok := partly[t.ID]; ok {
				rows = append(rows, term("gap.partly", t, by))
				continue
			}
			rows = append(rows, term("gap.missing", t, nil))
		}
	}
	for _, cs := range [][]TermCoverage{b.Gaps.CoveredFunctions, b.Gaps.CoveredThemes} {
		for _, c := range cs {
			rows = append(rows, term("gap.covered", c.Term, c.Projects))
		}
	}
	return rows
}

func (b *Briefing) participantRows() [][]any {
	var rows [][]any
	for _, p := range b.Participants {
		var roles []string
		for _, r := range p.Roles {
			what := b.role(r.Role)
			if r.Level != "" {
				what += ", " + strings.ToLower(b.l("level."+string(r.Level)))
			}
			roles = append(roles, fmt.Sprintf("%s (%s)", r.Project.Name, what))
		}
		community := ""
		if p.LanguageCommunity != "" {
			community = b.l("community." + string(p.LanguageCommunity))
		}
		acronym := p.Acronym
		if acronym == p.Name {
			acronym = "" // "BOT (BOT)" says nothing
		}
		rows = append(rows, []any{p.Name, acronym, b.sectors(p.Sectors), community, strings.Join(roles, listSep)})
	}
	return rows
}

func (b *Briefing) changeRows() [][]any {
	var rows [][]any
	for _, c := range b.Changes {
		var detail any
		switch {
		case c.Role != "":
			detail = b.role(c.Role)
		case c.Amount != nil:
			detail = *c.Amount
		}
		rows = append(rows, []any{c.Date.String(), b.l("event." + string(c.Event)), b.l("link." + string(c.Link)), c.Project.Name, c.Other.Name, detail})
	}
	return rows
}
