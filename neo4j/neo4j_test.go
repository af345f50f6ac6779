package neo4j_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/neo4j"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/storetest"
)

// The tests need a real Neo4j 5: NEO4J_URI (with NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE when set), as scripts/test and CI provide.
// Community Edition has one user database, so a store is emptied before it
// is handed out, and a test that needs two stores at once (storetest does)
// gets a second throw-away server from the launcher in neo4j-dev/. These
// tests must not run in parallel with each other.
//
// NEO4J_URI must name a throw-away database: the tests delete everything
// in it (but its schema).

func TestMain(m *testing.M) {
	warnings := neo4j.Warnings()
	code := m.Run()
	pool.close()
	// The server warns about deprecated syntax before it drops it: the
	// store's statements must draw no warning at all.
	if ws := warnings(); len(ws) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: the server warned about %d statement(s):\n", len(ws))
		for _, w := range ws {
			fmt.Fprintln(os.Stderr, "  "+w)
		}
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// envConfig returns the server of NEO4J_URI, or skips the test (fails it in
// CI) when there is none.
func envConfig(tb testing.TB) neo4j.Config {
	tb.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("NEO4J_URI is not set: CI requires a real Neo4j")
		}
		tb.Skip("NEO4J_URI not set; the Neo4j tests run in scripts/test and in CI")
	}
	return neo4j.Config{
		URI:      uri,
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// ----------------------------------------------------------------- stores

// slot is one server the tests may use, and whether a store on it is open.
type slot struct {
	cfg  neo4j.Config
	dev  *devServer // nil for the server of NEO4J_URI
	busy bool
}

// serverPool holds the servers the tests use.
type serverPool struct {
	sync.Mutex
	slots []*slot
}

var pool serverPool

func (s *slot) String() string { return s.cfg.URI }

// close stops the servers the tests started.
func (p *serverPool) close() {
	p.Lock()
	defer p.Unlock()
	for _, s := range p.slots {
		if s.dev != nil {
			s.dev.stop()
			os.RemoveAll(s.dev.dir)
		}
	}
	p.slots = nil
}

// openStore returns an empty store, closed at the end of the test. The
// first store is on the server of NEO4J_URI; while it is open, the next
// gets a server of its own.
func openStore(t testing.TB) *neo4j.DB {
	t.Helper()
	cfg := envConfig(t)
	pool.Lock()
	if len(pool.slots) == 0 {
		pool.slots = append(pool.slots, &slot{cfg: cfg})
	}
	var s *slot
	for _, x := range pool.slots {
		if !x.busy {
			s = x
			break
		}
	}
	if s == nil {
		dev, err := startDevServer(t, 0, "", false)
		if err != nil {
			pool.Unlock()
			skipOrFail(t, err, "this test needs a second, empty Neo4j while the first is in use")
		}
		s = &slot{cfg: neo4j.Config{URI: dev.uri}, dev: dev}
		pool.slots = append(pool.slots, s)
	}
	s.busy = true
	pool.Unlock()

	db, err := neo4j.Open(context.Background(), s.cfg)
	if err != nil {
		release(s)
		t.Fatalf("open %s: %v", s, err)
	}
	t.Cleanup(func() {
		db.Close()
		release(s)
	})
	require.NoError(t, db.Wipe(context.Background()), "empty the database")
	return db
}

func release(s *slot) {
	pool.Lock()
	s.busy = false
	pool.Unlock()
}

// skipOrFail skips the test for a server that cannot be started here
// because Java is missing, or fails it (always in CI).
func skipOrFail(tb testing.TB, err error, why string) {
	tb.Helper()
	if errors.Is(err, errNoJava) && os.Getenv("CI") != "true" {
		tb.Skipf("%s, and none can be started here: %v", why, err)
	}
	tb.Fatalf("%s: %v", why, err)
}

func TestStore(t *testing.T) {
	envConfig(t)
	storetest.Run(t, func(t *testing.T) buurtnet.Store { return openStore(t) })
}

// ------------------------------------------------------ the same answers

// Both stores, loaded with the same network, must give the same answers to
// every question and hold the same graph.
func TestSameAnswersAsSQLite(t *testing.T) {
	envConfig(t)
	for _, tc := range []struct {
		name string
		read func(t *testing.T) *buurtnet.Network
	}{
		{"Demo", func(t *testing.T) *buurtnet.Network {
			n, err := demo.Network()
			require.NoError(t, err)
			return n
		}},
		{"Fixture", func(t *testing.T) *buurtnet.Network { return storetest.Fixture(t) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			lite := openSQLite(t)
			graph := openStore(t)
			rl, err := lite.Apply(ctx, tc.read(t), buurtnet.ApplyOptions{})
			require.NoError(t, err)
			rg, err := graph.Apply(ctx, tc.read(t), buurtnet.ApplyOptions{})
			require.NoError(t, err)
			require.Equal(t, rl, rg, "Apply reports")

			t.Run("Answers", func(t *testing.T) {
				want := storetest.Answers(t, lite)
				require.NotEmpty(t, want)
				require.Equal(t, want, storetest.Answers(t, graph))
			})
			t.Run("Snapshot", func(t *testing.T) {
				want, err := lite.Snapshot(ctx)
				require.NoError(t, err)
				got, err := graph.Snapshot(ctx)
				require.NoError(t, err)
				require.Equal(t, unstamped(t, want), unstamped(t, got))
			})
			t.Run("Find", func(t *testing.T) {
				n, err := lite.Snapshot(ctx)
				require.NoError(t, err)
				filters := findFilters(n)
				for _, f := range filters {
					wn, wt, werr := lite.Find(ctx, f)
					gn, gt, gerr := graph.Find(ctx, f)
					require.Equal(t, buurtnet.ErrorCode(werr), buurtnet.ErrorCode(gerr), "%+v: %v / %v", f, werr, gerr)
					require.Equal(t, buurtnet.ErrorField(werr), buurtnet.ErrorField(gerr), "%+v", f)
					require.Equal(t, nodeIDs(wn), nodeIDs(gn), "%+v", f)
					require.Equal(t, wt, gt, "total of %+v", f)
				}
				t.Logf("%d filters", len(filters))
			})
			t.Run("Links", func(t *testing.T) {
				n, err := lite.Snapshot(ctx)
				require.NoError(t, err)
				for _, q := range linkQueries(n) {
					want, err := lite.Links(ctx, q)
					require.NoError(t, err)
					got, err := graph.Links(ctx, q)
					require.NoError(t, err)
					require.Equal(t, linkKeys(want), linkKeys(got), "%+v", q)
				}
			})
			t.Run("Profiles", func(t *testing.T) {
				n, err := lite.Snapshot(ctx)
				require.NoError(t, err)
				var territories []string
				for _, tr := range n.Territories {
					territories = append(territories, tr.ID)
				}
				qs := []buurtnet.ProfileQuery{{All: true}, {Territories: territories}}
				for _, p := range n.Projects {
					qs = append(qs, buurtnet.ProfileQuery{IDs: []string{p.ID}})
				}
				for _, tr := range territories {
					qs = append(qs, buurtnet.ProfileQuery{Territories: []string{tr}})
				}
				for _, q := range qs {
					want, err := lite.Profiles(ctx, q)
					require.NoError(t, err)
					got, err := graph.Profiles(ctx, q)
					require.NoError(t, err)
					require.Equal(t, renderProfiles(t, want), renderProfiles(t, got), "%+v", q)
				}
			})
			// Last, as it writes: the same writes, good and bad, give the
			// same errors (code, field, message) and leave the same graph.
			t.Run("Writes", func(t *testing.T) {
				ctx := buurtnet.WithActor(ctx, buurtnet.Actor{Name: "redactie", Role: buurtnet.RoleEditor})
				for i, w := range writes() {
					werr := w.do(ctx, lite)
					gerr := w.do(ctx, graph)
					require.Equal(t, describe(werr), describe(gerr), "write %d: %s", i, w.name)
					t.Logf("%s: %s", w.name, describe(gerr))
				}
				want, err := lite.Snapshot(ctx)
				require.NoError(t, err)
				got, err := graph.Snapshot(ctx)
				require.NoError(t, err)
				require.Equal(t, unstamped(t, want), unstamped(t, got))
				// And the same audit log, entry by entry.
				require.Equal(t, auditLog(t, lite), auditLog(t, graph))
			})
			t.Run("Tokens", func(t *testing.T) {
				ctx := buurtnet.WithActor(ctx, buurtnet.Actor{Name: "beheer", Role: buurtnet.RoleAdmin})
				var outs [][]string
				for _, s := range []buurtnet.AccessStore{lite, graph} {
					var out []string
					tok, secret, err := buurtnet.NewToken("redactie", buurtnet.RoleEditor)
					require.NoError(t, err)
					tok.ID = "token:vast" // the same in both stores
					out = append(out, describe(s.CreateToken(ctx, tok)))
					again := *tok
					out = append(out, describe(s.CreateToken(ctx, &again)))
					found, err := s.TokenByHash(ctx, buurtnet.HashSecret(secret))
					out = append(out, describe(err), found.ID, found.Name, string(found.Role))
					_, err = s.TokenByHash(ctx, buurtnet.HashSecret("bnt_other"))
					out = append(out, describe(err))
					out = append(out, describe(s.RevokeToken(ctx, tok.ID)), describe(s.RevokeToken(ctx, tok.ID)))
					_, err = s.TokenByHash(ctx, tok.Hash)
					out = append(out, describe(err))
					all, err := s.Tokens(ctx)
					require.NoError(t, err)
					require.Len(t, all, 1)
					require.NotNil(t, all[0].RevokedAt)
					out = append(out, all[0].ID)
					log, err := s.AuditLog(ctx, buurtnet.AuditFilter{Actor: "beheer"})
					require.NoError(t, err)
					for _, e := range log {
						out = append(out, e.Actor+" "+e.Action+" "+e.Subject)
					}
					outs = append(outs, out)
				}
				// The second CreateToken reuses the id: the interface says
				// CONFLICT; the SQLite store lets the primary key's error
				// through as INTERNAL (reported), so that line is checked
				// on its own.
				assert.Equal(t, `CONFLICT id: there is already a token with id "token:vast"`, outs[1][1])
				outs[0][1], outs[1][1] = "", ""
				assert.Equal(t, outs[0], outs[1])
			})
		})
	}
}

// auditLog renders a store's whole audit log, newest first.
func auditLog(t *testing.T, s buurtnet.AccessStore) []string {
	t.Helper()
	log, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{Limit: 1 << 20})
	require.NoError(t, err)
	out := []string{}
	for i, e := range log {
		if i > 0 && e.ID >= log[i-1].ID {
			t.Fatalf("audit log not newest first: %d after %d", e.ID, log[i-1].ID)
		}
		out = append(out, e.Actor+" "+e.Action+" "+e.Subject)
	}
	return out
}

