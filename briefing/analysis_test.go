package briefing_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/export"
	"github.com/buurtnet/buurtnet/server"
)

// apiNetwork asks the GraphQL API the questions the briefing's network
// part answers.
func apiNetwork(t *testing.T, store buurtnet.Store, territory string, lang buurtnet.Lang) (out struct {
	Brokers []struct {
		Organisation struct{ ID string }
		Betweenness  float64
		Figures      []struct{ Message string }
	}
	Isolation struct{ IsolatedProjects []struct{ ID string } }
	Language  apiBridges
	Health    apiBridges
}) {
	t.Helper()
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()
	body, err := json.Marshal(map[string]any{"query": `query($t: ID!, $lang: Language) {
		brokers(territory: $t, first: 5) { organisation { id } betweenness figures { message(lang: $lang) } }
		isolation(territory: $t) { isolatedProjects { id } }
		language: bridges(territory: $t, across: LANGUAGE, first: 10) { projects { ...b } organisations { ...b } }
		health: bridges(territory: $t, across: HEALTH_WELFARE, first: 10) { projects { ...b } organisations { ...b } } }
		fragment b on Bridge { node { id } sideA { id } sideB { id } pairs }`,
		"variables": map[string]any{"t": territory, "lang": strings.ToUpper(string(lang))}})
	require.NoError(t, err)
	res, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer res.Body.Close()
	var answer struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&answer))
	require.Empty(t, answer.Errors)
	require.NoError(t, json.Unmarshal(answer.Data, &out))
	return out
}

type apiBridges struct{ Projects, Organisations []apiBridge }

type apiBridge struct {
	Node         struct{ ID string }
	SideA, SideB []struct{ ID string }
	Pairs        int
}

func ids[T any](xs []T, id func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

// The network part says what the API says: the same top brokers in the same
// order with the same sentences, the same isolated projects, the same
// bridges with the same pairs.
func TestBuildNetworkAgreesWithAPI(t *testing.T) {
	db := demoStore(t)
	for _, c := range []struct {
		territory string
		lang      buurtnet.Lang
	}{{"territory:brabantwijk", buurtnet.FR}, {"territory:brussels-region", buurtnet.NL}, {"territory:brussels-region", buurtnet.EN}} {
		t.Run(c.territory+"-"+string(c.lang), func(t *testing.T) {
			want := apiNetwork(t, db, c.territory, c.lang)
			b, err := briefing.Build(context.Background(), db, briefing.Scope{Territory: c.territory, Lang: c.lang, Today: today})
			require.NoError(t, err)
			n := b.Network
			assert.Empty(t, n.Refused)

			require.NotEmpty(t, want.Brokers)
			require.Len(t, n.Brokers, len(want.Brokers))
			assert.LessOrEqual(t, len(n.Brokers), briefing.TopBrokers)
			for i, w := range want.Brokers {
				got := n.Brokers[i]
				assert.Equal(t, w.Organisation.ID, got.ID)
				assert.Equal(t, i+1, got.Rank)
				assert.Equal(t, w.Betweenness, got.Betweenness)
				assert.Equal(t, ids(w.Figures, func(f struct{ Message string }) string { return f.Message }), got.Sentences)
			}

			wantIsolated := ids(want.Isolation.IsolatedProjects, func(p struct{ ID string }) string { return p.ID })
			sort.Strings(wantIsolated)
			gotIsolated := ids(n.IsolatedProjects, func(r briefing.Ref) string { return r.ID })
			sort.Strings(gotIsolated)
			assert.Equal(t, wantIsolated, gotIsolated)

			type bridge struct {
				Across       buurtnet.Divide
				Node         string
				SideA, SideB []string
				Pairs        int
			}
			var wantBridges, gotBridges []bridge
			id := func(x struct{ ID string }) string { return x.ID }
			for _, r := range []struct {
				across buurtnet.Divide
				bs     apiBridges
			}{{buurtnet.DivideLanguage, want.Language}, {buurtnet.DivideHealthWelfare, want.Health}} {
				for _, bs := range [][]apiBridge{r.bs.Projects, r.bs.Organisations} {
					for _, x := range bs {
						a, bb := ids(x.SideA, id), ids(x.SideB, id)
						sort.Strings(a)
						sort.Strings(bb)
						wantBridges = append(wantBridges, bridge{r.across, x.Node.ID, a, bb, x.Pairs})
					}
				}
			}
			for _, x := range n.Bridges {
				a, bb := sortedIDs(x.SideA), sortedIDs(x.SideB)
				gotBridges = append(gotBridges, bridge{x.Across, x.Node.ID, a, bb, x.Pairs})
			}
			assert.Equal(t, wantBridges, gotBridges)

			// Every rendering has the part, with the first broker's sentence.
			tables := briefing.Tables(b, briefing.PartNetwork)
			require.Len(t, tables, 1)
			assert.Len(t, tables[0].Rows, len(n.Brokers)+len(n.IsolatedProjects)+len(n.Bridges))
			for _, f := range []export.Format{export.FormatMarkdown, export.FormatHTML, export.FormatCSVRFC4180, export.FormatJSON, export.FormatXLSX, export.FormatPDF} {
				var buf bytes.Buffer
				r := &export.Request{Subject: export.SubjectBriefing, Scope: briefing.Scope{Territory: c.territory, Lang: c.lang, Today: today}, Format: f}
				require.NoError(t, r.Write(context.Background(), db, &buf), f)
				switch f {
				case export.FormatMarkdown, export.FormatHTML:
					assert.Contains(t, buf.String(), tables[0].Title, f)
					assert.Contains(t, buf.String(), n.Brokers[0].Name, f)
				case export.FormatJSON:
					var got struct{ Network briefing.Network }
					require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
					assert.Equal(t, n, got.Network)
				default:
					assert.Positive(t, buf.Len(), f)
				}
			}
		})
	}
}

// A territory too large to analyse: the part says so in one line, the rest
// of the briefing stands.
func TestNetworkRefusedIsOneLine(t *testing.T) {
	b := &briefing.Briefing{Lang: buurtnet.NL, Territory: briefing.Ref{ID: "territory:x", Name: "X"},
		Network: briefing.Network{Refused: "the network in scope is too large to analyse in one request"}}
	tables := briefing.Tables(b, briefing.PartNetwork)
	require.Len(t, tables[0].Rows, 1)
	var buf bytes.Buffer
	require.NoError(t, briefing.WriteMarkdown(&buf, b, tables))
	assert.Contains(t, buf.String(), "| Dit gebied is te groot voor een netwerkanalyse |  |  | the network in scope is too large to analyse in one request |")
}
