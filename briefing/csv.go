package briefing

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
)

// Dialect is a way of writing CSV. Both dialects end lines with CRLF, as
// RFC 4180 says and spreadsheets expect.
type Dialect struct {
	Comma rune
	// BOM starts the file with a UTF-8 byte order mark: without it Excel
	// reads the file in the local code page and mangles accented names
	// ("Senior Solidarité", "Région de Bruxelles-Capitale").
	BOM bool
	// DecimalComma writes amounts as 1250,50.
	DecimalComma bool
}

var (
	// Belgian is what a spreadsheet set to Dutch or French (Belgium) opens
	// with a double click: the comma is the decimal separator there, so the
	// list separator is a semicolon.
	Belgian = Dialect{Comma: ';', BOM: true, DecimalComma: true}
	// RFC4180 is plain CSV for programs.
	RFC4180 = Dialect{Comma: ','}
)

const bom = "\uFEFF"

// WriteCSV writes one table: a header row, then its rows. Text cells are
// neutralised (see neutralise); numbers are written as numbers.
func WriteCSV(w io.Writer, t Table, d Dialect) error {
	if d.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = d.Comma, true
	record := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		record[i] = neutralise(c)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, row := range t.Rows {
		for i, v := range row {
			record[i] = cellText(v, d.DecimalComma)
			if _, text := v.(string); text {
				record[i] = neutralise(record[i])
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVZip writes one CSV file per table into a ZIP archive, named after
// the parts ("projects.csv"), dated modified so that the same briefing gives
// the same bytes.
func WriteCSVZip(w io.Writer, ts []Table, d Dialect, modified buurtnet.Date) error {
	zw := zip.NewWriter(w)
	for _, t := range ts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: string(t.Part) + ".csv", Method: zip.Deflate, Modified: dayTime(modified)})
		if err != nil {
			return err
		}
		if err := WriteCSV(f, t, d); err != nil {
			return fmt.Errorf("%s.csv: %w", t.Part, err)
		}
	}
	return zw.Close()
}

// dayTime is midnight UTC of d, for file formats that date their content.
func dayTime(d buurtnet.Date) time.Time {
	t, _ := time.Parse(time.DateOnly, d.String())
	return t
}

// formulaStart holds what makes a spreadsheet read a cell as a formula when
// it comes first: = + - @ (OWASP's CSV Injection list), tab and carriage
// return (which some programs skip before looking for those), and NUL
// (OWASP ASVS 1.2.10).
const formulaStart = "=+-@\t\r\x00"

// neutralise keeps a text cell from being run as a formula when the file is
// opened in a spreadsheet: names and notes come from whoever may write to
// the network, and "=HYPERLINK(…)" or "=cmd|' /C calc'!A0" in a project
// name must reach the reader as text. As OWASP's CSV Injection page
// advises, such a cell gets a leading single quote, which spreadsheets take
// as "this is text" and do not show; quoting and doubling of quotes is
// encoding/csv's. Only text cells pass here: amounts and counts are written
// by the code as numbers, and a negative score must stay a number.
func neutralise(s string) string {
	if s != "" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}
