package importer

import (
	"context"
	"fmt"
	"io"
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
	rep.addProblem(p)
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
// columns and cells that cannot be read. It reads the sheet a row at a
// time; the error is for a sheet past the limits (see MaxRows), a file that
// cannot be read, or the deadline.
func readTable(ctx context.Context, t *table, rep *Report, cells *int) ([]*entry, error) {
	rows := &rowReader{ctx: ctx, t: t, cells: cells}
	row, header, err := rows.next()
	if err == io.EOF {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var first []string // the first data row, when it has been read already
	firstRow := 0
	if row != 1 { // row 1 is blank: no header
		first, firstRow, header = header, row, nil
	}
	if blank(header) {
		// Only a sheet with values is looked at: an empty "Blad1" next to
		// the real sheets is no problem.
		for blank(first) {
			if firstRow, first, err = rows.next(); err == io.EOF {
				return nil, nil
			} else if err != nil {
				return nil, err
			}
		}
	}
	rep.addSheet(t.name)
	d := findSheet(t.name)
	if d == nil {
		rep.addProblem(Problem{Sheet: t.name, Message: fmt.Sprintf("unknown sheet: name each sheet after what it holds (%s)", sheetNames())})
		return nil, nil
	}
	cols := readHeader(d, t.name, header, rep)
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
	unnamed := map[int]bool{} // columns without a name already reported

	var out []*entry
	for {
		var r int
		var row []string
		if first != nil {
			r, row, first = firstRow, first, nil
		} else if r, row, err = rows.next(); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		if blank(row) {
			continue
		}
		e := &entry{at: place{sheet: src, row: r}}
		target := d.newTarget()
		for i, cell := range row {
			s := strings.TrimSpace(cell)
			if s == "" {
				continue
			}
			if i >= len(cols) || cols[i] == nil {
				if (i >= len(header) || strings.TrimSpace(header[i]) == "") && !unnamed[i] {
					unnamed[i] = true
					name, _ := excelize.ColumnNumberToName(i + 1)
					rep.addProblem(Problem{Sheet: t.name, Row: 1, Column: name, Message: fmt.Sprintf("column %s has values but no name in row 1", name)})
				}
				continue
			}
			v, err := parseCell(cols[i], s, t)
			if err != nil {
				e.blame(rep, cols[i].field, "%v", err)
				continue
			}
			cols[i].set(target, v)
		}
		if l, ok := target.(*buurtnet.Link); ok {
			e.link = l
		} else {
			e.node = target.(buurtnet.Node)
		}
		out = append(out, e)
	}
}

// readHeader maps each column of the header to the column it names; nil
// for columns it cannot use, each reported on row 1 (unnamed columns are
// reported when a row has a value in them).
func readHeader(d *sheetDef, sheet string, header []string, rep *Report) []*column {
	cols := make([]*column, len(header))
	seen := map[string]string{}
	for i := range header {
		h := strings.TrimSpace(header[i])
		if h == "" {
			continue
		}
		problem := func(format string, args ...any) {
			rep.addProblem(Problem{Sheet: sheet, Row: 1, Column: h, Message: fmt.Sprintf(format, args...)})
		}
		c := d.findColumn(h)
		switch {
		case c == nil:
			problem("unknown column: the %s sheet takes %s", d.name, d.columnNames())
		case seen[c.name] != "":
			problem("the same column as %q", seen[c.name])
		default:
			seen[c.name] = h
			cols[i] = c
		}
	}
	return cols
}

// rowReader hands out the rows of a table within the limits: values up to
// column MaxColumns and row MaxRows, MaxCells filled cells in the file
// (counted in *cells, over all its tables), and the caller's deadline.
type rowReader struct {
	ctx   context.Context
	t     *table
	cells *int
}

func (r *rowReader) next() (int, []string, error) {
	// Every row: a workbook row can take a while (see maxRowElements).
	if err := r.ctx.Err(); err != nil {
		return 0, nil, fmt.Errorf("read sheet %s: %w", r.t.name, err)
	}
	row, cells, err := r.t.next()
	if err != nil {
		return 0, nil, err
	}
	filled := 0
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		filled++
		if i >= MaxColumns {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return 0, nil, tooLarge("sheet %s, row %d: a value in column %s, beyond the %d columns a sheet may use", r.t.name, row, name, MaxColumns)
		}
	}
	if filled == 0 {
		return row, nil, nil
	}
	if row > MaxRows {
		return 0, nil, tooLarge("sheet %s: row %d holds values, beyond the %d rows a sheet may use", r.t.name, row, MaxRows)
	}
	if *r.cells += filled; *r.cells > MaxCells {
		return 0, nil, tooLarge("sheet %s, row %d: the file fills more than %d cells, the most one import takes; split it", r.t.name, row, MaxCells)
	}
	return row, cells[:min(len(cells), MaxColumns)], nil
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
