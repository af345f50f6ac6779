// Package storetest is the behaviour every buurtnet.Store must show: one
// suite, run unchanged by the tests of each store (the embedded SQLite store,
// the Neo4j store). Two stores that pass it give the same answers to the same
// calls: the same entities and links, the same errors (code and field), the
// same order, the same overlaps, synergies, gaps and stakeholder maps.
//
// A store's test calls Run with a function that opens a fresh, empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) buurtnet.Store {
//			s := MustOpen(t) // empty, closed by t.Cleanup
//			return s
//		})
//	}
//
// The store must keep its own, advancing clock (a clock fixed by the test
// would make every "UpdatedAt advanced" check fail): the suite sleeps a few
// milliseconds between writes whose timestamps it compares, so timestamps
// must keep at least millisecond precision.
//
// Tests that only read share one loaded store per group (Find, Links,
// Profiles, the questions …); every test that writes opens its own.
//
// Where the Store interface leaves a choice open, the suite makes it (and
// marks it "Contract:" next to the test that pins it):
//
//   - Order of links (Links, Snapshot): kind as a string ("ACTIVE_IN" <
//     "ADDRESSES" < … < "PART_OF" < … < "WORKS_ON"), then from, then to.
//     Snapshot: entities by id within their section.
//   - Find sorts names by buurtnet.Fold(Names().In(lang)) — case and accents
//     ignored, a missing translation falls back as Text.In does — ties by id;
//     Desc reverses the whole order, ties included. Without OrderBy: NAME;
//     without Lang: nl. START: a project without a start sorts first (it has
//     run "since always"), last with Desc.
//   - Find: Search matches names and acronym only (not descriptions); "%" and
//     "_" are plain characters. A filter naming an id that does not exist
//     matches nothing (no error). Each entity is listed once.
//   - Nodes: unknown ids, ids of no known kind and repeats are left out
//     without an error; each stored entity comes back once.
//   - Profiles: an empty ProfileQuery selects nothing.
//   - Links: a kind of link that does not exist is EINVALID on "kinds".
//   - Error fields: CreateNode/UpdateNode ECONFLICT on "id" or
//     "enterpriseNumber"; UpdateNode/DeleteNode ENOTFOUND on "id"; a missing
//     end of a link ENOTFOUND on "from"/"to"; a duplicate link or a PART_OF
//     cycle ECONFLICT on "to"; UpdateLink/DeleteLink of a missing link
//     ENOTFOUND with no field. A second programme or a programme cycle
//     (PART_OF_PROGRAMME) ECONFLICT on "to". Apply names the entry, as
//     Network.Validate does: "project[project:x].period.end", "links[3]", "links[3].role",
//     "org[org:x].enterpriseNumber".
//   - Timestamps are the store's: a change function or a network cannot set
//     them. UpdateNode keeps CreatedAt; Apply creates what is new "now"
//     (CreatedAt = UpdatedAt), whatever stamps the network carries, and does
//     not touch the timestamps of what it leaves unchanged.
//   - Apply replaces an entity whole (a field the network leaves out is
//     cleared) and removes nothing it does not list. Its report lists entity
//     ids, and one entry per link that names its kind and both ends (the
//     format is the store's). An organisation matched by enterprise number is
//     reported, updated and linked under the stored id.
//   - A symmetric link's key may be given either way round to UpdateLink and
//     DeleteLink.
package storetest

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Opener returns a fresh, empty store for a test; it closes it with
// t.Cleanup.
type Opener = func(t *testing.T) buurtnet.Store