// describe is what a caller can see of an error: code, field, message.
func describe(err error) string {
	var r report
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &r):
		return string(r)
	}
	return buurtnet.ErrorCode(err) + " " + buurtnet.ErrorField(err) + ": " + buurtnet.ErrorMessage(err)
}

// report is the report of an Apply, as text to compare.
type report string

func (r report) Error() string { return string(r) }

// writeOp is one write of the Writes comparison.
type writeOp struct {
	name string
	do   func(context.Context, buurtnet.Store) error
}

// writes are changes, most of them refused, to a store holding the fixture
// or the demo network (the ids they use exist in one or neither).
func writes() []writeOp {
	org := func(id, number string) *buurtnet.Organisation {
		return &buurtnet.Organisation{ID: id, Name: buurtnet.Text{NL: "Org " + id}, EnterpriseNumber: number}
	}
	node := func(name string, n func() buurtnet.Node) writeOp {
		return writeOp{name, func(ctx context.Context, s buurtnet.Store) error { return s.CreateNode(ctx, n()) }}
	}
	link := func(name string, kind buurtnet.LinkKind, from, to string, set func(*buurtnet.Link)) writeOp {
		return writeOp{name, func(ctx context.Context, s buurtnet.Store) error {
			l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
			if set != nil {
				set(l)
			}
			return s.CreateLink(ctx, l)
		}}
	}
	update := func(name, id string, change func(buurtnet.Node) error) writeOp {
		return writeOp{name, func(ctx context.Context, s buurtnet.Store) error {
			_, err := s.UpdateNode(ctx, id, change)
			return err
		}}
	}
	updateLink := func(name string, kind buurtnet.LinkKind, from, to string, u buurtnet.LinkUpdate) writeOp {
		return writeOp{name, func(ctx context.Context, s buurtnet.Store) error {
			_, err := s.UpdateLink(ctx, buurtnet.LinkKey{Kind: kind, From: from, To: to}, u)
			return err
		}}
	}
	apply := func(name string, dry bool, n func() *buurtnet.Network) writeOp {
		return writeOp{name, func(ctx context.Context, s buurtnet.Store) error {
			r, err := s.Apply(ctx, n(), buurtnet.ApplyOptions{DryRun: dry})
			if err == nil && r != nil {
				return report(fmt.Sprintf("report %v %v %d", r.Created, r.Updated, r.Unchanged))
			}
			return err
		}}
	}
	note := "bijgewerkt"
	return []writeOp{
		node("new org", func() buurtnet.Node { return org("org:nieuw", "0234.567.873") }),
		node("same id and number", func() buurtnet.Node { return org("org:nieuw", "0234.567.873") }),
		node("same id", func() buurtnet.Node { return org("org:nieuw", "") }),
		node("same number", func() buurtnet.Node { return org("org:tweede", "BE0234567873") }),
		node("fixture's number", func() buurtnet.Node { return org("org:derde", "0123.456.749") }),
		node("bad number", func() buurtnet.Node { return org("org:vierde", "0123.456.789") }),
		node("no name", func() buurtnet.Node { return &buurtnet.Project{ID: "project:leeg"} }),
		node("theme", func() buurtnet.Node {
			return &buurtnet.Term{ID: "theme:nieuw", Kind: buurtnet.KindTheme, Name: buurtnet.Text{FR: " Nouveau "}}
		}),
		node("territory", func() buurtnet.Node {
			return &buurtnet.Territory{ID: "territory:nieuw", Name: buurtnet.Text{NL: "Nieuw"}, Kind: buurtnet.TerritoryStreet}
		}),
		node("territory 2", func() buurtnet.Node {
			return &buurtnet.Territory{ID: "territory:nieuw-2", Name: buurtnet.Text{NL: "Nieuw 2"}, Kind: buurtnet.TerritorySite}
		}),
		node("project", func() buurtnet.Node {
			return &buurtnet.Project{ID: "project:nieuw", Name: buurtnet.Text{NL: "Nieuw"}, Status: buurtnet.StatusPilot}
		}),
		update("take a number", "org:nieuw", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).EnterpriseNumber = "0123456749"
			return nil
		}),
		update("keep its number", "org:nieuw", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).Website = "https://nieuw.example"
			return nil
		}),
		update("drop its number", "org:nieuw", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).EnterpriseNumber = ""
			return nil
		}),
		update("change the id", "project:nieuw", func(n buurtnet.Node) error {
			n.(*buurtnet.Project).ID = "project:anders"
			return nil
		}),
		update("invalid", "project:nieuw", func(n buurtnet.Node) error {
			n.(*buurtnet.Project).Status = "BUSY"
			return nil
		}),
		update("change refuses", "project:nieuw", func(buurtnet.Node) error {
			return buurtnet.FieldError(buurtnet.EINVALID, "x", "no")
		}),
		update("unknown", "project:nergens", func(buurtnet.Node) error { return nil }),
		link("part of", buurtnet.LinkPartOf, "territory:nieuw", "territory:nieuw-2", nil),
		link("cycle", buurtnet.LinkPartOf, "territory:nieuw-2", "territory:nieuw", nil),
		link("self", buurtnet.LinkPartOf, "territory:nieuw", "territory:nieuw", nil),
		link("again", buurtnet.LinkPartOf, "territory:nieuw", "territory:nieuw-2", nil),
		link("overlaps", buurtnet.LinkOverlaps, "territory:nieuw-2", "territory:nieuw", nil),
		link("overlaps reversed", buurtnet.LinkOverlaps, "territory:nieuw", "territory:nieuw-2", nil),
		link("missing from", buurtnet.LinkActiveIn, "project:nergens", "territory:nieuw", nil),
		link("missing to", buurtnet.LinkActiveIn, "project:nieuw", "territory:nergens", nil),
		link("wrong kind", buurtnet.LinkActiveIn, "project:nieuw", "org:nieuw", nil),
		link("unknown kind", "KNOWS", "project:nieuw", "territory:nieuw", nil),
		link("active in", buurtnet.LinkActiveIn, "project:nieuw", "territory:nieuw", func(l *buurtnet.Link) { l.Coverage = buurtnet.CoveragePart }),
		link("role not allowed", buurtnet.LinkActiveIn, "project:nieuw", "territory:nieuw-2", func(l *buurtnet.Link) { l.Role = buurtnet.RolePartner }),
		link("participates", buurtnet.LinkParticipatesIn, "org:nieuw", "project:nieuw", nil),
		updateLink("update", buurtnet.LinkParticipatesIn, "org:nieuw", "project:nieuw", buurtnet.LinkUpdate{Note: &note}),
		updateLink("update invalid", buurtnet.LinkParticipatesIn, "org:nieuw", "project:nieuw", buurtnet.LinkUpdate{Coverage: ptr(buurtnet.CoverageWhole)}),
		updateLink("update missing", buurtnet.LinkFunds, "funder:nergens", "project:nieuw", buurtnet.LinkUpdate{Note: &note}),
		updateLink("update unknown kind", "KNOWS", "a", "b", buurtnet.LinkUpdate{Note: &note}),
		updateLink("update reversed", buurtnet.LinkOverlaps, "territory:nieuw", "territory:nieuw-2", buurtnet.LinkUpdate{Note: &note}),
		{"delete link", func(ctx context.Context, s buurtnet.Store) error {
			return s.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: "territory:nieuw", To: "territory:nieuw-2"})
		}},
		{"delete link again", func(ctx context.Context, s buurtnet.Store) error {
			return s.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: "territory:nieuw", To: "territory:nieuw-2"})
		}},
		{"delete link of unknown kind", func(ctx context.Context, s buurtnet.Store) error {
			return s.DeleteLink(ctx, buurtnet.LinkKey{Kind: "KNOWS", From: "a", To: "b"})
		}},
		{"delete node", func(ctx context.Context, s buurtnet.Store) error { return s.DeleteNode(ctx, "territory:nieuw-2") }},
		{"delete node again", func(ctx context.Context, s buurtnet.Store) error { return s.DeleteNode(ctx, "territory:nieuw-2") }},
		apply("apply nothing", false, func() *buurtnet.Network { return &buurtnet.Network{} }),
		apply("apply remapped", true, func() *buurtnet.Network {
			return &buurtnet.Network{
				Organisations: []*buurtnet.Organisation{org("org:other-id", "0123.456.749")},
				Links:         []*buurtnet.Link{{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:other-id", To: "project:nieuw"}}},
			}
		}),
		apply("apply remapped twice", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:x1", "0123.456.749"), org("org:x2", "0123456749")}}
		}),
		apply("apply two new with one number", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:y1", "0345.678.997"), org("org:y2", "0345678997")}}
		}),
		apply("apply link made duplicate by the remapping", false, func() *buurtnet.Network {
			return &buurtnet.Network{
				Organisations: []*buurtnet.Organisation{org("org:z1", "0123.456.749")},
				Links: []*buurtnet.Link{
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:z1", To: "territory:nieuw"}},
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:de-brug", To: "territory:nieuw"}},
				},
			}
		}),
		apply("apply cycle in the file", false, func() *buurtnet.Network {
			return &buurtnet.Network{
				Territories: []*buurtnet.Territory{{ID: "territory:c1", Name: buurtnet.Text{NL: "C1"}, Kind: buurtnet.TerritorySite}, {ID: "territory:c2", Name: buurtnet.Text{NL: "C2"}, Kind: buurtnet.TerritorySite}},
				Links: []*buurtnet.Link{
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:c1", To: "territory:c2"}},
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:c2", To: "territory:c1"}},
				},
			}
		}),
		apply("apply unknown end", false, func() *buurtnet.Network {
			return &buurtnet.Network{Links: []*buurtnet.Link{{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:nieuw", To: "territory:nergens"}}}}
		}),
		apply("apply number taken", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:nieuw", "0234.567.873")}}
		}),
		apply("apply number taken twice", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:nieuw", "0234.567.873"), org("org:neemt", "0234.567.873")}}
		}),
		apply("apply number given up, then taken", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:nieuw", "0456.789.034"), org("org:neemt", "0234.567.873")}}
		}),
		apply("apply number taken, then given up", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:neemt-2", "0456.789.034"), org("org:nieuw", "0567.890.161")}}
		}),
		apply("apply numbers swapped", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:nieuw", "0234.567.873"), org("org:neemt", "0456.789.034")}}
		}),
		apply("apply number taken before it is given up", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:neemt-2", "0234.567.873"), org("org:nieuw", "0567.890.161")}}
		}),
		apply("apply number given up, then taken by another stored one", false, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:nieuw", "0567.890.161"), org("org:neemt-2", "0234.567.873")}}
		}),
		apply("apply dry run", true, func() *buurtnet.Network {
			return &buurtnet.Network{
				Organisations: []*buurtnet.Organisation{org("org:droog", "0678.901.218")},
				Links:         []*buurtnet.Link{{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:droog", To: "territory:nieuw"}}},
			}
		}),
		apply("apply dry run refused", true, func() *buurtnet.Network {
			return &buurtnet.Network{Organisations: []*buurtnet.Organisation{org("org:droog", "0678.901.218"), org("org:droog-2", "0678.901.218")}}
		}),
		apply("apply updates", false, func() *buurtnet.Network {
			return &buurtnet.Network{
				Projects: []*buurtnet.Project{{ID: "project:nieuw", Name: buurtnet.Text{NL: "Nieuw", FR: "Nouveau"}}},
				Links: []*buurtnet.Link{
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:nieuw", To: "territory:nieuw"}},
					{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:nieuw", To: "project:nieuw"}, Role: buurtnet.RoleCoordinator},
				},
			}
		}),
	}
}

func ptr[T any](v T) *T { return &v }

func openSQLite(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "x.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// unstamped returns n, fresh from Snapshot, without its timestamps, which
// differ between two loads (the versions stay: they must agree).
func unstamped(t *testing.T, n *buurtnet.Network) *buurtnet.Network {
	t.Helper()
	for _, node := range n.Nodes() {
		buurtnet.SetStamp(node, buurtnet.Stamp{Version: buurtnet.Timestamps(node).Version})
	}
	for _, l := range n.Links {
		l.Stamp = buurtnet.Stamp{Version: l.Version}
	}
	return n
}

func renderProfiles(t *testing.T, ps []*buurtnet.ProjectProfile) string {
	t.Helper()
	var b strings.Builder
	keys := func(ls []*buurtnet.Link) string {
		return strings.Join(linkKeys(ls), "; ")
	}
	for _, p := range ps {
		fmt.Fprintf(&b, "%s\n  at %s\n  with %s\n  funded %s\n  %v %v %v %v\n", p.Project.ID,
			keys(p.Territories), keys(p.Participants), keys(p.Fundings), p.Themes, p.TargetGroups, p.Functions, p.Collaborators)
	}
	return b.String()
}

func nodeIDs(ns []buurtnet.Node) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.NodeID())
	}
	return out
}

