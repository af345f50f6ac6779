package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/buurtnet/buurtnet"
)

// table is one sheet, read a row at a time so that a large file is never
// held whole: only the entries made from its rows are kept.
type table struct {
	name string
	// next returns the next row that the file holds, with its number as
	// the spreadsheet shows it (the header is row 1), and io.EOF after the
	// last. Rows left out of the file are blank; numbers count them.
	next func() (row int, cells []string, err error)
	// xlsx: cells are raw XLSX values, so a date cell is a serial day number.
	xlsx, date1904 bool
}

// readXLSX opens a workbook whose sheets are then read row by row; close
// releases it. The ZIP is checked before anything is unpacked: its parts'
// sizes, as the ZIP lists them, must add up to at most MaxFileBytes (Go's
// zip reader fails on a part that unpacks to more than its listed size, so
// the list cannot lie), which keeps a small file from unpacking to
// gigabytes.
func readXLSX(r io.Reader) (tables []*table, close func(), err error) {
	b, err := io.ReadAll(newBudgetReader(r, MaxFileBytes))
	if errors.Is(err, errOverBudget) {
		return nil, nil, tooLarge("the workbook is larger than %d MiB, the most one import takes", MaxFileBytes>>20)
	} else if err != nil {
		return nil, nil, fmt.Errorf("read workbook: %w", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, unreadable("not a readable XLSX file: %v", err)
	}
	if len(zr.File) > MaxParts {
		return nil, nil, tooLarge("the workbook has %d parts, more than the %d one import takes", len(zr.File), MaxParts)
	}
	var unzipped uint64
	for _, f := range zr.File {
		unzipped += f.UncompressedSize64
		if f.UncompressedSize64 > MaxFileBytes || unzipped > MaxFileBytes {
			return nil, nil, tooLarge("the workbook unpacks to more than %d MiB (at part %s), the most one import takes", MaxFileBytes>>20, f.Name)
		}
	}

	if err := scanWorkbook(zr); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxFileBytes})
	if err != nil {
		return nil, nil, unreadable("not a readable XLSX file: %v", err)
	}
	var open []*excelize.Rows
	close = func() {
		for _, rows := range open {
			_ = rows.Close()
		}
		_ = f.Close()
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		close()
		return nil, nil, unreadable("not a readable XLSX file: %v", err)
	}
	date1904 := props.Date1904 != nil && *props.Date1904
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			close()
			return nil, nil, unreadable("sheet %q cannot be read: %v", name, err)
		}
		open = append(open, rows)
		n := 0
		next := func() (int, []string, error) {
			if !rows.Next() {
				if err := rows.Error(); err != nil {
					return 0, nil, unreadable("sheet %q cannot be read: %v", name, err)
				}
				return 0, nil, io.EOF
			}
			n++
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return 0, nil, unreadable("sheet %q, row %d cannot be read: %v", name, n, err)
			}
			return n, cells, nil
		}
		tables = append(tables, &table{name: name, next: next, xlsx: true, date1904: date1904})
	}
	return tables, close, nil
}

// readCSV reads one sheet. Belgian spreadsheets write ";" between fields
// (the comma is their decimal mark), others ","; Excel adds a byte-order
// mark to "CSV UTF-8" and writes Windows-1252 for plain "CSV", so all of
// these are recognised rather than asked for: a cell that is not UTF-8 is
// read as Windows-1252. Rows are read as they are asked for, each at most
// MaxRowBytes long.
func readCSV(name string, r io.Reader) *table {
	budget := newBudgetReader(r, MaxRowBytes)
	br := bufio.NewReaderSize(budget, 64<<10)
	if b, _ := br.Peek(3); string(b) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(br.Size()) // the header line, to guess the separator
	cr := csv.NewReader(br)
	cr.Comma = separator(head)
	cr.FieldsPerRecord = -1 // short rows are fine: missing cells are empty
	cr.LazyQuotes = true    // a stray quote in a name is text, not an error
	cr.ReuseRecord = true   // cells are copied out as they are decoded
	// encoding/csv skips empty lines, which a spreadsheet shows as rows:
	// count them, so that row numbers in problems are the ones people see.
	row, next := 0, 1 // next: the line the next record would start on
	return &table{name: name, next: func() (int, []string, error) {
		budget.reset()
		rec, err := cr.Read()
		if err == io.EOF {
			return 0, nil, io.EOF
		} else if errors.Is(err, errOverBudget) {
			return 0, nil, tooLarge("%s, row %d: a row longer than %d MiB, the most one row may take", name, row+1, MaxRowBytes>>20)
		} else if err != nil {
			return 0, nil, unreadable("%s is not a readable CSV file: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		row += line - next + 1
		last, _ := cr.FieldPos(len(rec) - 1)
		next = last + strings.Count(rec[len(rec)-1], "\n") + 1
		// Past MaxColumns only whether a cell is filled matters (rowReader
		// refuses the first that is): the rest is not copied.
		n := min(len(rec), MaxColumns)
		for i := MaxColumns; i < len(rec); i++ {
			if strings.TrimSpace(rec[i]) != "" {
				n = i + 1
				break
			}
		}
		cells := make([]string, n)
		for i := range cells {
			cells[i] = decodeCell(rec[i])
		}
		return row, cells, nil
	}}
}

// decodeCell reads a cell that is not UTF-8 as Windows-1252, the only other
// encoding spreadsheets write CSV in here; every byte is a character there.
func decodeCell(s string) string {
	if utf8.ValidString(s) {
		return strings.Clone(s) // the record's memory is reused
	}
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}

// separator guesses the field separator from the header line: the one of
// ";", "," and tab it holds most of, outside quotes.
func separator(b []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range b {
		if c == '\n' && !quoted {
			break
		}
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == ';' || c == ',' || c == '\t') {
			counts[rune(c)]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// unreadable is the error for a file that is not what its name says: the
// caller's fault (INVALID), not a server failure.
func unreadable(format string, args ...any) error {
	return buurtnet.FieldError(buurtnet.EINVALID, "file", format, args...)
}
