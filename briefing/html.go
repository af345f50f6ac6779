package briefing

import (
	_ "embed"
	"html/template"
	"io"

	"github.com/buurtnet/buurtnet"
)

//go:embed briefing.html.tmpl
var htmlSource string

// htmlPage is parsed once; html/template escapes every name and sentence,
// so a name with "<" in it prints as text.
var htmlPage = template.Must(template.New("briefing").Parse(htmlSource))

type htmlCell struct {
	Text    string
	Numeric bool // aligned right
}

type htmlSection struct {
	Title   string
	Empty   string // shown instead of an empty table
	Columns []string
	Rows    [][]htmlCell
}

// WriteHTML writes the briefing as one printable page: inline styles, no
// scripts or outside resources, so it can be mailed or opened offline and
// printed in landscape with headers repeated on every page.
func WriteHTML(w io.Writer, b *Briefing, ts []Table) error {
	data := struct {
		Lang, Title, Territory, MadeBy string
		Scope                          [][]any
		Sections                       []htmlSection
	}{
		Lang: string(b.Lang), Title: b.l("title"), Territory: b.Territory.Name,
		MadeBy: b.l("madeBy") + " " + b.Made.String(), Scope: b.scopeRows(),
	}
	decimalComma := b.Lang != buurtnet.EN
	for _, t := range ts {
		if t.Part == PartScope {
			continue // shown in the page header
		}
		s := htmlSection{Title: t.Title, Empty: b.emptyText(t.Part), Columns: t.Columns}
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