func linkKeys(ls []*buurtnet.Link) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s %s %s", l.Kind, l.From, l.To))
	}
	return out
}

// findFilters returns filters over what n holds: every field with every
// value it has (and a few it has not) for every kind, every order both
// ways in every language, pages, and filters the kind refuses.
func findFilters(n *buurtnet.Network) []buurtnet.NodeFilter {
	var out []buurtnet.NodeFilter
	add := func(f buurtnet.NodeFilter) { out = append(out, f) }
	ids := map[buurtnet.Kind][]string{}
	for _, node := range n.Nodes() {
		ids[node.NodeKind()] = append(ids[node.NodeKind()], node.NodeID())
	}
	var numbers []string
	for _, o := range n.Organisations {
		if o.EnterpriseNumber != "" {
			numbers = append(numbers, o.EnterpriseNumber, strings.ReplaceAll(o.EnterpriseNumber, ".", ""))
		}
	}
	days := []string{"2015-06-01", "2019-09-01", "2020-01-01", "2021-12-31", "2022-01-01", "2024-03-01", "2030-01-01"}
	searches := []string{"a", "wijk", "sint", "SOCIÉTÉ", "eglise", "zorg", "'", "-", "%", "_", " ", "brussel", "xyz"}

	for _, k := range buurtnet.Kinds {
		add(buurtnet.NodeFilter{Kind: k})
		for _, s := range searches {
			add(buurtnet.NodeFilter{Kind: k, Search: s})
		}
		for _, order := range []buurtnet.OrderField{"", buurtnet.OrderByName, buurtnet.OrderByCreatedAt, buurtnet.OrderByUpdatedAt, buurtnet.OrderByStart} {
			for _, lang := range []buurtnet.Lang{"", buurtnet.NL, buurtnet.FR, buurtnet.EN} {
				for _, desc := range []bool{false, true} {
					add(buurtnet.NodeFilter{Kind: k, OrderBy: order, Lang: lang, Desc: desc})
				}
			}
		}
		for _, page := range [][2]int{{0, 1}, {1, 2}, {3, 0}, {2, 5}, {100, 3}, {-1, 0}, {0, -1}} {
			add(buurtnet.NodeFilter{Kind: k, Offset: page[0], Limit: page[1]})
			add(buurtnet.NodeFilter{Kind: k, Offset: page[0], Limit: page[1], Desc: true, Search: "e"})
		}
		refs := []struct {
			kind buurtnet.Kind
			set  func(*buurtnet.NodeFilter, string)
		}{
			{buurtnet.KindTerritory, func(f *buurtnet.NodeFilter, id string) { f.Territory = id }},
			{buurtnet.KindTheme, func(f *buurtnet.NodeFilter, id string) { f.Theme = id }},
			{buurtnet.KindTargetGroup, func(f *buurtnet.NodeFilter, id string) { f.TargetGroup = id }},
			{buurtnet.KindFunction, func(f *buurtnet.NodeFilter, id string) { f.Function = id }},
			{buurtnet.KindFunder, func(f *buurtnet.NodeFilter, id string) { f.Funder = id }},
			{buurtnet.KindOrganisation, func(f *buurtnet.NodeFilter, id string) { f.Organisation = id }},
			{buurtnet.KindProject, func(f *buurtnet.NodeFilter, id string) { f.Project = id }},
		}
		for _, r := range refs {
			for _, id := range append(slices.Clone(ids[r.kind]), string(r.kind)+":unknown", "bad id") {
				f := buurtnet.NodeFilter{Kind: k}
				r.set(&f, id)
				add(f)
			}
		}
		for _, st := range append(slices.Clone(buurtnet.ProjectStatuses), "") {
			add(buurtnet.NodeFilter{Kind: k, Status: []buurtnet.ProjectStatus{st}})
		}
		add(buurtnet.NodeFilter{Kind: k, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusEnded}})
		for _, d := range days {
			day, _ := buurtnet.ParseDate(d)
			add(buurtnet.NodeFilter{Kind: k, ActiveOn: day})
			add(buurtnet.NodeFilter{Kind: k, ActiveOn: day, OrderBy: buurtnet.OrderByStart, Desc: true})
		}
		for _, lc := range buurtnet.LanguageCommunities {
			add(buurtnet.NodeFilter{Kind: k, LanguageCommunity: lc})
		}
		for _, s := range buurtnet.Sectors {
			add(buurtnet.NodeFilter{Kind: k, Sector: s})
		}
		for _, tk := range buurtnet.TerritoryKinds {
			add(buurtnet.NodeFilter{Kind: k, TerritoryKind: tk})
		}
		for _, l := range buurtnet.FunderLevels {
			add(buurtnet.NodeFilter{Kind: k, Level: l})
		}
		for _, fw := range buurtnet.Frameworks {
			add(buurtnet.NodeFilter{Kind: k, Framework: fw})
		}
		for _, en := range append(numbers, "0123.456.789") {
			add(buurtnet.NodeFilter{Kind: k, EnterpriseNumber: en})
		}
	}
	// Combinations.
	for _, tr := range ids[buurtnet.KindTerritory] {
		for _, d := range days[2:5] {
			day, _ := buurtnet.ParseDate(d)
			add(buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: tr, ActiveOn: day, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusImplementation}})
			add(buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: tr, ActiveOn: day, Search: "e", Limit: 3, Offset: 1})
		}
		for _, th := range ids[buurtnet.KindTheme] {
			add(buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: tr, Theme: th})
		}
	}
	for _, o := range ids[buurtnet.KindOrganisation] {
		add(buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Organisation: o, OrderBy: buurtnet.OrderByName, Lang: buurtnet.FR})
	}
	add(buurtnet.NodeFilter{Kind: "nothing"})
	return out
}

