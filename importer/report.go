package importer

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a file, placed where its author can find it.
type Problem struct {
	// Sheet is the sheet (XLSX), the file's sheet name (CSV) or the section
	// of a JSON / YAML document.
	Sheet string
	// Row is 1-based as the spreadsheet shows it (header = row 1); 0 when the
	// sheet as a whole is at fault.
	Row int
	// Column is the column as written in the header, or the field path in a
	// document; "" when the whole row is at fault.
	Column  string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Sheet)
	if p.Row > 0 {
		fmt.Fprintf(&b, " row %d", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, ", column %s", p.Column)
	}
	return b.String() + ": " + p.Message
}

// Report is what Read found wrong with a file, and where each entry of the
// network it returned came from, so that Import can place the problems only
// the store can find (an unknown link end) on their rows too.
type Report struct {
	// Problems found in the file, in file order: the first MaxProblems.
	Problems []Problem
	// ProblemCount is how many problems there were, listed or not.
	ProblemCount int
	// Skipped lists the rows left out of the network: rows with problems, and
	// links to or from such a row; the first MaxProblems of them.
	Skipped []Problem
	// SkippedCount is how many rows were left out, listed or not.
	SkippedCount int

	nodes  map[string]place // entity id → where it came from
	links  []place          // parallel to Network.Links
	sheets map[string]int   // sheet name → order of appearance, to sort problems
}

// OK reports whether the file has no problems.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// place is the row an entry came from.
type place struct {
	sheet *source
	row   int
}

// source is a sheet as the file spells it: its name, and the column that
// holds each domain field (so that a Validate error on "period.end" is put
// in the column "einde").
type source struct {
	name   string
	column func(field string) string
}

func (p place) problem(field, format string, args ...any) Problem {
	col := ""
	if field != "" {
		col = p.sheet.column(field)
	}
	return Problem{Sheet: p.sheet.name, Row: p.row, Column: col, Message: fmt.Sprintf(format, args...)}
}

func newReport() *Report {
	return &Report{nodes: map[string]place{}, sheets: map[string]int{}}
}

func (r *Report) addSheet(name string) {
	if _, ok := r.sheets[name]; !ok {
		r.sheets[name] = len(r.sheets)
	}
}

func (r *Report) addProblem(p Problem) {
	r.ProblemCount++
	r.Problems = r.keep(r.Problems, p)
}

func (r *Report) addSkipped(p Problem) {
	r.SkippedCount++
	r.Skipped = r.keep(r.Skipped, p)
}

// keep adds p to ps, a list in file order of at most MaxProblems: the
// first problems of a file are the ones its author starts with, and a file
// with a million bad cells must not make a million problems to send back.
// Problems of one row keep the order they were found in (cells left to
// right, then rules).
func (r *Report) keep(ps []Problem, p Problem) []Problem {
	i := sort.Search(len(ps), func(i int) bool { return r.before(p, ps[i]) })
	if i >= MaxProblems {
		return ps
	}
	if len(ps) < MaxProblems {
		ps = append(ps, Problem{})
	}
	copy(ps[i+1:], ps[i:len(ps)-1])
	ps[i] = p
	return ps
}

// before reports whether p comes before q in file order: sheet, then row.
func (r *Report) before(p, q Problem) bool {
	sp, sq := r.sheets[p.Sheet], r.sheets[q.Sheet]
	if sp != sq {
		return sp < sq
	}
	return p.Row < q.Row
}
