package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/importer"
)

// importFile reads and imports a file into store.
func importFile(tb testing.TB, store buurtnet.Store, path string, opts importer.Options) *importer.Result {
	tb.Helper()
	net, rep := readFile(tb, path)
	res, err := importer.Import(context.Background(), store, net, rep, opts)
	require.NoError(tb, err)
	return res
}

func TestImport(t *testing.T) {
	store := mustOpenStore(t)
	var calls [][2]int
	res := importFile(t, store, goodWorkbook(t), importer.Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	require.Empty(t, res.Problems)
	assert.True(t, res.Applied)
	assert.Len(t, res.Created, goodEntries)
	assert.Empty(t, res.Updated)
	assert.Contains(t, res.Created, "org:buurtapotheek-de-kruidenier")
	assert.Equal(t, [2]int{goodEntries, goodEntries}, calls[len(calls)-1], "progress ends at the total")

	n := snapshot(t, store)
	assert.Len(t, n.Organisations, 3)
	assert.Len(t, n.Links, 10)
}

func TestImportCSVFiles(t *testing.T) {
	// One file per sheet, imported one after the other: links.csv names two
	// organisations by enterprise number, which only the store knows.
	store := mustOpenStore(t)
	for _, name := range []string{"organisations.csv", "projects.csv", "links.csv"} {
		res := importFile(t, store, fixture(name), importer.Options{})
		require.Empty(t, res.Problems, name)
		require.True(t, res.Applied, name)
	}
	links, err := store.Links(context.Background(), buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkParticipatesIn}, To: []string{"project:zorgzame-straat"}})
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, "org:kbo-0412345614", links[0].From)
}

func TestImportRefusesFileWithProblems(t *testing.T) {
	store := mustOpenStore(t)
	res := importFile(t, store, badWorkbook(t), importer.Options{})
	assert.False(t, res.Applied)
	assert.Equal(t, merged(badPlaces, storePlaces), places(res.Problems))
	assert.Empty(t, res.Created)
	assert.Equal(t, &buurtnet.Network{}, snapshot(t, store), "nothing written")
}

func TestImportValidOnly(t *testing.T) {
	store := mustOpenStore(t)
	res := importFile(t, store, badWorkbook(t), importer.Options{ValidOnly: true})
	assert.True(t, res.Applied)
	assert.Equal(t, merged(badPlaces, storePlaces), places(res.Problems), "the problems are still reported")
	assert.Equal(t, []string{"PARTICIPATES_IN org:goed -> project:goed", "org:goed", "project:goed"}, res.Created)
	assert.Equal(t, []at{
		{"organisations", 3, ""}, {"organisations", 4, ""}, {"organisations", 5, ""}, {"organisations", 6, ""}, {"organisations", 7, ""},
		{"projects", 3, ""}, {"projects", 4, ""},
		{"links", 3, ""}, {"links", 4, ""}, {"links", 5, ""}, {"links", 6, ""}, {"links", 7, ""}, {"links", 8, ""}, {"links", 9, ""},
	}, places(res.Skipped))
	assert.Contains(t, res.Skipped[8].Message, "organisations row 4", "links row 4 refers to a bad row")

	n := snapshot(t, store)
	assert.Len(t, n.Organisations, 1)
	assert.Len(t, n.Projects, 1)
	assert.Len(t, n.Links, 1)
}

func TestImportDryRun(t *testing.T) {
	store := mustOpenStore(t)
	path := goodWorkbook(t)
	dry := importFile(t, store, path, importer.Options{DryRun: true})
	assert.Equal(t, &buurtnet.Network{}, snapshot(t, store), "a dry run writes nothing")

	real := importFile(t, store, path, importer.Options{})
	assert.True(t, dry.DryRun)
	dry.DryRun = false
	assert.Equal(t, real, dry, "a dry run reports what the real run does")

	// On a store with the data, a dry run of a changed file shows the change.
	res := importFile(t, store, fixture("organisations.csv"), importer.Options{DryRun: true})
	assert.Equal(t, []string{"org:buurtapotheek-de-kruidenier", "org:kbo-0987654394", "org:wijkhuis-noord"}, res.Updated)
	assert.Equal(t, []string{"org:kbo-0412345614"}, res.Created)
}

func TestImportTwiceChangesNothing(t *testing.T) {
	store := mustOpenStore(t)
	path := goodWorkbook(t)
	importFile(t, store, path, importer.Options{})
	before := snapshotWithStamps(t, store)

	res := importFile(t, store, path, importer.Options{})
	assert.Empty(t, res.Created)
	assert.Empty(t, res.Updated)
	assert.Equal(t, goodEntries, res.Unchanged)
	assert.Equal(t, before, snapshotWithStamps(t, store), "not even a timestamp moved")
}