// linkQueries returns link queries over what n holds: every kind, every
// entity from either end, pairs, and an unknown kind.
func linkQueries(n *buurtnet.Network) []buurtnet.LinkQuery {
	qs := []buurtnet.LinkQuery{{}}
	for _, k := range buurtnet.LinkKinds {
		qs = append(qs, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{k}})
	}
	var all []string
	for _, node := range n.Nodes() {
		id := node.NodeID()
		all = append(all, id)
		qs = append(qs, buurtnet.LinkQuery{From: []string{id}}, buurtnet.LinkQuery{To: []string{id}},
			buurtnet.LinkQuery{Kinds: buurtnet.ProfileLinkKinds, From: []string{id}})
	}
	for i := 0; i+1 < len(all); i += 3 {
		qs = append(qs, buurtnet.LinkQuery{From: all[i : i+2], To: all[i:min(len(all), i+5)]})
	}
	for _, l := range n.Links {
		qs = append(qs, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{l.Kind}, From: []string{l.To}, To: []string{l.From}})
	}
	qs = append(qs, buurtnet.LinkQuery{From: all}, buurtnet.LinkQuery{To: all})
	return qs
}

// ------------------------------------------------------------ the schema

func TestSchema(t *testing.T) {
	db := openStore(t)
	ctx := t.Context()
	v, err := db.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, neo4j.LatestSchemaVersion, v)

	res, err := db.Driver().NewSession(ctx, neo4jSessionConfig(t)).Run(ctx, `SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names`, nil)
	require.NoError(t, err)
	rec, err := res.Single(ctx)
	require.NoError(t, err)
	raw, _ := rec.Get("names")
	var names []string
	for _, x := range raw.([]any) {
		names = append(names, x.(string))
	}
	for _, want := range []string{"node_id", "organisation_enterprise_number", "lock_name"} {
		assert.Contains(t, names, want)
	}
	// Every kind of link has its key constraint: a new kind needs a migration.
	for _, k := range buurtnet.LinkKinds {
		assert.Contains(t, names, "link_"+strings.ToLower(string(k))+"_key")
	}

	// Opening again finds nothing to do.
	again, err := neo4j.Open(ctx, envConfig(t))
	require.NoError(t, err)
	defer again.Close()
	v, err = again.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, neo4j.LatestSchemaVersion, v)
}

