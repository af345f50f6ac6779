package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/importer"
)

// refused asserts that err is the INVALID "file" error of a file past a
// limit, and that its message says where and which limit.
func refused(t *testing.T, err error, says ...string) {
	t.Helper()
	require.Error(t, err)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%v", err)
	assert.Equal(t, "file", buurtnet.ErrorField(err), "%v", err)
	for _, s := range says {
		assert.Contains(t, buurtnet.ErrorMessage(err), s)
	}
}

// TestMillionColumnHeader is the header that once made 1,000,001 problems
// (a 284 MB answer): it is refused at once, as a row too long to read; a
// shorter header with too many columns names the first column past the
// limit.
func TestMillionColumnHeader(t *testing.T) {
	header := "name_nl" + strings.Repeat(";x", 999_999) + "\nWijkhuis\n"
	_, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(header))
	refused(t, err, "organisations, row 1", "longer than 1 MiB")
	assert.Nil(t, rep)

	header = "name_nl" + strings.Repeat(";x", 199_999) + "\nWijkhuis\n"
	_, _, err = importer.ReadCSV(context.Background(), "organisations", strings.NewReader(header))
	refused(t, err, "sheet organisations, row 1", "column CW", "100 columns")

	// Empty cells past the limit (a spreadsheet's trailing separators) are
	// no values, and no problem.
	csv := "name_nl" + strings.Repeat(";", 5000) + "\nWijkhuis" + strings.Repeat(";", 5000) + "\n"
	net, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(csv))
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	assert.Len(t, net.Organisations, 1)
}

// cellValue is a value put in a cell of a generated sheet.
type cellValue struct{ cell, value string }

// organisationsSheet writes a workbook with one sheet, organisations,
// holding the given cells (in row order) and nothing else. It streams, as
// an attacker's tool would: excelize's usual setters build every row up to
// the one set.
func organisationsSheet(t *testing.T, cells ...cellValue) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "organisations"))
	sw, err := f.NewStreamWriter("organisations")
	require.NoError(t, err)
	for _, c := range cells {
		require.NoError(t, sw.SetRow(c.cell, []any{c.value}))
	}
	require.NoError(t, sw.Flush())
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return &buf
}

// TestXLSXCellAtTheLastCell is the 2.7 KB workbook with a value in the last
// cell a sheet has, XFD1048576, that kept the server busy 72 s: refused at
// the column, and at the row when the value is in column A.
func TestXLSXCellAtTheLastCell(t *testing.T) {
	for _, c := range []struct {
		cell string
		says []string
	}{
		{"XFD1048576", []string{"sheet organisations, row 1048576", "column XFD", "100 columns"}},
		{"A1048576", []string{"sheet organisations: row 1048576", "100000 rows"}},
		{"CW3", []string{"row 3", "column CW"}},
	} {
		buf := organisationsSheet(t, cellValue{"A1", "name_nl"}, cellValue{"A2", "Wijkhuis"}, cellValue{c.cell, "x"})
		assert.Less(t, buf.Len(), 10_000, "a small file")
		_, _, err := importer.Read(context.Background(), "partners.xlsx", buf)
		refused(t, err, c.says...)
	}

	// The last row and column that may hold values still do.
	last := fmt.Sprintf("CV%d", importer.MaxRows)
	buf := organisationsSheet(t, cellValue{"CV1", "name_fr"}, cellValue{last, "Wijkhuis"})
	net, rep, err := importer.Read(context.Background(), "partners.xlsx", buf)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	require.Len(t, net.Organisations, 1)
	assert.Equal(t, "Wijkhuis", net.Organisations[0].Name.FR)
}

// workbookWith returns a readable workbook with an extra part added.
func workbookWith(t *testing.T, extra func(zw *zip.Writer)) []byte {
	return workbookReplacing(t, "", nil, extra)
}