// Run runs the whole suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	t.Run("Ping", func(t *testing.T) {
		require.NoError(t, open(t).Ping(t.Context()))
	})
	t.Run("CreateNode", func(t *testing.T) { testCreateNode(t, open) })
	t.Run("UpdateNode", func(t *testing.T) { testUpdateNode(t, open) })
	t.Run("DeleteNode", func(t *testing.T) { testDeleteNode(t, open) })
	t.Run("Nodes", func(t *testing.T) { testNodes(t, open) })
	t.Run("CreateLink", func(t *testing.T) { testCreateLink(t, open) })
	t.Run("UpdateLink", func(t *testing.T) { testUpdateLink(t, open) })
	t.Run("DeleteLink", func(t *testing.T) { testDeleteLink(t, open) })
	t.Run("Links", func(t *testing.T) { testLinks(t, open) })
	t.Run("TerritoryGraph", func(t *testing.T) { testTerritoryGraph(t, open) })
	t.Run("Revision", func(t *testing.T) { testRevision(t, open) })
	t.Run("Profiles", func(t *testing.T) { testProfiles(t, open) })
	t.Run("Find", func(t *testing.T) { testFind(t, open) })
	t.Run("Apply", func(t *testing.T) { testApply(t, open) })
	t.Run("Snapshot", func(t *testing.T) { testSnapshot(t, open) })
	t.Run("Overlaps", func(t *testing.T) { testOverlaps(t, open) })
	t.Run("Synergies", func(t *testing.T) { testSynergies(t, open) })
	t.Run("Gaps", func(t *testing.T) { testGaps(t, open) })
	t.Run("TerritoryNeeds", func(t *testing.T) { testTerritoryNeeds(t, open) })
	t.Run("Roles", func(t *testing.T) { testRoles(t, open) })
	t.Run("StakeholderMap", func(t *testing.T) { testStakeholderMap(t, open) })
	t.Run("Programmes", func(t *testing.T) { testProgrammes(t, open) })
	t.Run("Demo", func(t *testing.T) { testDemo(t, open) })
	t.Run("Versions", func(t *testing.T) { testVersions(t, open) })
	t.Run("VersionGiven", func(t *testing.T) { testVersionGiven(t, open) })
	t.Run("PeriodPatch", func(t *testing.T) { testPeriodPatch(t, open) })
	t.Run("Audit", func(t *testing.T) { testAudit(t, open) })
	t.Run("AuditOfImport", func(t *testing.T) { testAuditOfImport(t, open) })
	t.Run("Tokens", func(t *testing.T) { testTokens(t, open) })
	t.Run("ExportImport", func(t *testing.T) { testExportImport(t, open) })
	t.Run("Consultations", func(t *testing.T) { testConsultations(t, open) })
}

// tick is how long the suite waits between two writes whose timestamps it
// compares.
const tick = 15 * time.Millisecond

// --------------------------------------------------------------- errors

// requireErr checks err's code and field (never its message).
func requireErr(t *testing.T, err error, code, field string) {
	t.Helper()
	require.Error(t, err, "want a %s error on field %q", code, field)
	assert.Equal(t, code, buurtnet.ErrorCode(err), "error code of: %v", err)
	assert.Equal(t, field, buurtnet.ErrorField(err), "error field of: %v", err)
}

// --------------------------------------------------------------- snapshots

func snapshot(t *testing.T, s buurtnet.Store) *buurtnet.Network {
	t.Helper()
	n, err := s.Snapshot(t.Context())
	require.NoError(t, err)
	require.NotNil(t, n)
	return n
}

// requireUnchanged checks that the store holds exactly what it held when
// before was taken, timestamps included: a failed write changed nothing.
func requireUnchanged(t *testing.T, s buurtnet.Store, before *buurtnet.Network) {
	t.Helper()
	after := snapshot(t, s)
	require.Equal(t, stamped(before), stamped(after), "a failed write must change nothing")
}

// stampedNetwork is a network with its timestamps as comparable values.
type stampedNetwork struct {
	Content *buurtnet.Network
	Stamps  map[string][2]string
}

func stamped(n *buurtnet.Network) stampedNetwork {
	out := stampedNetwork{Content: cleanNetwork(n), Stamps: map[string][2]string{}}
	for _, node := range n.Nodes() {
		st := buurtnet.Timestamps(node)
		out.Stamps[node.NodeID()] = [2]string{fmtTime(st.CreatedAt), fmtTime(st.UpdatedAt)}
	}
	for _, l := range n.Links {
		out.Stamps[keyString(l.LinkKey)] = [2]string{fmtTime(l.CreatedAt), fmtTime(l.UpdatedAt)}
	}
	return out
}