// The store also works through the routing scheme.
func TestRoutingScheme(t *testing.T) {
	cfg := envConfig(t)
	if !strings.HasPrefix(cfg.URI, "bolt://") {
		t.Skip("the server is not given by a bolt:// URI")
	}
	openStore(t) // empties it
	cfg.URI = "neo4j://" + strings.TrimPrefix(cfg.URI, "bolt://")
	db, err := neo4j.Open(t.Context(), cfg)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.Ping(t.Context()))
	require.NoError(t, db.CreateNode(t.Context(), &buurtnet.Term{ID: "theme:routed", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Gerouteerd"}}))
	ns, err := db.Nodes(t.Context(), []string{"theme:routed"})
	require.NoError(t, err)
	require.Len(t, ns, 1)
}

// A cancelled context surfaces as itself, so callers can tell it from a
// failure of the store.
func TestCancelledContext(t *testing.T) {
	db := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject})
	assert.ErrorIs(t, err, context.Canceled)
	err = db.CreateNode(ctx, &buurtnet.Term{ID: "theme:new", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Nieuw"}})
	assert.ErrorIs(t, err, context.Canceled)
}

// A closed store answers UNAVAILABLE.
func TestClosed(t *testing.T) {
	db, err := neo4j.Open(t.Context(), envConfig(t))
	require.NoError(t, err)
	require.NoError(t, db.Close())
	err = db.Ping(t.Context())
	assert.Equal(t, buurtnet.EUNAVAILABLE, buurtnet.ErrorCode(err), "%v", err)
}

// Open names the server it cannot reach, and reads as UNAVAILABLE.
func TestOpenUnreachable(t *testing.T) {
	port := freePort(t)
	uri := fmt.Sprintf("bolt://127.0.0.1:%d", port)
	start := time.Now()
	_, err := neo4j.Open(t.Context(), neo4j.Config{URI: uri, ConnectTimeout: time.Second, AcquireTimeout: 2 * time.Second})
	require.Error(t, err)
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Contains(t, err.Error(), "cannot reach Neo4j at "+uri+": ")
	assert.Equal(t, buurtnet.EUNAVAILABLE, buurtnet.ErrorCode(err))

	_, err = neo4j.Open(t.Context(), neo4j.Config{URI: "http://127.0.0.1:1"})
	assert.Error(t, err, "not a Neo4j scheme")
}

// Writes that race each other keep the rules SQLite keeps by running one
// write at a time: one entity per id and per enterprise number, one link per
// key, and no cycle of PART_OF made of two halves added at once.
func TestConcurrentWrites(t *testing.T) {
	db := openStore(t)
	ctx := t.Context()
	const n = 8
	race := func(t *testing.T, do func(i int) error) (ok int) {
		t.Helper()
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = do(i)
			}()
		}
		close(start)
		wg.Wait()
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				assert.Equal(t, buurtnet.ECONFLICT, buurtnet.ErrorCode(err), "%v", err)
			}
		}
		return ok
	}

	t.Run("SameID", func(t *testing.T) {
		ok := race(t, func(int) error {
			return db.CreateNode(ctx, &buurtnet.Territory{ID: "territory:a", Name: buurtnet.Text{NL: "A"}, Kind: buurtnet.TerritorySite})
		})
		assert.Equal(t, 1, ok)
	})
	t.Run("SameEnterpriseNumber", func(t *testing.T) {
		ok := race(t, func(i int) error {
			return db.CreateNode(ctx, &buurtnet.Organisation{ID: fmt.Sprintf("org:o%d", i), Name: buurtnet.Text{NL: "O"}, EnterpriseNumber: "0123.456.749"})
		})
		assert.Equal(t, 1, ok)
		_, total, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: "0123.456.749"})
		require.NoError(t, err)
		assert.Equal(t, 1, total)
	})
	require.NoError(t, db.CreateNode(ctx, &buurtnet.Territory{ID: "territory:b", Name: buurtnet.Text{NL: "B"}, Kind: buurtnet.TerritorySite}))
	t.Run("SameLink", func(t *testing.T) {
		ok := race(t, func(i int) error {
			from, to := "territory:a", "territory:b"
			if i%2 == 1 {
				from, to = to, from // the same symmetric link
			}
			return db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: from, To: to}})
		})
		assert.Equal(t, 1, ok)
		ls, err := db.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkOverlaps}})
		require.NoError(t, err)
		assert.Len(t, ls, 1)
	})
	t.Run("HalvesOfACycle", func(t *testing.T) {
		ok := race(t, func(i int) error {
			from, to := "territory:a", "territory:b"
			if i%2 == 1 {
				from, to = to, from
			}
			return db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: from, To: to}})
		})
		assert.Equal(t, 1, ok)
		ls, err := db.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkPartOf}})
		require.NoError(t, err)
		assert.Len(t, ls, 1)
	})
}

