package importer

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
)

// entry is one row (or document entry) on its way into the network.
type entry struct {
	at   place
	node buurtnet.Node // nil for a link
	link *buurtnet.Link
	// idFrom is the field the id was given in or made from: "id",
	// "enterpriseNumber" or "name"; a duplicate id is blamed on it.
	idFrom string
	// blamed holds the columns with a problem already: one cause, one report.
	blamed map[string]bool
	bad    bool
	// via is the row with problems a good link refers to.
	via *entry
}

// blame records a problem of the entry's row, unless its column has one.
func (e *entry) blame(rep *Report, field, format string, args ...any) {
	e.bad = true
	p := e.at.problem(field, format, args...)
	if p.Column != "" {
		if e.blamed[p.Column] {
			return
		}
		if e.blamed == nil {
			e.blamed = map[string]bool{}
		}
		e.blamed[p.Column] = true
	}
	rep.Problems = append(rep.Problems, p)
}

// excuse keeps the domain from blaming a column for a problem that was
// reported elsewhere (no id, because no name to make one from).
func (e *entry) excuse(field string) {
	if e.blamed == nil {
		e.blamed = map[string]bool{}
	}
	e.blamed[e.at.sheet.column(field)] = true
}

func (e *entry) target() validatable {
	if e.link != nil {
		return e.link
	}
	return e.node
}

// readTable turns one sheet into entries, reporting unknown sheets and
// columns and cells that cannot be read.
func readTable(t *table, rep *Report) []*entry {
	if blankRows(t.rows) {
		return nil // an empty "Blad1" next to the real sheets is no problem
	}
	rep.addSheet(t.name)
	d := findSheet(t.name)
	if d == nil {
		rep.Problems = append(rep.Problems, Problem{Sheet: t.name, Message: fmt.Sprintf("unknown sheet: name each sheet after what it holds (%s)", sheetNames())})
		return nil
	}
	header, cols := t.rows[0], readHeader(d, t, rep)
	src := &source{name: t.name, column: func(field string) string {
		for i, c := range cols {
			if c != nil && (c.field == field || strings.HasPrefix(c.field, field+".")) {
				return strings.TrimSpace(header[i])
			}
		}
		for _, c := range d.columns { // not in the file: say which column is missing
			if c.field == field || strings.HasPrefix(c.field, field+".") {
				return c.name
			}
		}
		return field
	}}

	var out []*entry
	for r := 1; r < len(t.rows); r++ {
		row := t.rows[r]
		if blank(row) {
			continue
		}
		e := &entry{at: place{sheet: src, row: r + 1}}
		target := d.newTarget()
		for i, cell := range row {
			s := strings.TrimSpace(cell)
			if i >= len(cols) || cols[i] == nil || s == "" {
				continue
			}
			v, err := parseCell(cols[i], s, t)
			if err != nil {
				e.blame(rep, cols[i].field, "%v", err)
				continue
			}
			set(target, cols[i].field, v)
		}
		if l, ok := target.(*buurtnet.Link); ok {
			e.link = l
		} else {
			e.node = target.(buurtnet.Node)
		}
		out = append(out, e)
	}
	return out
}

// readHeader maps each column of the sheet to the column it names; nil for
// columns it cannot use, each reported on row 1.
func readHeader(d *sheetDef, t *table, rep *Report) []*column {
	header := t.rows[0]
	width := 0
	for _, row := range t.rows {
		width = max(width, len(row))
	}
	cols := make([]*column, width)
	seen := map[string]string{}
	for i := range width {
		h := ""
		if i < len(header) {
			h = strings.TrimSpace(header[i])
		}
		problem := func(col, format string, args ...any) {
			rep.Problems = append(rep.Problems, Problem{Sheet: t.name, Row: 1, Column: col, Message: fmt.Sprintf(format, args...)})
		}
		if h == "" {
			if hasData(t.rows, i) {
				name, _ := excelize.ColumnNumberToName(i + 1)
				problem(name, "column %s has values but no name in row 1", name)
			}
			continue
		}
		c := d.findColumn(h)
		switch {
		case c == nil:
			problem(h, "unknown column: the %s sheet takes %s", d.name, d.columnNames())
		case seen[c.name] != "":
			problem(h, "the same column as %q", seen[c.name])
		default:
			seen[c.name] = h
			cols[i] = c
		}
	}
	return cols
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func blankRows(rows [][]string) bool {
	for _, r := range rows {
		if !blank(r) {
			return false
		}
	}
	return true
}

func hasData(rows [][]string, col int) bool {
	for _, r := range rows[1:] {
		if col < len(r) && strings.TrimSpace(r[col]) != "" {
			return true
		}
	}
	return false
}
