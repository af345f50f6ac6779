package briefing

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// A Picture is a drawing as a list of shapes in its own coordinates (points
// of 1/96 inch, as CSS pixels), so that one layout serves every rendering:
// SVG in the HTML briefing, lines and circles in the PDF. Layouts are
// computed, never random: the same briefing draws the same pictures.
type Picture struct {
	Title  string
	W, H   float64
	Shapes []Shape
}

// ShapeKind says how to read a Shape.
type ShapeKind int

const (
	ShapeCircle ShapeKind = iota // X, Y, R
	ShapeLine                    // X, Y to X2, Y2
	ShapeRect                    // X, Y, W, H
	ShapeText                    // at X, Y; Anchor, Size, Bold, Rotate (degrees, clockwise)
)

// Shape is one element of a Picture. Colours are "#rrggbb" or "" for none.
type Shape struct {
	Kind         ShapeKind
	X, Y, X2, Y2 float64
	R, W, H      float64
	Fill, Stroke string
	StrokeWidth  float64
	Text         string
	Size         float64
	Anchor       string // start, middle, end
	Bold         bool
	Rotate       float64
	Title        string // a tooltip: the full name behind a short label
	Class        string // a hook for tests and style sheets
}

// The sector palette is the explorer's (web/src/stakeholder.ts), so a
// facilitator reads both the same way.
var sectorPalette = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
	"#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d"}

func sectorColour(sectors []buurtnet.Sector) string {
	if len(sectors) == 0 {
		return "#ffffff"
	}
	for i, s := range buurtnet.Sectors {
		if s == sectors[0] {
			return sectorPalette[i%len(sectorPalette)]
		}
	}
	return "#ffffff"
}

// labelWidth estimates how wide a label is in a sans-serif font; layouts
// only need it to keep labels apart.
func labelWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.56
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var stakeholderRings = []buurtnet.StakeholderLevel{buurtnet.LevelCoDecide, buurtnet.LevelCoCreate, buurtnet.LevelConsult, buurtnet.LevelInform} // inside out
var ringFill = []string{"#cfe6dc", "#e0efe8", "#eef6f2", "#f8fbf9"}

// StakeholderPicture draws a project's stakeholder map as four rings,
// CO_DECIDE in the centre and INFORM outside, each partner a dot coloured by
// its first sector on the ring of its level. Crowded rings grow so that the
// dots keep apart. The not-yet-assessed are not drawn: the table lists them.
func (b *Briefing) StakeholderPicture(m StakeholderMap) Picture {
	const spacing, band, margin = 64.0, 56.0, 36.0
	groups := make([][]Member, len(stakeholderRings))
	for i, level := range stakeholderRings {
		for _, g := range m.Levels {
			if g.Level == level {
				groups[i] = append([]Member(nil), g.Members...)
			}
		}
		sort.SliceStable(groups[i], func(x, y int) bool {
			return sectorColour(groups[i][x].Sectors) < sectorColour(groups[i][y].Sectors)
		})
	}
	mids := make([]float64, len(groups))
	edges := make([]float64, len(groups))
	outer := 0.0
	for i, g := range groups {
		mid := math.Max(outer+band/2, float64(len(g))*spacing/(2*math.Pi))
		if i == 0 && len(g) <= 1 {
			mid = 0
		}
		mids[i] = mid
		outer = math.Max(mid+band/2, outer+band)
		edges[i] = outer
	}
	size := math.Ceil(2 * (outer + margin))
	c := size / 2
	p := Picture{Title: b.l("part.stakeholders") + b.l("colon") + " " + m.Project.Name, W: size, H: size}
	for i := len(stakeholderRings) - 1; i >= 0; i-- {
		p.Shapes = append(p.Shapes, Shape{Kind: ShapeCircle, X: c, Y: c, R: edges[i], Fill: ringFill[i], Stroke: "#8fb5a5", StrokeWidth: 1})
	}
	for i, level := range stakeholderRings {
		p.Shapes = append(p.Shapes, Shape{Kind: ShapeText, X: c, Y: c - edges[i] + 14, Text: b.l("level." + string(level)), Size: 12, Bold: true, Anchor: "middle", Fill: "#1d4a3c", Class: "ring"})
	}
	for i, g := range groups {
		r := mids[i]
		gap := 0.0
		if r > 0 {
			gap = math.Min(0.5, 60/r) // the top of a ring is left to its name
		}
		for k, mem := range g {
			angle := -math.Pi/2 + gap + (2*math.Pi-2*gap)*(float64(k)+0.5)/float64(len(g))
			x, y := c+r*math.Cos(angle), c+r*math.Sin(angle)
			stroke := "#ffffff"
			if len(mem.Sectors) == 0 {
				stroke = "#333333"
			}
			dy := 22.0
			if k%2 == 1 {
				dy = -14
			}
			p.Shapes = append(p.Shapes,
				Shape{Kind: ShapeCircle, X: x, Y: y, R: 9, Fill: sectorColour(mem.Sectors), Stroke: stroke, StrokeWidth: 2, Title: mem.Name, Class: "member"},
				Shape{Kind: ShapeText, X: x, Y: y + dy, Text: shorten(mem.Name, 18), Size: 10, Anchor: "middle", Fill: "#1a1a1a", Title: mem.Name})
		}
	}
	return p
}