// ------------------------------------------------------------ the outage

// When the server goes away, calls fail with UNAVAILABLE within a bounded
// time, without a panic, and the same store works again once the server is
// back on the same address. A real server is killed (SIGKILL) in the middle
// of a stream of writes and started again on its store.
func TestOutageAndRecovery(t *testing.T) {
	envConfig(t)
	port := freePort(t)
	dir := t.TempDir()
	srv, err := startDevServer(t, port, dir, true)
	if err != nil {
		skipOrFail(t, err, "the outage test starts a Neo4j of its own")
	}
	t.Cleanup(func() { srv.stop() })

	cfg := neo4j.Config{URI: srv.uri, ConnectTimeout: time.Second, AcquireTimeout: 2 * time.Second, RetryTime: time.Second}
	db, err := neo4j.Open(t.Context(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	storetest.Load(t, db, storetest.Fixture(t))

	// The service over this store, as a front-end sees it: an editor writes
	// through GraphQL.
	tok, secret, err := buurtnet.NewToken("outage test", buurtnet.RoleEditor)
	require.NoError(t, err)
	require.NoError(t, db.CreateToken(t.Context(), tok))
	api := httptest.NewServer(server.NewHandler(server.Config{Store: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(api.Close)
	mutate := func(t *testing.T, id string) (data, code string) {
		t.Helper()
		body := fmt.Sprintf(`{"query":"mutation { createTheme(input: {id: \"%s\", name: {nl: \"Via GraphQL\"}}) { id } }"}`, id)
		req, err := http.NewRequest(http.MethodPost, api.URL+"/query", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var r struct {
			Data   *struct{ CreateTheme *struct{ ID string } }
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
		if len(r.Errors) > 0 {
			assert.NotContains(t, r.Errors[0].Message, "MATCH", "no Cypher in client errors")
			return "", fmt.Sprint(r.Errors[0].Extensions["code"])
		}
		require.NotNil(t, r.Data)
		return r.Data.CreateTheme.ID, ""
	}
	id, code := mutate(t, "theme:graphql-before")
	require.Equal(t, "", code)
	require.Equal(t, "theme:graphql-before", id)

	// bound is how long a call may take to give up on an unreachable server:
	// the retry time, a connect timeout, the last back-off, and slack.
	const bound = 10 * time.Second
	unavailable := func(t *testing.T, what string, err error, took time.Duration) {
		t.Helper()
		require.Error(t, err, what)
		assert.Equal(t, buurtnet.EUNAVAILABLE, buurtnet.ErrorCode(err), "%s: %v", what, err)
		assert.Equal(t, "The graph database cannot be reached right now; try again shortly.", buurtnet.ErrorMessage(err), what)
		assert.Less(t, took, bound, "%s took too long to give up", what)
	}

	// A stream of writes, one at a time, as a busy service makes them.
	type write struct {
		id   string
		err  error
		took time.Duration
		at   time.Time
	}
	writes := make(chan write, 1024)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(writes)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := fmt.Sprintf("theme:outage-%04d", i)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			start := time.Now()
			err := db.CreateNode(ctx, &buurtnet.Term{ID: id, Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Storing " + strconv.Itoa(i)}})
			cancel()
			writes <- write{id, err, time.Since(start), time.Now()}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	t.Cleanup(func() {
		select {
		case <-stop:
		default:
			close(stop)
		}
		for range writes {
		}
		wg.Wait()
	})
	next := func(t *testing.T) write {
		t.Helper()
		select {
		case w := <-writes:
			return w
		case <-time.After(2 * bound):
			t.Fatal("the writer is stuck")
		}
		return write{}
	}

	var acknowledged []string
	for len(acknowledged) < 10 {
		w := next(t)
		require.NoError(t, w.err, "before the outage")
		acknowledged = append(acknowledged, w.id)
	}

	srv.kill()
	killed := time.Now()
	t.Logf("killed the server after %d writes", len(acknowledged))

	t.Run("WritesFail", func(t *testing.T) {
		failures := 0
		for failures < 2 {
			w := next(t)
			if w.err == nil {
				require.True(t, w.at.Before(killed.Add(time.Second)), "a write succeeded well after the kill")
				acknowledged = append(acknowledged, w.id) // committed just before
				continue
			}
			unavailable(t, "write "+w.id, w.err, w.took)
			t.Logf("write %s failed after %v: %v", w.id, w.took.Round(time.Millisecond), w.err)
			failures++
		}
	})

	t.Run("GraphQLMutationFailsCleanly", func(t *testing.T) {
		start := time.Now()
		_, code := mutate(t, "theme:graphql-during")
		assert.Equal(t, buurtnet.EUNAVAILABLE, code)
		assert.Less(t, time.Since(start), bound)
	})

	t.Run("EveryCallFails", func(t *testing.T) {
		calls := map[string]func(context.Context) error{
			"Ping": func(ctx context.Context) error { return db.Ping(ctx) },
			"Find": func(ctx context.Context) error {
				_, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject})
				return err
			},
			"Profiles": func(ctx context.Context) error {
				_, err := db.Profiles(ctx, buurtnet.ProfileQuery{All: true})
				return err
			},
			"Apply": func(ctx context.Context) error {
				_, err := db.Apply(ctx, storetest.Fixture(t), buurtnet.ApplyOptions{})
				return err
			},
			"UpdateNode": func(ctx context.Context) error {
				_, err := db.UpdateNode(ctx, "project:alfa", func(buurtnet.Node) error { return nil })
				return err
			},
		}
		// At once, as the requests of a busy service would.
		type outcome struct {
			err  error
			took time.Duration
		}
		outcomes := make(map[string]outcome, len(calls))
		var mu sync.Mutex
		var wg sync.WaitGroup
		for name, call := range calls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				start := time.Now()
				err := call(ctx)
				mu.Lock()
				outcomes[name] = outcome{err, time.Since(start)}
				mu.Unlock()
			}()
		}
		wg.Wait()
		for name, o := range outcomes {
			unavailable(t, name, o.err, o.took)
			t.Logf("%s failed after %v", name, o.took.Round(time.Millisecond))
		}
	})

	t.Run("DeadlineWhileConnecting", func(t *testing.T) {
		// A caller's deadline shorter than the retries: still UNAVAILABLE,
		// and the deadline is in the chain.
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := db.Nodes(ctx, []string{"project:alfa"})
		unavailable(t, "Nodes", err, time.Since(start))
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 3*time.Second, "the caller's deadline is kept")
	})

	t.Run("OpenFails", func(t *testing.T) {
		start := time.Now()
		_, err := neo4j.Open(t.Context(), cfg)
		unavailable(t, "Open", err, time.Since(start))
		assert.Contains(t, err.Error(), "cannot reach Neo4j at "+srv.uri)
	})

	// The server comes back on the same address, with its store.
	restarting := time.Now()
	srv2, err := startDevServer(t, port, dir, true)
	require.NoError(t, err, "restart the server")
	restarted := time.Now()
	t.Logf("server back after %v", restarted.Sub(restarting).Round(time.Millisecond))
	t.Cleanup(func() { srv2.stop() })
	require.Equal(t, srv.uri, srv2.uri)

	t.Run("Recovers", func(t *testing.T) {
		deadline := time.Now().Add(60 * time.Second)
		for {
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			err := db.Ping(ctx)
			cancel()
			if err == nil {
				t.Logf("Ping answers again %v after the restart", time.Since(restarted).Round(time.Millisecond))
				break
			}
			require.True(t, time.Now().Before(deadline), "the store does not recover: %v", err)
			time.Sleep(200 * time.Millisecond)
		}
		// The stream of writes goes on.
		for ok := 0; ok < 5; {
			w := next(t)
			if w.err == nil {
				if ok == 0 {
					t.Logf("writes succeed again %v after the restart", w.at.Sub(restarted).Round(time.Millisecond))
				}
				acknowledged = append(acknowledged, w.id)
				ok++
			}
		}
		close(stop)
		for w := range writes {
			if w.err == nil {
				acknowledged = append(acknowledged, w.id)
			}
		}
		wg.Wait()

		// Every write acknowledged, before the outage or after it, is there.
		ns, err := db.Nodes(t.Context(), acknowledged)
		require.NoError(t, err)
		assert.ElementsMatch(t, acknowledged, nodeIDs(ns))
		// And the rest of the store too.
		p, _, err := db.Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindProject})
		require.NoError(t, err)
		assert.Len(t, p, 9)
	})

	t.Run("GraphQLServesAgain", func(t *testing.T) {
		id, code := mutate(t, "theme:graphql-after")
		assert.Equal(t, "", code)
		assert.Equal(t, "theme:graphql-after", id)
	})
}

// freePort returns a loopback port nothing listens on (just now).
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

// ------------------------------------------------------ the dev servers

// errNoJava is a server that cannot be started here because Java 17 (or,
// for the first build, Maven) is missing.
var errNoJava = errors.New("java 17+ (and mvn for the first build) is needed to start a Neo4j")

// devServer is a throw-away Neo4j 5 Community started from neo4j-dev/ (see
// scripts/lib/neo4j.sh), on loopback, without authentication.
type devServer struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	dir    string
	uri    string
	exited chan struct{}
}

var launcher struct {
	once      sync.Once
	classpath string
	javaOpts  []string
	err       error
}

// launcherCommand builds the launcher if need be and returns its classpath
// and JVM options, as scripts/lib/neo4j.sh does.
func launcherCommand(tb testing.TB) (string, []string, error) {
	launcher.once.Do(func() {
		cmd := exec.Command("bash", "-c", `source scripts/lib/neo4j.sh || exit 1
			neo4j_build >&2 || exit $?
			neo4j_classpath
			printf '%s\n' "${NEO4J_DEV_JAVA_OPTS:-$NEO4J_DEV_DEFAULT_JAVA_OPTS}"`)
		cmd.Dir = storetest.RepoRoot(tb)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit) && exit.ExitCode() == 3:
			launcher.err = fmt.Errorf("%w: %s", errNoJava, strings.TrimSpace(stderr.String()))
		case err != nil:
			launcher.err = fmt.Errorf("build the Neo4j launcher: %v: %s", err, stderr.String())
		default:
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) != 2 {
				launcher.err = fmt.Errorf("unexpected launcher setup output %q", out)
				return
			}
			launcher.classpath, launcher.javaOpts = lines[0], strings.Fields(lines[1])
		}
	})
	return launcher.classpath, launcher.javaOpts, launcher.err
}