// fmtTime writes t in UTC with a fixed nine-digit fraction, so that the
// strings compare in time order.
func fmtTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func keyString(k buurtnet.LinkKey) string { return string(k.Kind) + " " + k.From + " " + k.To }

// --------------------------------------------------------------- cleaning

// clean returns a copy of n without timestamps and with empty lists as nil,
// for comparing what a store returns with what was written.
func clean(n buurtnet.Node) buurtnet.Node {
	switch v := n.(type) {
	case *buurtnet.Organisation:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		if len(c.Sectors) == 0 {
			c.Sectors = nil
		}
		return &c
	case *buurtnet.Project:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Territory:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Funder:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Term:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Person:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Consultation:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Cycle:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case *buurtnet.Meeting:
		c := *v
		c.Stamp = buurtnet.Stamp{}
		return &c
	case nil:
		return nil
	}
	panic("storetest: unknown node type")
}

func cleanNodes(ns []buurtnet.Node) []buurtnet.Node {
	out := make([]buurtnet.Node, 0, len(ns))
	for _, n := range ns {
		out = append(out, clean(n))
	}
	return out
}

func cleanLink(l *buurtnet.Link) *buurtnet.Link {
	if l == nil {
		return nil
	}
	c := *l
	c.Stamp = buurtnet.Stamp{}
	if c.Amount != nil {
		a := *c.Amount
		c.Amount = &a
	}
	return &c
}

func cleanLinks(ls []*buurtnet.Link) []*buurtnet.Link {
	out := make([]*buurtnet.Link, 0, len(ls))
	for _, l := range ls {
		out = append(out, cleanLink(l))
	}
	return out
}

// cleanNetwork returns n without timestamps, every section as a list of
// nodes (so that nil and empty sections compare equal).
func cleanNetwork(n *buurtnet.Network) *buurtnet.Network {
	out := &buurtnet.Network{}
	for _, node := range n.Nodes() {
		out.Add(clean(node))
	}
	if len(n.Links) > 0 {
		out.Links = cleanLinks(n.Links)
	}
	return out
}

// sortedNetwork returns a clean copy of n in the order Snapshot returns:
// entities by id within their section, links by kind, from, to.
func sortedNetwork(n *buurtnet.Network) *buurtnet.Network {
	out := cleanNetwork(n)
	byID := func(a, b buurtnet.Node) int { return cmp.Compare(a.NodeID(), b.NodeID()) }
	slices.SortFunc(out.Territories, func(a, b *buurtnet.Territory) int { return byID(a, b) })
	slices.SortFunc(out.Themes, func(a, b *buurtnet.Term) int { return byID(a, b) })
	slices.SortFunc(out.TargetGroups, func(a, b *buurtnet.Term) int { return byID(a, b) })
	slices.SortFunc(out.Functions, func(a, b *buurtnet.Term) int { return byID(a, b) })
	slices.SortFunc(out.Funders, func(a, b *buurtnet.Funder) int { return byID(a, b) })
	slices.SortFunc(out.Persons, func(a, b *buurtnet.Person) int { return byID(a, b) })
	slices.SortFunc(out.Organisations, func(a, b *buurtnet.Organisation) int { return byID(a, b) })
	slices.SortFunc(out.Projects, func(a, b *buurtnet.Project) int { return byID(a, b) })
	slices.SortFunc(out.Consultations, func(a, b *buurtnet.Consultation) int { return byID(a, b) })
	slices.SortFunc(out.Cycles, func(a, b *buurtnet.Cycle) int { return byID(a, b) })
	slices.SortFunc(out.Meetings, func(a, b *buurtnet.Meeting) int { return byID(a, b) })
	slices.SortFunc(out.Links, func(a, b *buurtnet.Link) int { return compareKeys(a.LinkKey, b.LinkKey) })
	return out
}

// compareKeys orders links the way Links and Snapshot return them.
// Contract: by kind (as a string: "ACTIVE_IN" < "ADDRESSES" < … <
// "WORKS_ON"), then from, then to.
func compareKeys(a, b buurtnet.LinkKey) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// ids returns the ids of ns, in order.
func ids(ns []buurtnet.Node) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.NodeID())
	}
	return out
}

