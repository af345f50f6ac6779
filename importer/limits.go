package importer

import (
	"errors"
	"io"

	"github.com/buurtnet/buurtnet"
)

// What one import may hold. A neighbourhood network is a few thousand rows;
// these bounds are far above that and far below what would let one upload
// occupy the server: a file past any of them is refused whole, with an
// error that names the limit and where it was passed.
const (
	// MaxColumns is how many columns a sheet may use; the widest sheet
	// takes 19.
	MaxColumns = 100
	// MaxRows is the last row of a sheet that may hold values, counted as
	// the spreadsheet shows it (the header is row 1).
	MaxRows = 100_000
	// MaxCells is how many filled cells one file may hold, over all sheets.
	MaxCells = 1_000_000
	// MaxRowBytes is how long one CSV row may be: a hundred columns of
	// long descriptions fit; a million empty cells, which encoding/csv
	// would hold as a million strings, do not.
	MaxRowBytes = 1 << 20
	// MaxFileBytes bounds an XLSX file, what it unpacks to (the sum of
	// its parts' sizes), and a JSON or YAML document.
	MaxFileBytes = 64 << 20
	// MaxParts is how many parts (files inside the ZIP) an XLSX file may
	// have; a workbook of ten sheets has about twenty.
	MaxParts = 1000
	// MaxProblems is how many problems (and skipped rows) a report lists;
	// the counts say how many there were in all.
	MaxProblems = 200
)

// DocumentLimits bound a network document (JSON or YAML): the whole
// network in one file, the way a region moves from one store to another.
// Uploads keep UploadDocumentLimits, the spreadsheet bounds; the import
// command, run by the operator on their own machine, takes
// LocalDocumentLimits, which hold a country (tier L of the scale benchmark:
// 150 MB, 727,520 links) with room to spare.
type DocumentLimits struct {
	// Bytes bounds the file; Entries each of its sections.
	Bytes   int64
	Entries int
}

var (
	UploadDocumentLimits = DocumentLimits{Bytes: MaxFileBytes, Entries: MaxRows}
	LocalDocumentLimits  = DocumentLimits{Bytes: 2 << 30, Entries: 5_000_000}
)

// tooLarge is the error for a file past one of the limits: the caller's
// doing (INVALID, field "file"), like any other unreadable file.
func tooLarge(format string, args ...any) error {
	return buurtnet.FieldError(buurtnet.EINVALID, "file", format, args...)
}

var errOverBudget = errors.New("over the byte budget")

// budgetReader reads from r until more than budget bytes were read since
// the last reset, then fails with errOverBudget: it bounds what a reader
// above it can pull in for one row (or one document) without first holding
// it all. It lets one byte past the budget through, so that exactly budget
// bytes end in io.EOF, not in an error.
type budgetReader struct {
	r      io.Reader
	budget int64
	left   int64
}

func newBudgetReader(r io.Reader, budget int64) *budgetReader {
	return &budgetReader{r: r, budget: budget, left: budget + 1}
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errOverBudget
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// reset gives the reader its whole budget again.
func (b *budgetReader) reset() { b.left = b.budget + 1 }