// workbookReplacing returns a readable workbook (sheet organisations, a
// header and one row) with the part named replaced by content, and extra
// parts added.
func workbookReplacing(t *testing.T, name string, content []byte, extra func(zw *zip.Writer)) []byte {
	t.Helper()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "organisations"))
	require.NoError(t, f.SetSheetRow("organisations", "A1", &[]any{"name_nl"}))
	require.NoError(t, f.SetSheetRow("organisations", "A2", &[]any{"Wijkhuis"}))
	var wb bytes.Buffer
	require.NoError(t, f.Write(&wb))
	zr, err := zip.NewReader(bytes.NewReader(wb.Bytes()), int64(wb.Len()))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range zr.File {
		if p.Name == name {
			w, err := zw.Create(name)
			require.NoError(t, err)
			_, err = w.Write(content)
			require.NoError(t, err)
			continue
		}
		require.NoError(t, zw.Copy(p))
	}
	if extra != nil {
		extra(zw)
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

// TestXLSXZipBomb is a workbook of a few hundred KB that unpacks to more
// than MaxFileBytes: refused before anything is unpacked. A part whose
// size the ZIP understates is refused as unreadable when it is read past
// that size.
func TestXLSXZipBomb(t *testing.T) {
	bomb := workbookWith(t, func(zw *zip.Writer) {
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		w, err := zw.Create("xl/media/image1.png")
		require.NoError(t, err)
		zeros := make([]byte, 1<<20)
		for range importer.MaxFileBytes>>20 + 1 {
			_, err := w.Write(zeros)
			require.NoError(t, err)
		}
	})
	assert.Less(t, len(bomb), 300_000)
	_, _, err := importer.Read(context.Background(), "partners.xlsx", bytes.NewReader(bomb))
	refused(t, err, "more than 64 MiB", "xl/media/image1.png")

	// A bomb under a ZIP entry that claims to unpack to 1 KB.
	liar := workbookWith(t, func(zw *zip.Writer) {
		var deflated bytes.Buffer
		dw, err := flate.NewWriter(&deflated, flate.BestSpeed)
		require.NoError(t, err)
		zeros := make([]byte, 1<<20)
		for range 10 {
			_, err := dw.Write(zeros)
			require.NoError(t, err)
		}
		require.NoError(t, dw.Close())
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: "xl/sharedStrings.xml", Method: zip.Deflate,
			CRC32: crc32.ChecksumIEEE(make([]byte, 1024)), CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 1024,
		})
		require.NoError(t, err)
		_, err = w.Write(deflated.Bytes())
		require.NoError(t, err)
	})
	_, _, err = importer.Read(context.Background(), "partners.xlsx", bytes.NewReader(liar))
	require.Error(t, err)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%v", err)
}