func sortedIDs(ns []buurtnet.Node) []string {
	out := ids(ns)
	slices.Sort(out)
	return out
}

// keys returns the keys of ls, in order, as strings.
func keys(ls []*buurtnet.Link) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, keyString(l.LinkKey))
	}
	return out
}

// nonNil returns xs, or an empty list for nil, for comparing lists that may
// come back nil or empty.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// --------------------------------------------------------------- writing

func mustCreate(t *testing.T, s buurtnet.Store, nodes ...buurtnet.Node) {
	t.Helper()
	for _, n := range nodes {
		require.NoError(t, s.CreateNode(t.Context(), n), "create %s", n.NodeID())
	}
}

func mustLink(t *testing.T, s buurtnet.Store, links ...*buurtnet.Link) {
	t.Helper()
	for _, l := range links {
		require.NoError(t, s.CreateLink(t.Context(), l), "link %s", keyString(l.LinkKey))
	}
}

func mustNode(t *testing.T, s buurtnet.Store, id string) buurtnet.Node {
	t.Helper()
	ns, err := s.Nodes(t.Context(), []string{id})
	require.NoError(t, err)
	require.Len(t, ns, 1, "want %s stored", id)
	return ns[0]
}

func mustLinkOf(t *testing.T, s buurtnet.Store, k buurtnet.LinkKey) *buurtnet.Link {
	t.Helper()
	k = k.Normalized()
	ls, err := s.Links(t.Context(), buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{k.Kind}, From: []string{k.From}, To: []string{k.To}})
	require.NoError(t, err)
	for _, l := range ls {
		if l.LinkKey == k {
			return l
		}
	}
	require.Failf(t, "link not stored", "want %s stored, have %v", keyString(k), keys(ls))
	return nil
}

func link(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
	return &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
}

func key(kind buurtnet.LinkKind, from, to string) buurtnet.LinkKey {
	return buurtnet.LinkKey{Kind: kind, From: from, To: to}
}

func date(s string) buurtnet.Date {
	d, err := buurtnet.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func period(start, end string) buurtnet.Period {
	var p buurtnet.Period
	if start != "" {
		p.Start = date(start)
	}
	if end != "" {
		p.End = date(end)
	}
	return p
}

// wholePeriod is a period patch that gives both ends ("" for an open one),
// so that the period becomes start–end whatever it was.
func wholePeriod(start, end string) *buurtnet.PeriodPatch {
	p := period(start, end)
	return &buurtnet.PeriodPatch{Start: &p.Start, End: &p.End}
}

func money(euro float64) *buurtnet.Money {
	m, err := buurtnet.MoneyFromEuro(euro)
	if err != nil {
		panic(err)
	}
	return &m
}

func ptr[T any](v T) *T { return &v }

// requireStampsNew checks the timestamps of something just created.
func requireStampsNew(t *testing.T, st buurtnet.Stamp) {
	t.Helper()
	require.False(t, st.CreatedAt.IsZero(), "CreatedAt must be set")
	require.True(t, st.UpdatedAt.Equal(st.CreatedAt), "a new entity or link was updated when it was created: %v, %v", st.CreatedAt, st.UpdatedAt)
}

// requireStampsUpdated checks that an update kept CreatedAt and moved
// UpdatedAt forward.
func requireStampsUpdated(t *testing.T, before, after buurtnet.Stamp) {
	t.Helper()
	require.True(t, after.CreatedAt.Equal(before.CreatedAt), "CreatedAt must not change: %v became %v", before.CreatedAt, after.CreatedAt)
	require.True(t, after.UpdatedAt.After(before.UpdatedAt), "UpdatedAt must advance: %v became %v", before.UpdatedAt, after.UpdatedAt)
	require.False(t, after.UpdatedAt.Before(after.CreatedAt))
}

func requireSameStamps(t *testing.T, want, got buurtnet.Stamp, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, [2]string{fmtTime(want.CreatedAt), fmtTime(want.UpdatedAt)}, [2]string{fmtTime(got.CreatedAt), fmtTime(got.UpdatedAt)}, msgAndArgs...)
}
