package briefing

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
)

// Column widths, in characters: wide enough for a name, narrow enough that
// a sheet of ten columns still fits a screen; longer text wraps.
const (
	minColumnWidth = 6
	maxColumnWidth = 50
)

// WriteXLSX writes the tables as a workbook, one sheet per table, each with
// a bold header row that stays in view while scrolling, a filter on it, and
// columns sized to their content.
func WriteXLSX(w io.Writer, ts []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	euro, err := f.NewStyle(&excelize.Style{NumFmt: 4, Alignment: &excelize.Alignment{Vertical: "top"}}) // #,##0.00
	if err != nil {
		return err
	}
	for i, t := range ts {
		sheet := sheetName(t.Title)
		if i == 0 {
			err = f.SetSheetName("Sheet1", sheet)
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, sheet, t, header, wrap, euro); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func writeSheet(f *excelize.File, sheet string, t Table, header, wrap, euro int) error {
	for c, title := range t.Columns {
		if err := f.SetCellStr(sheet, cellName(c, 0), title); err != nil {
			return err
		}
	}
	last := cellName(len(t.Columns)-1, 0)
	if err := f.SetCellStyle(sheet, "A1", last, header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, v := range row {
			var err error
			switch x := v.(type) {
			case nil:
				continue
			case buurtnet.Money:
				if err = f.SetCellFloat(sheet, cellName(c, r+1), x.Euro(), 2, 64); err == nil {
					err = f.SetCellStyle(sheet, cellName(c, r+1), cellName(c, r+1), euro)
				}
			case int:
				err = f.SetCellInt(sheet, cellName(c, r+1), int64(x))
			default:
				err = f.SetCellStr(sheet, cellName(c, r+1), cellText(v, false))
			}
			if err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if len(t.Rows) > 0 {
		if err := f.AutoFilter(sheet, "A1:"+cellName(len(t.Columns)-1, len(t.Rows)), nil); err != nil {
			return err
		}
	}
	for c := range t.Columns {
		width := textWidth(t.Columns[c])
		for _, row := range t.Rows {
			width = max(width, textWidth(cellText(row[c], false)))
		}
		width = min(max(width+2, minColumnWidth), maxColumnWidth)
		col := strings.TrimRight(cellName(c, 0), "1")
		if err := f.SetColWidth(sheet, col, col, float64(width)); err != nil {
			return err
		}
		if width == maxColumnWidth && len(t.Rows) > 0 {
			if err := f.SetCellStyle(sheet, cellName(c, 1), cellName(c, len(t.Rows)), wrap); err != nil {
				return err
			}
		}
	}
	return nil
}

// cellName names the cell of column c and row r, both from 0.
func cellName(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return name
}

// textWidth is the length of the longest line, in characters.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w
}

// sheetName keeps a title within what spreadsheets allow: 31 characters,
// none of []:*?/\.
func sheetName(title string) string {
	title = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, title)
	if utf8.RuneCountInString(title) > 31 {
		title = string([]rune(title)[:31])
	}
	return title
}