// TestXLSXElementBombs are small workbooks whose XML would take excelize
// long to read in one go: too many texts, a row of too many elements, too
// many cells. Each is refused before excelize reads it.
func TestXLSXElementBombs(t *testing.T) {
	const ns = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	texts := ns + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		strings.Repeat("<si><t>a</t></si>", importer.MaxSharedStrings+1) + "</sst>"
	sheet := func(rows string) []byte {
		return []byte(ns + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>name_nl</t></is></c></row>` + rows + "</sheetData></worksheet>")
	}
	wideRow := `<row r="2">` + strings.Repeat("<c/>", 70_000) + "</row>"
	var many strings.Builder
	for r := 2; r < 2+importer.MaxCells/50_000+1; r++ {
		fmt.Fprintf(&many, `<row r="%d">%s</row>`, r, strings.Repeat("<x:c/>", 50_000))
	}
	for _, c := range []struct {
		name, part string
		content    []byte
		says       string
	}{
		{"Texts", "xl/sharedStrings.xml", []byte(texts), "200000 distinct texts"},
		{"WideRow", "xl/worksheets/sheet1.xml", sheet(wideRow), "row 2 holds more than 65536 XML elements"},
		{"Cells", "xl/worksheets/sheet1.xml", sheet(many.String()), "more than 1000000 cells"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wb := workbookReplacing(t, c.part, c.content, nil)
			assert.Less(t, len(wb), 200_000)
			_, _, err := importer.Read(context.Background(), "partners.xlsx", bytes.NewReader(wb))
			refused(t, err, c.says)
		})
	}
}

// endless is a reader that never ends: only a limit stops whoever reads it.
type endless struct{ b byte }

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

// TestEndlessFiles feeds files that never end: each read stops at a limit.
func TestEndlessFiles(t *testing.T) {
	ctx := context.Background()
	_, _, err := importer.ReadCSV(ctx, "organisations", io.MultiReader(strings.NewReader("name_nl\n"), endless{'x'}))
	refused(t, err, "organisations, row 2", "longer than 1 MiB")

	// Rows of one value each: the row limit comes first.
	_, _, err = importer.ReadCSV(ctx, "organisations", io.MultiReader(strings.NewReader("name_nl\n"), endless{'\n'}, strings.NewReader("x\n")))
	refused(t, err, "longer than 1 MiB") // empty lines, but no end to them

	for _, name := range []string{"partners.xlsx", "network.json", "network.yaml"} {
		_, _, err = importer.Read(ctx, name, endless{' '})
		refused(t, err, "64 MiB")
	}
}

// TestRowAndCellLimits fills sheets to one past each limit.
func TestRowAndCellLimits(t *testing.T) {
	ctx := context.Background()
	var b bytes.Buffer
	b.WriteString("name_nl\n")
	for i := 2; i <= importer.MaxRows+1; i++ {
		fmt.Fprintf(&b, "o%d\n", i)
	}
	_, _, err := importer.ReadCSV(ctx, "organisations", &b)
	refused(t, err, "row 100001", "100000 rows")

	// A hundred columns, all named: the unknown ones are problems, and the
	// cells still count.
	b.Reset()
	b.WriteString("name_nl")
	for i := 1; i < importer.MaxColumns; i++ {
		fmt.Fprintf(&b, ";c%d", i)
	}
	b.WriteString("\n")
	row := strings.Repeat("x;", importer.MaxColumns-1) + "x\n"
	for range importer.MaxCells / importer.MaxColumns {
		b.WriteString(row)
	}
	_, _, err = importer.ReadCSV(ctx, "organisations", &b)
	refused(t, err, fmt.Sprintf("row %d", importer.MaxCells/importer.MaxColumns+1), "1000000 cells")
}

// TestProblemsAreBounded reads a file with a problem in every cell: the
// report lists the first MaxProblems, in file order, and counts them all.
func TestProblemsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;name_nl;kind;language_community\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "nonsense %d;Wijkhuis %d;NO_KIND;NO_LANGUAGE\n", i, i)
	}
	_, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(b.String()))
	require.NoError(t, err)
	require.Len(t, rep.Problems, importer.MaxProblems)
	assert.Equal(t, 3000, rep.ProblemCount)
	assert.Equal(t, 2, rep.Problems[0].Row)
	assert.Equal(t, importer.MaxProblems/3+2, rep.Problems[importer.MaxProblems-1].Row, "the first rows, in order")
	assert.Equal(t, []string{"id", "kind", "language_community"}, []string{rep.Problems[0].Column, rep.Problems[1].Column, rep.Problems[2].Column})
	require.Len(t, rep.Skipped, importer.MaxProblems)
	assert.Equal(t, 1000, rep.SkippedCount)

	db := mustOpenStore(t)
	net, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(b.String()))
	require.NoError(t, err)
	res, err := importer.Import(context.Background(), db, net, rep, importer.Options{ValidOnly: true})
	require.NoError(t, err)
	assert.Len(t, res.Problems, importer.MaxProblems)
	assert.Equal(t, 3000, res.ProblemCount)
	assert.Len(t, res.Skipped, importer.MaxProblems)
	assert.Equal(t, 1000, res.SkippedCount)
}

// TestReadStopsAtTheDeadline reads a large file under a deadline that has
// passed: the read stops with the context's error, not at the end.
func TestReadStopsAtTheDeadline(t *testing.T) {
	var b strings.Builder
	b.WriteString("name_nl\n")
	for i := range 20_000 {
		fmt.Fprintf(&b, "Organisatie %d\n", i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := importer.ReadCSV(ctx, "organisations", strings.NewReader(b.String()))
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)

	path := filepath.Join(t.TempDir(), "organisations.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, _, err = importer.Read(ctx, "organisations.csv", f)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
}

// TestDocumentLimits: an upload keeps the spreadsheet bounds, while the
// import command's bounds take a section past them (a country's links).
func TestDocumentLimits(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"themes":[`)
	for i := range importer.MaxRows + 1 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"theme:t%d","name":{"nl":"Thema %d"}}`, i, i)
	}
	b.WriteString(`]}`)
	doc := b.Bytes()
	_, _, err := importer.Read(context.Background(), "network.json", bytes.NewReader(doc))
	refused(t, err, "the themes section has 100001 entries")
	net, rep, err := importer.ReadWithin(context.Background(), "network.json", bytes.NewReader(doc), importer.LocalDocumentLimits)
	require.NoError(t, err)
	assert.Zero(t, rep.ProblemCount)
	assert.Len(t, net.Themes, importer.MaxRows+1)
}
