package briefing

import (
	_ "embed"
	"html/template"
	"io"
	"regexp"

	"github.com/buurtnet/buurtnet"
)

var hexColour = regexp.MustCompile(`^#[0-9a-f]{6}$`)

//go:embed briefing.html.tmpl
var htmlSource string

// htmlPage is parsed once; html/template escapes every name and sentence,
// so a name with "<" in it prints as text.
var htmlPage = template.Must(template.New("briefing").Funcs(template.FuncMap{
	// Colours come from the fixed sector palette, never from data; anything
	// but #rrggbb is refused all the same.
	"safeCSS": func(s string) template.CSS {
		if !hexColour.MatchString(s) {
			return "#ffffff"
		}
		return template.CSS(s)
	},
}).Parse(htmlSource))

type htmlCell struct {
	Text    string
	Numeric bool // aligned right
}

type htmlSection struct {
	Part    Part
	Title   string
	Empty   string // shown instead of an empty table
	Columns []string
	Rows    [][]htmlCell
	// Pictures come before the table: what people would rather look at
	// than read. Legend explains their colours; Cards are the top synergies.
	Pictures []htmlFigure
	Legend   [][2]string
	Cards    []Synergy
	CardHead string
}

type htmlFigure struct {
	SVG     template.HTML
	Caption string
}

// topCards is how many synergies get a card of their own.
const topCards = 4

// WriteHTML writes the briefing as one printable page: inline styles, no
// scripts or outside resources, so it can be mailed or opened offline and
// printed in landscape with headers repeated on every page.
func WriteHTML(w io.Writer, b *Briefing, ts []Table) error {
	data := struct {
		Lang, Title, Territory, MadeBy string
		Scope                          [][]any
		Network                        *htmlFigure
		Sections                       []htmlSection
	}{
		Lang: string(b.Lang), Title: b.l("title"), Territory: b.Territory.Name,
		MadeBy: b.l("madeBy") + " " + b.Made.String(), Scope: b.scopeRows(),
	}
	if len(b.Projects) > 0 {
		data.Network = &htmlFigure{SVG: b.NetworkPicture().SVG(), Caption: b.l("pic.network") + ". " + b.l("pic.networkLegend")}
	}
	decimalComma := b.Lang != buurtnet.EN
	for _, t := range ts {
		if t.Part == PartScope {
			continue // shown in the page header
		}
		s := htmlSection{Part: t.Part, Title: t.Title, Empty: b.emptyText(t.Part), Columns: t.Columns}
		b.addPictures(&s)
		for _, row := range t.Rows {
			cells := make([]htmlCell, len(row))
			for i, v := range row {
				_, isInt := v.(int)
				_, isMoney := v.(buurtnet.Money)
				cells[i] = htmlCell{Text: cellText(v, decimalComma), Numeric: isInt || isMoney}
			}
			s.Rows = append(s.Rows, cells)
		}
		data.Sections = append(data.Sections, s)
	}
	return htmlPage.Execute(w, data)
}

// addPictures gives a section its pictures: the stakeholder rings of each
// project with assessed partners, the gap matrix, the top synergies.
func (b *Briefing) addPictures(s *htmlSection) {
	switch s.Part {
	case PartStakeholders:
		for _, m := range b.Stakeholders {
			assessed := 0
			for _, g := range m.Levels {
				assessed += len(g.Members)
			}
			if assessed > 0 {
				s.Pictures = append(s.Pictures, htmlFigure{SVG: b.StakeholderPicture(m).SVG(), Caption: m.Project.Name})
			}
		}
		if len(s.Pictures) > 0 {
			s.Legend = b.SectorLegend()
			s.Pictures[0].Caption = s.Pictures[0].Caption + ". " + b.l("pic.rings")
		}
	case PartGaps:
		if len(b.Projects) > 0 {
			s.Pictures = append(s.Pictures, htmlFigure{SVG: b.GapPicture().SVG(), Caption: b.l("pic.gaps")})
		}
	case PartSynergies:
		s.Cards = b.Synergies[:min(topCards, len(b.Synergies))]
		s.CardHead = b.l("pic.top")
	}
}