// startDevServer starts a server on port (0: any free one) working in dir
// (a new temporary folder when empty); with keepData its store stays in
// dir across restarts. It returns once Bolt is up.
func startDevServer(tb testing.TB, port int, dir string, keepData bool) (*devServer, error) {
	cp, opts, err := launcherCommand(tb)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		if dir, err = os.MkdirTemp("", "neo4j-dev-test."); err != nil {
			return nil, err
		}
	}
	uriFile := filepath.Join(dir, "uri")
	// A server killed before left its line behind: wait for the new one.
	if err := os.Remove(uriFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	args := append(slices.Clone(opts), "-cp", cp, "buurtnet.neo4jdev.Launcher",
		"--port", strconv.Itoa(port), "--dir", filepath.Join(dir, "work"), "--uri-file", uriFile, "--exit-on-stdin-eof")
	if keepData {
		args = append(args, "--keep-data")
	}
	logPath := filepath.Join(dir, "launcher.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	cmd := exec.Command("java", args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// The server stops when stdin closes: when this process ends, however.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start java: %w", err)
	}
	s := &devServer{cmd: cmd, stdin: stdin, dir: dir, exited: make(chan struct{})}
	go func() {
		cmd.Wait()
		close(s.exited)
	}()
	deadline := time.Now().Add(120 * time.Second)
	for {
		if b, err := os.ReadFile(uriFile); err == nil {
			if line := strings.TrimSpace(string(b)); strings.HasPrefix(line, "NEO4J_URI=") {
				s.uri = strings.TrimPrefix(line, "NEO4J_URI=")
				return s, nil
			}
		}
		select {
		case <-s.exited:
			log, _ := os.ReadFile(logPath)
			return nil, fmt.Errorf("Neo4j exited while starting: %s", tail(log))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			log, _ := os.ReadFile(logPath)
			return nil, fmt.Errorf("Neo4j not up after 120 s: %s", tail(log))
		}
	}
}

// kill stops the server the hard way, as a crash or a lost machine would.
func (s *devServer) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
	s.stdin.Close()
}

// stop shuts the server down cleanly (SIGKILL after 30 s).
func (s *devServer) stop() {
	select {
	case <-s.exited:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.kill()
	}
	s.stdin.Close()
}

func tail(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-15):], "\n")
}

// neo4jSessionConfig is a session on the configured database.
func neo4jSessionConfig(t *testing.T) driver.SessionConfig {
	return driver.SessionConfig{DatabaseName: envConfig(t).Database}
}