// SectorLegend lists the sectors the stakeholder maps use, with their colour.
func (b *Briefing) SectorLegend() [][2]string {
	used := map[buurtnet.Sector]bool{}
	none := false
	for _, m := range b.Stakeholders {
		for _, g := range m.Levels {
			for _, mem := range g.Members {
				if len(mem.Sectors) == 0 {
					none = true
				} else {
					used[mem.Sectors[0]] = true
				}
			}
		}
	}
	var out [][2]string
	for _, s := range buurtnet.Sectors {
		if used[s] {
			out = append(out, [2]string{sectorColour([]buurtnet.Sector{s}), b.l("sector." + string(s))})
		}
	}
	if none {
		out = append(out, [2]string{"#ffffff", b.l("sector.")})
	}
	return out
}

// GapPicture draws the gap matrix: the functions and building blocks as
// rows, the projects working in the territory as columns, a tick where a
// project covers a function, uncovered rows marked.
func (b *Briefing) GapPicture() Picture {
	type row struct {
		term    Term
		covered map[string]bool
		missing bool
	}
	var rows []row
	for _, f := range b.Gaps.MissingFunctions {
		rows = append(rows, row{term: f, missing: true})
	}
	for _, f := range b.Gaps.CoveredFunctions {
		cov := map[string]bool{}
		for _, p := range f.Projects {
			cov[p.ID] = true
		}
		rows = append(rows, row{term: f.Term, covered: cov})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].term.Framework != rows[j].term.Framework {
			return rows[i].term.Framework == buurtnet.FrameworkVVSG
		}
		return rows[i].term.Number < rows[j].term.Number
	})
	const cell, size = 24.0, 11.0
	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, labelWidth(fmt.Sprintf("%d. %s", r.term.Number, r.term.Name), size))
	}
	labelW = math.Min(labelW, 300) + 12
	headH := 0.0
	for _, p := range b.Projects {
		headH = math.Max(headH, labelWidth(shorten(p.Name, 32), size))
	}
	headH += 12
	gapLabel := b.l("gap.missing")
	markW := labelWidth(gapLabel, size) + 16
	width := labelW + cell*float64(len(b.Projects)) + markW
	pic := Picture{Title: b.l("part.gaps") + b.l("colon") + " " + b.Territory.Name, W: math.Ceil(width), H: math.Ceil(headH + cell*float64(len(rows)) + 4)}
	for j, p := range b.Projects {
		x := labelW + cell*float64(j) + cell/2 + 4
		pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeText, X: x, Y: headH - 6, Text: shorten(p.Name, 32), Size: size, Rotate: -90, Anchor: "start", Fill: "#1a1a1a", Title: p.Name})
	}
	for i, r := range rows {
		y := headH + cell*float64(i)
		fill := ""
		if r.missing {
			fill = "#fdecec"
		} else if i%2 == 1 {
			fill = "#f6f8fb"
		}
		if fill != "" {
			pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeRect, X: 0, Y: y, W: width, H: cell, Fill: fill})
		}
		name := shorten(fmt.Sprintf("%d. %s", r.term.Number, r.term.Name), 52)
		pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeText, X: 4, Y: y + cell/2 + size/3, Text: name, Size: size, Fill: "#1a1a1a", Title: r.term.Name})
		for j, p := range b.Projects {
			x := labelW + cell*float64(j)
			pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeRect, X: x, Y: y, W: cell, H: cell, Stroke: "#bbbbbb", StrokeWidth: 0.5})
			if r.covered[p.ID] {
				cx, cy := x+cell/2, y+cell/2
				pic.Shapes = append(pic.Shapes,
					Shape{Kind: ShapeLine, X: cx - 6, Y: cy, X2: cx - 2, Y2: cy + 5, Stroke: "#1d5c4a", StrokeWidth: 2.5, Class: "tick"},
					Shape{Kind: ShapeLine, X: cx - 2, Y: cy + 5, X2: cx + 7, Y2: cy - 6, Stroke: "#1d5c4a", StrokeWidth: 2.5})
			}
		}
		if r.missing {
			pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeText, X: labelW + cell*float64(len(b.Projects)) + 8, Y: y + cell/2 + size/3, Text: gapLabel, Size: size, Bold: true, Fill: "#9b1c1c", Class: "gap"})
		}
		if i > 0 && r.term.Framework != rows[i-1].term.Framework {
			pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeLine, X: 0, Y: y, X2: width, Y2: y, Stroke: "#1d5c4a", StrokeWidth: 2})
		}
	}
	return pic
}

