package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/buurtnet/buurtnet"
)

// table is one sheet as read from the file: rows[0] is the header.
type table struct {
	name string
	rows [][]string
	// xlsx: cells are raw XLSX values, so a date cell is a serial day number.
	xlsx, date1904 bool
}

// maxUnzipped bounds what an XLSX file may unpack to: a few megabytes of
// upload must not be able to unpack to gigabytes (excelize allows 16 GB).
const maxUnzipped = 256 << 20

func readXLSX(r io.Reader) ([]*table, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return nil, unreadable("not a readable XLSX file: %v", err)
	}
	defer f.Close()
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, unreadable("not a readable XLSX file: %v", err)
	}
	date1904 := props.Date1904 != nil && *props.Date1904
	var out []*table
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, unreadable("sheet %q cannot be read: %v", name, err)
		}
		out = append(out, &table{name: name, rows: rows, xlsx: true, date1904: date1904})
	}
	return out, nil
}

// readCSV reads one sheet. Belgian spreadsheets write ";" between fields
// (the comma is their decimal mark), others ","; Excel adds a byte-order
// mark to "CSV UTF-8" and writes Windows-1252 for plain "CSV", so all of
// these are recognised rather than asked for.
func readCSV(name string, r io.Reader) (*table, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		if b, err = charmap.Windows1252.NewDecoder().Bytes(b); err != nil {
			return nil, unreadable("%s is neither UTF-8 nor Windows-1252 text", name)
		}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = separator(b)
	cr.FieldsPerRecord = -1 // short rows are fine: missing cells are empty
	cr.LazyQuotes = true    // a stray quote in a name is text, not an error
	// encoding/csv skips empty lines, which a spreadsheet shows as rows: put
	// them back, so that row numbers in problems are the ones people see.
	var rows [][]string
	next := 1 // the line the next record would start on
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, unreadable("%s is not a readable CSV file: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		for ; next < line; next++ {
			rows = append(rows, nil)
		}
		last, _ := cr.FieldPos(len(rec) - 1)
		next = last + strings.Count(rec[len(rec)-1], "\n") + 1
		rows = append(rows, rec)
	}
	return &table{name: name, rows: rows}, nil
}

// separator guesses the field separator from the header line: the one of
// ";", "," and tab it holds most of, outside quotes.
func separator(b []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(b) {
		if c == '\n' && !quoted {
			break
		}
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == ';' || c == ',' || c == '\t') {
			counts[c]++
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
