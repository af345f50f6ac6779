package export_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

// pdfText inflates the content streams of a PDF, where its text is.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out bytes.Buffer
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out.Write(m[1]) // not compressed
			continue
		}
		data, _ := io.ReadAll(r)
		out.Write(data)
	}
	return out.String()
}

func TestPDF(t *testing.T) {
	db := briefingtest.DemoStore(t)
	r, err := export.ParseRequest("briefing", export.Params{Territory: "brussels-region", Format: "pdf", Lang: "fr"})
	require.NoError(t, err)
	r.Scope.Today = briefingtest.Today
	assert.Equal(t, "application/pdf", r.ContentType())
	assert.Equal(t, "briefing-brussels-region-2026-11-26.pdf", r.Filename())
	var first, second bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &first))
	require.NoError(t, r.Write(context.Background(), db, &second))
	pdf := first.Bytes()
	require.Equal(t, "%PDF", string(pdf[:4]))
	assert.Equal(t, pdf, second.Bytes(), "the same briefing gives the same bytes")

	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
	assert.GreaterOrEqual(t, pages, len(briefing.Parts), "the first page and a page (at least) per part")

	text := pdfText(t, pdf)
	b := briefingtest.Build(t, db, briefing.Scope{Territory: "territory:brussels-region", Today: briefingtest.Today}, buurtnet.FR)
	for _, p := range b.Projects {
		assert.Contains(t, text, "("+latin1(p.Name), "project %s", p.ID)
	}
	assert.Contains(t, text, latin1("Synergies"), "part headings")
	assert.Contains(t, text, latin1("Co-décider"), "accents in Windows-1252, the rings named in French")
	assert.Contains(t, text, latin1("Non couvert"), "the gap matrix marks the gaps")
}

// latin1 is s as the PDF's standard fonts hold it (Windows-1252 agrees
// with Latin-1 on the letters used here); PDF strings escape parentheses.
func latin1(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '–':
			b = append(b, 0x96)
		case r == '’':
			b = append(b, 0x92)
		case r < 256:
			b = append(b, byte(r))
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}
