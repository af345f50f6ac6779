package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

type exportResponse struct {
	status      int
	header      http.Header
	body        []byte
	code, field string // of an error response
	message     string
}

// getExport GETs path (with its query) and decodes an error body.
func getExport(t *testing.T, base, path string, header ...string) exportResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := exportResponse{status: resp.StatusCode, header: resp.Header, body: body}
	if resp.StatusCode != http.StatusOK && resp.Header.Get("Content-Type") == "application/json" {
		var e struct {
			Error struct{ Code, Field, Message string } `json:"error"`
		}
		require.NoError(t, json.Unmarshal(body, &e), string(body))
		out.code, out.field, out.message = e.Error.Code, e.Error.Field, e.Error.Message
	}
	return out
}

func TestExportFormats(t *testing.T) {
	s := newDemoServer(t)
	day := buurtnet.DateOf(time.Now()).String()
	for _, c := range []struct {
		query, contentType, filename string
	}{
		{"briefing?territory=territory:brabantwijk", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "briefing-brabantwijk-" + day + ".xlsx"},
		{"briefing?territory=brabantwijk&format=csv", "application/zip", "briefing-brabantwijk-" + day + ".zip"},
		{"briefing?territory=brabantwijk&format=csv&part=synergies&on=2020-03-01", "text/csv; charset=utf-8", "briefing-brabantwijk-2020-03-01-synergies.csv"},
		{"briefing?territory=brabantwijk&format=csv-rfc4180&part=gaps", "text/csv; charset=utf-8", "briefing-brabantwijk-" + day + "-gaps.csv"},
		{"briefing?territory=brussels-region&theme=vroegdetectie&format=html&lang=fr", "text/html; charset=utf-8", "briefing-brussels-region-vroegdetectie-" + day + ".html"},
		{"briefing?territory=brabantwijk&format=md", "text/markdown; charset=utf-8", "briefing-brabantwijk-" + day + ".md"},
		{"briefing?territory=brabantwijk&format=json", "application/json", "briefing-brabantwijk-" + day + ".json"},
		{"network", "application/graphml+xml", "network-" + day + ".graphml"},
		{"network?format=gexf&territory=brabantwijk", "application/gexf+xml", "network-brabantwijk-" + day + ".gexf"},
		{"network?format=json", "application/json", "network-" + day + ".json"},
		{"network?format=yaml", "application/yaml", "network-" + day + ".yaml"},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := getExport(t, s.URL, "/export/"+c.query)
			require.Equal(t, http.StatusOK, r.status, string(r.body))
			assert.Equal(t, c.contentType, r.header.Get("Content-Type"))
			assert.Equal(t, `attachment; filename="`+c.filename+`"`, r.header.Get("Content-Disposition"))
			assert.NotEmpty(t, r.body)
		})
	}
}

// TestExportBodies reads a few downloads back with their real parsers.
func TestExportBodies(t *testing.T) {
	s := newDemoServer(t)

	r := getExport(t, s.URL, "/export/briefing?territory=brabantwijk&format=xlsx&lang=fr")
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	require.NoError(t, err)
	assert.Equal(t, "Aperçu", f.GetSheetList()[0])
	require.NoError(t, f.Close())

	r = getExport(t, s.URL, "/export/briefing?territory=brabantwijk&format=csv")
	zr, err := zip.NewReader(bytes.NewReader(r.body), int64(len(r.body)))
	require.NoError(t, err)
	assert.Len(t, zr.File, len(briefing.Parts))

	r = getExport(t, s.URL, "/export/briefing?territory=brabantwijk&format=csv&part=participants")
	require.True(t, bytes.HasPrefix(r.body, []byte("\uFEFF")))
	cr := csv.NewReader(bytes.NewReader(r.body[3:]))
	cr.Comma = ';'
	records, err := cr.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "Organisatie", records[0][0])

	r = getExport(t, s.URL, "/export/briefing?territory=brabantwijk&format=md", "Accept-Language", "fr-BE,fr;q=0.9")
	assert.True(t, strings.HasPrefix(string(r.body), "# Briefing pour la concertation – Quartier Brabant"), "Accept-Language decides without lang=")

	r = getExport(t, s.URL, "/export/network?format=json")
	var n buurtnet.Network
	require.NoError(t, json.Unmarshal(r.body, &n))
	snap, err := s.store.Snapshot(context.Background())
	require.NoError(t, err)
	assert.Len(t, n.Nodes(), len(snap.Nodes()))
	assert.Len(t, n.Links, len(snap.Links))
}