// NetworkPicture draws the territory's projects and their partners: the
// territory in the centre, the projects on a ring around it, each
// organisation on an outer ring next to its projects (at the mean angle of
// their places, then spread evenly in that order), lines for partnerships.
func (b *Briefing) NetworkPicture() Picture {
	const size = 11.0
	n := len(b.Projects)
	r1 := math.Max(120, float64(n)*90/(2*math.Pi))
	angle := map[string]float64{}
	for i, p := range b.Projects {
		angle[p.ID] = -math.Pi/2 + 2*math.Pi*float64(i)/math.Max(1, float64(n))
	}
	type org struct {
		ref      Ref
		projects []string
		want     float64
		coord    bool
	}
	orgs := map[string]*org{}
	var order []string
	for _, p := range b.Projects {
		add := func(r Ref, coord bool) {
			o := orgs[r.ID]
			if o == nil {
				o = &org{ref: r}
				orgs[r.ID] = o
				order = append(order, r.ID)
			}
			o.projects = append(o.projects, p.ID)
			o.coord = o.coord || coord
		}
		for _, r := range p.Coordinators {
			add(r, true)
		}
		for _, r := range p.Partners {
			add(r, false)
		}
	}
	acronyms := map[string]string{}
	for _, pt := range b.Participants {
		if pt.Acronym != "" {
			acronyms[pt.ID] = pt.Acronym
		}
	}
	list := make([]*org, 0, len(order))
	for _, id := range order {
		o := orgs[id]
		var sx, sy float64
		for _, pid := range o.projects {
			sx += math.Cos(angle[pid])
			sy += math.Sin(angle[pid])
		}
		o.want = math.Atan2(sy, sx)
		list = append(list, o)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].want != list[j].want {
			return list[i].want < list[j].want
		}
		return list[i].ref.ID < list[j].ref.ID
	})
	r2 := math.Max(r1+110, float64(len(list))*26/(2*math.Pi))
	labelRoom := 130.0
	w := 2 * (r2 + labelRoom)
	h := 2 * (r2 + 40)
	cx, cy := w/2, h/2
	pic := Picture{Title: b.Territory.Name, W: math.Ceil(w), H: math.Ceil(h)}
	pos := map[string][2]float64{}
	for _, p := range b.Projects {
		a := angle[p.ID]
		pos[p.ID] = [2]float64{cx + r1*math.Cos(a), cy + r1*math.Sin(a)}
	}
	start := -math.Pi
	if len(list) > 0 {
		start = list[0].want
	}
	for k, o := range list {
		a := start + 2*math.Pi*float64(k)/float64(len(list))
		pos[o.ref.ID] = [2]float64{cx + r2*math.Cos(a), cy + r2*math.Sin(a)}
	}
	// Lines first, dots and names over them.
	for _, p := range b.Projects {
		q := pos[p.ID]
		pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeLine, X: cx, Y: cy, X2: q[0], Y2: q[1], Stroke: "#2f5d9e", StrokeWidth: 2})
	}
	for _, o := range list {
		q := pos[o.ref.ID]
		for _, pid := range o.projects {
			pp := pos[pid]
			width := 1.0
			if o.coord {
				width = 2.5
			}
			pic.Shapes = append(pic.Shapes, Shape{Kind: ShapeLine, X: q[0], Y: q[1], X2: pp[0], Y2: pp[1], Stroke: "#9aa5a0", StrokeWidth: width})
		}
	}
	pic.Shapes = append(pic.Shapes,
		Shape{Kind: ShapeCircle, X: cx, Y: cy, R: 14, Fill: "#2f5d9e", Stroke: "#ffffff", StrokeWidth: 2, Title: b.Territory.Name},
		Shape{Kind: ShapeText, X: cx, Y: cy + 30, Text: b.Territory.Name, Size: 13, Bold: true, Anchor: "middle", Fill: "#1a1a1a"})
	for _, p := range b.Projects {
		q := pos[p.ID]
		pic.Shapes = append(pic.Shapes,
			Shape{Kind: ShapeRect, X: q[0] - 9, Y: q[1] - 9, W: 18, H: 18, Fill: "#1d5c4a", Stroke: "#ffffff", StrokeWidth: 2, Title: p.Name, Class: "project"},
			Shape{Kind: ShapeText, X: q[0], Y: q[1] - 14, Text: shorten(p.Name, 28), Size: size + 1, Bold: true, Anchor: "middle", Fill: "#1d4a3c", Title: p.Name})
	}
	for _, o := range list {
		q := pos[o.ref.ID]
		name := o.ref.Name
		if a := acronyms[o.ref.ID]; a != "" {
			name = a
		}
		anchor, dx := "start", 10.0
		if q[0] < cx-1 {
			anchor, dx = "end", -10
		}
		pic.Shapes = append(pic.Shapes,
			Shape{Kind: ShapeCircle, X: q[0], Y: q[1], R: 6, Fill: "#b3541e", Stroke: "#ffffff", StrokeWidth: 1.5, Title: o.ref.Name, Class: "organisation"},
			Shape{Kind: ShapeText, X: q[0] + dx, Y: q[1] + size/3, Text: shorten(name, 22), Size: size - 1, Anchor: anchor, Fill: "#1a1a1a", Title: o.ref.Name})
	}
	return pic
}

