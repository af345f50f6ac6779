package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/buurtnet/buurtnet"
)

// What the parts of a workbook may hold, counted before excelize reads
// them. Reading costs time by XML element, and two reads cannot be
// interrupted: excelize parses the shared strings (the workbook's texts)
// in one go, and a row in one go. So the texts are bounded, and so is each
// row; the rows in all are bounded by MaxCells and stopped by the deadline.
const (
	// MaxSharedStrings is how many distinct texts a workbook may hold;
	// CSV files have no such table and no such limit.
	MaxSharedStrings = 200_000
	// maxRowElements bounds the XML elements of one row (and of what lies
	// between two rows): room for every column a sheet can have, 16384,
	// with a value and an inline text each.
	maxRowElements = 4 * 16384
	// maxPartElements bounds any other part: styles, the workbook, its
	// relations, drawings.
	maxPartElements = 1_000_000
)

// scanWorkbook counts the elements of every part of the workbook (not only
// those named like sheets: the workbook's relations may point anywhere)
// and refuses a workbook past the limits above or MaxCells, without
// building anything. It reads the XML as bytes: an element starts with "<"
// and its name (a comment or CDATA can only make it count more).
func scanWorkbook(zr *zip.Reader) error {
	cells := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return unreadable("not a readable XLSX file: part %s: %v", f.Name, err)
		}
		err = scanPart(f.Name, rc, &cells)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func scanPart(name string, r io.Reader, cells *int) error {
	var root string
	elements, inRow, strs, rows := 0, 0, 0, 0
	err := elementNames(r, func(local []byte) error {
		elements++
		if root == "" {
			root = string(local)
		}
		switch root {
		case "worksheet":
			switch string(local) {
			case "row":
				rows, inRow = rows+1, 0
			case "c":
				if *cells++; *cells > MaxCells {
					return tooLarge("the workbook has more than %d cells (at part %s, row %d), the most one import takes", MaxCells, name, rows)
				}
			}
			if inRow++; inRow > maxRowElements {
				return tooLarge("part %s, row %d holds more than %d XML elements: no sheet row needs that many", name, rows, maxRowElements)
			}
		case "sst":
			if string(local) == "si" {
				strs++
			}
			if strs > MaxSharedStrings || elements > 4*MaxSharedStrings {
				return tooLarge("the workbook holds more than %d distinct texts, the most one import takes; split it, or save its sheets as CSV", MaxSharedStrings)
			}
		default:
			if elements > maxPartElements {
				return tooLarge("part %s holds more than %d XML elements, more than a workbook to import needs", name, maxPartElements)
			}
		}
		return nil
	})
	var refused *buurtnet.Error
	if errors.As(err, &refused) {
		return err
	} else if err != nil { // a part that does not unpack as the ZIP says
		return unreadable("not a readable XLSX file: part %s: %v", name, err)
	}
	return nil
}

// elementNames calls visit with the local name (without prefix) of every
// element start in r, in order.
func elementNames(r io.Reader, visit func(local []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		if _, err := br.ReadSlice('<'); err == io.EOF {
			return nil
		} else if err != nil && err != bufio.ErrBufferFull {
			return err
		} else if err == bufio.ErrBufferFull {
			continue // a long text: go on to the next "<"
		}
		head, _ := br.Peek(64)
		if len(head) == 0 || head[0] == '/' || head[0] == '?' || head[0] == '!' {
			continue
		}
		end := bytes.IndexAny(head, " \t\r\n/>")
		if end < 0 {
			end = len(head)
		}
		name := head[:end]
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		if err := visit(name); err != nil {
			return err
		}
	}
}