// TestExportAgreesWithGraphQL: the briefing's synergies and gaps, over HTTP,
// are what the GraphQL API answers for the same territory.
func TestExportAgreesWithGraphQL(t *testing.T) {
	s := newDemoServer(t)
	r := getExport(t, s.URL, "/export/briefing?territory=brussels-region&format=json&lang=fr")
	require.Equal(t, http.StatusOK, r.status)
	var b briefing.Briefing
	require.NoError(t, json.Unmarshal(r.body, &b))

	var data struct {
		Synergies []struct {
			Projects []struct{ ID string }
			Score    int
			Reasons  []struct{ Code, Message string }
		}
		Gaps struct {
			MissingFunctions, MissingThemes []struct{ ID string }
		}
	}
	s.mustDo(t, `query($t: ID!) {
		synergies(territory: $t, first: 10) { projects { id } score reasons { code message(lang: FR) } }
		gaps(territory: $t) { missingFunctions { id } missingThemes { id } } }`,
		map[string]any{"t": "territory:brussels-region"}, &data)
	require.NotEmpty(t, data.Synergies)
	require.Len(t, b.Synergies, len(data.Synergies))
	for i, want := range data.Synergies {
		got := b.Synergies[i]
		assert.Equal(t, []string{want.Projects[0].ID, want.Projects[1].ID, "score"}, []string{got.A.ID, got.B.ID, "score"})
		assert.Equal(t, want.Score, got.Score)
		require.Len(t, got.Reasons, len(want.Reasons))
		for j, reason := range want.Reasons {
			assert.Equal(t, reason.Code, string(got.Reasons[j].Code))
			assert.Equal(t, reason.Message, got.Reasons[j].Sentence, "the same sentence a facilitator reads")
		}
	}
	var missing []string
	for _, f := range data.Gaps.MissingFunctions {
		missing = append(missing, f.ID)
	}
	var gotMissing []string
	for _, f := range b.Gaps.MissingFunctions {
		gotMissing = append(gotMissing, f.ID)
	}
	assert.Equal(t, missing, gotMissing)
	assert.Len(t, b.Gaps.MissingThemes, len(data.Gaps.MissingThemes))
}

func TestExportErrors(t *testing.T) {
	s := newDemoServer(t)
	for _, c := range []struct {
		path        string
		status      int
		code, field string
	}{
		{"/export/briefing", http.StatusBadRequest, buurtnet.EINVALID, "territory"},
		{"/export/briefing?territory=territory:atlantis", http.StatusNotFound, buurtnet.ENOTFOUND, "territory"},
		{"/export/briefing?territory=brabantwijk&theme=theme:nothing", http.StatusNotFound, buurtnet.ENOTFOUND, "theme"},
		{"/export/briefing?territory=brabantwijk&format=docx", http.StatusBadRequest, buurtnet.EINVALID, "format"},
		{"/export/briefing?territory=brabantwijk&on=tomorrow", http.StatusBadRequest, buurtnet.EINVALID, "on"},
		{"/export/briefing?territory=brabantwijk&part=minutes", http.StatusBadRequest, buurtnet.EINVALID, "part"},
		{"/export/briefing?territroy=brabantwijk", http.StatusBadRequest, buurtnet.EINVALID, "territroy"},
		{"/export/network?format=xlsx", http.StatusBadRequest, buurtnet.EINVALID, "format"},
		{"/export/minutes", http.StatusNotFound, buurtnet.ENOTFOUND, ""},
	} {
		t.Run(c.path, func(t *testing.T) {
			r := getExport(t, s.URL, c.path)
			assert.Equal(t, c.status, r.status, string(r.body))
			assert.Equal(t, "application/json", r.header.Get("Content-Type"))
			assert.Equal(t, c.code, r.code)
			assert.Equal(t, c.field, r.field)
			assert.NotEmpty(t, r.message)
			assert.Empty(t, r.header.Get("Content-Disposition"), "an error is not a download")
		})
	}
}

// brokenStore fails the way a bug would: with a plain error carrying details
// a client must not see.
type brokenStore struct{ buurtnet.Store }

func (brokenStore) Snapshot(context.Context) (*buurtnet.Network, error) {
	return nil, errors.New("disk /var/lib/secret failed")
}

func TestExportStoreFailures(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "buurtnet.db"))
	require.NoError(t, err)

	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	broken := httptest.NewServer(server.NewHandler(server.Config{Store: brokenStore{db}, Logger: log}))
	defer broken.Close()
	r := getExport(t, broken.URL, "/export/network")
	assert.Equal(t, http.StatusInternalServerError, r.status)
	assert.Equal(t, buurtnet.EINTERNAL, r.code)
	assert.Equal(t, "Internal error.", r.message)
	assert.NotContains(t, string(r.body), "secret")
	assert.Contains(t, logged.String(), "disk /var/lib/secret failed", "the log has the details")

	require.NoError(t, db.Close())
	closed := httptest.NewServer(server.NewHandler(server.Config{Store: db, Logger: log}))
	defer closed.Close()
	r = getExport(t, closed.URL, "/export/briefing?territory=brabantwijk")
	assert.Equal(t, http.StatusServiceUnavailable, r.status, string(r.body))
	assert.Equal(t, buurtnet.EUNAVAILABLE, r.code)
}