func TestImportMatchesEnterpriseNumber(t *testing.T) {
	store := mustOpenStore(t)
	importFile(t, store, goodWorkbook(t), importer.Options{})

	for _, c := range []struct{ name, csv, want string }{
		{"NoID", "naam_nl;ondernemingsnummer\nWijkhuis Noord (vernieuwd);0123456749\n", "Wijkhuis Noord (vernieuwd)"},
		{"AnotherID", "id;naam_nl;ondernemingsnummer\norg:whn;Wijkhuis Noord (opnieuw);BE0123.456.749\n", "Wijkhuis Noord (opnieuw)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			net, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(c.csv))
			require.NoError(t, err)
			res, err := importer.Import(context.Background(), store, net, rep, importer.Options{})
			require.NoError(t, err)
			require.Empty(t, res.Problems)
			assert.Empty(t, res.Created, "no duplicate")
			assert.Equal(t, []string{"org:wijkhuis-noord"}, res.Updated, "the stored organisation, under its stored id")
			assert.Len(t, snapshot(t, store).Organisations, 3)
			o, err := store.Nodes(context.Background(), []string{"org:wijkhuis-noord"})
			require.NoError(t, err)
			require.Len(t, o, 1)
			assert.Equal(t, c.want, o[0].Names().NL)
		})
	}
}

func TestImportRoundTrip(t *testing.T) {
	// Demo network → store → export as JSON → import into an empty store:
	// the same graph.
	ctx := context.Background()
	from := mustOpenStore(t)
	network, err := demo.Network()
	require.NoError(t, err)
	_, err = from.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	exported, err := from.Snapshot(ctx)
	require.NoError(t, err)
	b, err := json.Marshal(exported)
	require.NoError(t, err)

	to := mustOpenStore(t)
	net, rep, err := importer.Read(context.Background(), "export.json", bytes.NewReader(b))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	res, err := importer.Import(ctx, to, net, rep, importer.Options{})
	require.NoError(t, err)
	require.Empty(t, res.Problems)
	assert.Len(t, res.Created, len(exported.Nodes())+len(exported.Links))
	assert.Equal(t, snapshot(t, from), snapshot(t, to))
}

func TestImportNetworkWithoutReport(t *testing.T) {
	// A network built in code is checked by Import itself.
	store := mustOpenStore(t)
	net := &buurtnet.Network{Organisations: []*buurtnet.Organisation{
		{ID: "org:a", Name: buurtnet.Text{NL: "Vzw A"}},
		{ID: "org:b"},
	}}
	res, err := importer.Import(context.Background(), store, net, nil, importer.Options{})
	require.NoError(t, err)
	assert.Equal(t, []at{{"organisations", 2, "name"}}, places(res.Problems))
	assert.False(t, res.Applied)
}

func TestImportStoreConflict(t *testing.T) {
	// What only the store knows: the file gives org:b the enterprise number
	// of org:a, which is also in the file under that id.
	store := mustOpenStore(t)
	_, err := store.Apply(context.Background(), &buurtnet.Network{Organisations: []*buurtnet.Organisation{
		{ID: "org:a", Name: buurtnet.Text{NL: "Vzw A"}, EnterpriseNumber: "0123.456.749"},
	}}, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	net, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader("id,name_nl,enterprise_number\norg:a,Vzw A,\norg:b,Vzw B,0123.456.749\n"))
	require.NoError(t, err)
	res, err := importer.Import(context.Background(), store, net, rep, importer.Options{})
	require.NoError(t, err)
	assert.False(t, res.Applied)
	assert.Equal(t, []at{{"organisations", 3, "enterprise_number"}}, places(res.Problems))
}

// merged returns the problems of a and b in file order.
func merged(a, b []at) []at {
	sheets := map[string]int{"organisations": 0, "projects": 1, "links": 2, "Notities": 3}
	out := append(append([]at{}, a...), b...)
	for i := 1; i < len(out); i++ { // insertion sort: stable, like the importer's
		for j := i; j > 0 && (sheets[out[j].Sheet] < sheets[out[j-1].Sheet] ||
			sheets[out[j].Sheet] == sheets[out[j-1].Sheet] && out[j].Row < out[j-1].Row); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func snapshotWithStamps(tb testing.TB, store buurtnet.Store) *buurtnet.Network {
	tb.Helper()
	n, err := store.Snapshot(context.Background())
	require.NoError(tb, err)
	return n
}