// SVG renders the picture as an inline SVG element; every text is escaped.
func (p Picture) SVG() template.HTML {
	var s strings.Builder
	esc := html.EscapeString
	f := func(v float64) string { return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".") }
	paint := func(fill, stroke string, width float64) string {
		if fill == "" {
			fill = "none"
		}
		out := ` fill="` + fill + `"`
		if stroke != "" {
			out += ` stroke="` + stroke + `" stroke-width="` + f(width) + `"`
		}
		return out
	}
	class := func(c string) string {
		if c == "" {
			return ""
		}
		return ` class="` + esc(c) + `"`
	}
	title := func(t string) string {
		if t == "" {
			return ""
		}
		return "<title>" + esc(t) + "</title>"
	}
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" font-family="system-ui, Arial, sans-serif">`,
		f(p.W), f(p.H), f(p.W), f(p.H), esc(p.Title))
	for _, sh := range p.Shapes {
		switch sh.Kind {
		case ShapeCircle:
			fmt.Fprintf(&s, `<circle cx="%s" cy="%s" r="%s"%s%s>%s</circle>`, f(sh.X), f(sh.Y), f(sh.R), paint(sh.Fill, sh.Stroke, sh.StrokeWidth), class(sh.Class), title(sh.Title))
		case ShapeLine:
			fmt.Fprintf(&s, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"%s/>`, f(sh.X), f(sh.Y), f(sh.X2), f(sh.Y2), sh.Stroke, f(sh.StrokeWidth), class(sh.Class))
		case ShapeRect:
			fmt.Fprintf(&s, `<rect x="%s" y="%s" width="%s" height="%s"%s%s>%s</rect>`, f(sh.X), f(sh.Y), f(sh.W), f(sh.H), paint(sh.Fill, sh.Stroke, sh.StrokeWidth), class(sh.Class), title(sh.Title))
		case ShapeText:
			anchor := sh.Anchor
			if anchor == "" {
				anchor = "start"
			}
			extra := ""
			if sh.Bold {
				extra += ` font-weight="bold"`
			}
			if sh.Rotate != 0 {
				extra += fmt.Sprintf(` transform="rotate(%s %s %s)"`, f(sh.Rotate), f(sh.X), f(sh.Y))
			}
			fmt.Fprintf(&s, `<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s%s>%s%s</text>`, f(sh.X), f(sh.Y), f(sh.Size), anchor, sh.Fill, extra, class(sh.Class), title(sh.Title), esc(sh.Text))
		}
	}
	s.WriteString("</svg>")
	return template.HTML(s.String()) // every text above went through html.EscapeString
}
