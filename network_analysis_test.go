package buurtnet_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

const here = "territory:here"

// partnership builds a network in which every project works in one
// territory; parts maps a project to its partners.
func partnership(t testing.TB, parts map[string][]string, orgs ...*buurtnet.Organisation) *buurtnet.PartnershipNetwork {
	t.Helper()
	var projects []*buurtnet.Project
	var links []*buurtnet.Link
	for p, os := range parts {
		projects = append(projects, &buurtnet.Project{ID: p})
		links = append(links, link(buurtnet.LinkActiveIn, p, here))
		for _, o := range os {
			links = append(links, link(buurtnet.LinkParticipatesIn, o, p))
		}
	}
	g := buurtnet.NewTerritoryGraph(nil)
	n := buurtnet.NewPartnershipNetwork(g, buurtnet.NetworkScope{Territory: here}, buurtnet.BuildProfiles(projects, links))
	n.AddOrganisations(orgs, nil)
	return n
}

func org(id string, c buurtnet.LanguageCommunity, sectors ...buurtnet.Sector) *buurtnet.Organisation {
	return &buurtnet.Organisation{ID: id, Name: buurtnet.Text{NL: id}, LanguageCommunity: c, Sectors: sectors}
}

// A chain a–P1–b–P2–c–P3–d and a loose project e–P4. On the path of seven
// nodes the node at place i lies between i·(6−i) pairs: b and c 8, a and d
// 0; on the organisation path a–b–c–d, b and c lie between 2 pairs.
func TestBrokersOnAChain(t *testing.T) {
	n := partnership(t, map[string][]string{
		"project:p1": {"org:a", "org:b"}, "project:p2": {"org:b", "org:c"},
		"project:p3": {"org:c", "org:d"}, "project:p4": {"org:e"},
	}, org("org:a", buurtnet.LangCommunityNL, buurtnet.SectorHealthCare), org("org:b", buurtnet.LangCommunityBilingual, buurtnet.SectorWelfare),
		org("org:c", buurtnet.LangCommunityFR), org("org:d", buurtnet.LangCommunityFR))
	bs, err := buurtnet.FindBrokers(t.Context(), n, 0)
	require.NoError(t, err)
	var got []string
	for _, b := range bs {
		got = append(got, fmt.Sprintf("%s %g %g %d", b.Organisation, b.Betweenness, b.PartnerBetweenness, len(b.Partners)))
	}
	assert.Equal(t, []string{
		"org:b 8 2 2", // tie with c broken by id
		"org:c 8 2 2",
		"org:a 0 0 1",
		"org:d 0 0 1",
		"org:e 0 0 0",
	}, got)
	b := bs[0]
	assert.InDelta(t, 8.0/28, b.BetweennessShare, 1e-6, "9 nodes: 8·7/2 pairs of others")
	assert.Equal(t, []string{"project:p1", "project:p2"}, b.Projects)
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorHealthCare, buurtnet.SectorWelfare}, b.Sectors)
	assert.Equal(t, []buurtnet.LanguageCommunity{buurtnet.LangCommunityNL, buurtnet.LangCommunityFR, buurtnet.LangCommunityBilingual}, b.LanguageCommunities)
	names := map[string]buurtnet.Text{"org:b": {NL: "Brug", FR: "Pont"}}
	assert.Equal(t, "Brug ligt op de kortste verbindingen tussen 8,0 paren van partners en projecten (28,6% van alle paren).", b.Sentence(buurtnet.FigureBetweenness, buurtnet.NL, names))
	assert.Equal(t, "Avec ses partenaires, Pont réunit 2 secteurs : soins de santé et bien-être.", b.Sentence(buurtnet.FigureSectors, buurtnet.FR, names))
	assert.Equal(t, "Brug shares projects with 2 other organisations.", b.Sentence(buurtnet.FigurePartners, buurtnet.EN, names), "English falls back to Dutch")
	for _, f := range buurtnet.BrokerFigures {
		for _, l := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
			assert.NotContains(t, b.Sentence(f, l, names), "%!", "%s in %s", f, l)
		}
	}

	top, err := buurtnet.FindBrokers(t.Context(), n, 2)
	require.NoError(t, err)
	assert.Len(t, top, 2)
}

// bruteBetweenness is a second implementation: for every pair s<t, the
// share of shortest s–t paths through v is σ(s,v)·σ(v,t)/σ(s,t) when v lies
// on one (d(s,v)+d(v,t) = d(s,t)), from BFS distances and path counts.
func bruteBetweenness(adj map[string][]string) map[string]float64 {
	var nodes []string
	for v := range adj {
		nodes = append(nodes, v)
	}
	sort.Strings(nodes)
	dist, sigma := map[string]map[string]int{}, map[string]map[string]float64{}
	for _, s := range nodes {
		d, c := map[string]int{s: 0}, map[string]float64{s: 1}
		queue := []string{s}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, w := range adj[v] {
				if _, seen := d[w]; !seen {
					d[w] = d[v] + 1
					queue = append(queue, w)
				}
				if d[w] == d[v]+1 {
					c[w] += c[v]
				}
			}
		}
		dist[s], sigma[s] = d, c
	}
	out := map[string]float64{}
	for i, s := range nodes {
		for _, t := range nodes[i+1:] {
			dst, ok := dist[s][t]
			if !ok {
				continue
			}
			for _, v := range nodes {
				if v == s || v == t {
					continue
				}
				dsv, ok1 := dist[s][v]
				dvt, ok2 := dist[v][t]
				if ok1 && ok2 && dsv+dvt == dst {
					out[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
				}
			}
		}
	}
	return out
}

func TestBrokersAgreeWithBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for round := 0; round < 5; round++ {
		parts := map[string][]string{}
		bip, proj := map[string][]string{}, map[string][]string{}
		for p := 0; p < 25; p++ {
			pid := fmt.Sprintf("project:p%02d", p)
			seen := map[string]bool{}
			for k := 0; k < 1+r.IntN(4); k++ {
				o := fmt.Sprintf("org:o%02d", r.IntN(30))
				if seen[o] {
					continue
				}
				seen[o] = true
				for other := range seen {
					if other != o {
						proj[o] = append(proj[o], other)
						proj[other] = append(proj[other], o)
					}
				}
				parts[pid] = append(parts[pid], o)
				bip[o] = append(bip[o], pid)
				bip[pid] = append(bip[pid], o)
			}
		}
		dedupeNeighbours(proj)
		bs, err := buurtnet.FindBrokers(t.Context(), partnership(t, parts), 0)
		require.NoError(t, err)
		wantBip, wantProj := bruteBetweenness(bip), bruteBetweenness(proj)
		require.NotEmpty(t, bs)
		for _, b := range bs {
			assert.InDelta(t, wantBip[b.Organisation], b.Betweenness, 1e-5, "round %d %s on the organisation–project graph", round, b.Organisation)
			assert.InDelta(t, wantProj[b.Organisation], b.PartnerBetweenness, 1e-5, "round %d %s on the organisation graph", round, b.Organisation)
		}
		for i := 1; i < len(bs); i++ {
			assert.GreaterOrEqual(t, bs[i-1].Betweenness, bs[i].Betweenness, "ranked by betweenness")
		}
	}
}

func dedupeNeighbours(adj map[string][]string) {
	for v, ws := range adj {
		sort.Strings(ws)
		out := ws[:0]
		for i, w := range ws {
			if i == 0 || w != ws[i-1] {
				out = append(out, w)
			}
		}
		adj[v] = out
	}
}

// Two triangles of partners joined by c–d, and g on its own: Louvain finds
// the two triangles (Q = 0.357 by hand: m = 7, each triangle holds 3 links
// and degree 7, so Q = 2·(3/7 − (7/14)²)) and g alone.
func TestClusters(t *testing.T) {
	n := partnership(t, map[string][]string{
		"project:left": {"org:a", "org:b", "org:c"}, "project:right": {"org:d", "org:e", "org:f"},
		"project:link": {"org:c", "org:d"}, "project:alone": {"org:g"},
	}, org("org:a", "", buurtnet.SectorHealthCare), org("org:d", "", buurtnet.SectorWelfare))
	r, err := buurtnet.FindClusters(t.Context(), n, 0)
	require.NoError(t, err)
	require.Len(t, r.Clusters, 3)
	left, right, alone := r.Clusters[0], r.Clusters[1], r.Clusters[2]
	assert.Equal(t, []string{"org:a", "org:b", "org:c"}, left.Members)
	assert.Equal(t, []string{"org:d", "org:e", "org:f"}, right.Members)
	assert.Equal(t, []string{"org:g"}, alone.Members)
	assert.Equal(t, []int{2}, left.Linked)
	assert.Equal(t, []string{"org:c"}, left.Linkers)
	assert.Equal(t, []string{"org:d"}, right.Linkers)
	assert.Empty(t, alone.Linked, "no organisation links g's cluster")
	assert.Equal(t, []string{"project:left", "project:link"}, left.Projects)
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorHealthCare}, left.Sectors)
	assert.Equal(t, []string{here}, left.Territories)
	assert.InDelta(t, 2*(3.0/7-0.25), r.Modularity, 1e-6)

	again, err := buurtnet.FindClusters(t.Context(), n, 0)
	require.NoError(t, err)
	assert.Equal(t, r, again, "the same network gets the same clusters")
	assert.True(t, alone.Unlinked())
	assert.False(t, left.Unlinked())
	top, err := buurtnet.FindClusters(t.Context(), n, 1)
	require.NoError(t, err)
	assert.Equal(t, r.Clusters[:1], top.Clusters)
}

func TestIsolated(t *testing.T) {
	n := partnership(t, map[string][]string{
		"project:a": {"org:x", "org:y"}, "project:b": {"org:y", "org:z"}, "project:c": {"org:z"},
		"project:d": {"org:w"}, "project:e": nil,
	})
	n.AddOrganisations(nil, []string{"org:w", "org:v"})
	r := buurtnet.FindIsolated(n)
	assert.Equal(t, []string{"project:d", "project:e"}, r.IsolatedProjects)
	assert.Equal(t, []string{"project:a", "project:c"}, r.PeripheralProjects, "b shares partners with a and c")
	assert.Equal(t, []string{"org:v"}, r.AbsentOrganisations)
}

// a reaches d through b (2 projects) or through c and e (3 projects).
func TestIntroductions(t *testing.T) {
	n := partnership(t, map[string][]string{
		"project:1": {"org:a", "org:b"}, "project:2": {"org:b", "org:d"},
		"project:3": {"org:a", "org:c"}, "project:4": {"org:c", "org:e"}, "project:5": {"org:e", "org:d"},
		"project:6": {"org:f"},
	})
	chains := func(maxLength, first int) [][]string {
		in, err := buurtnet.FindIntroductions(t.Context(), n, "org:a", "org:d", maxLength, first)
		require.NoError(t, err)
		var out [][]string
		for _, i := range in {
			out = append(out, i.Chain)
		}
		return out
	}
	short := []string{"org:a", "project:1", "org:b", "project:2", "org:d"}
	long := []string{"org:a", "project:3", "org:c", "project:4", "org:e", "project:5", "org:d"}
	assert.Equal(t, [][]string{short, long}, chains(6, 10))
	assert.Equal(t, [][]string{short}, chains(2, 10))
	assert.Equal(t, [][]string{short}, chains(6, 1))
	assert.Empty(t, chains(1, 10))
	in, err := buurtnet.FindIntroductions(t.Context(), n, "org:a", "org:f", 6, 10)
	require.NoError(t, err)
	assert.Empty(t, in, "f shares no chain with a")
	// A hub with several ways on: gonum's Yen reorders the neighbour lists it
	// is given; the graph must hand out copies.
	hub := partnership(t, map[string][]string{
		"project:1": {"org:a", "org:b"}, "project:2": {"org:a", "org:c"}, "project:3": {"org:a", "org:e"},
		"project:4": {"org:b", "org:d"}, "project:5": {"org:c", "org:d"}, "project:6": {"org:e", "org:d"},
	})
	in, err = buurtnet.FindIntroductions(t.Context(), hub, "org:a", "org:d", 2, 10)
	require.NoError(t, err)
	require.Len(t, in, 3)
	assert.Equal(t, []string{"org:a", "project:1", "org:b", "project:4", "org:d"}, in[0].Chain, "ties by the ids along the chain")
	assert.Equal(t, []string{"org:a", "project:3", "org:e", "project:6", "org:d"}, in[2].Chain)
	i := &buurtnet.Introduction{Chain: long}
	assert.Equal(t, 3, i.Length())
	assert.Equal(t, []string{"project:3", "project:4", "project:5"}, i.Projects())
	assert.Equal(t, []string{"org:a", "org:c", "org:e", "org:d"}, i.Organisations())
}

// nl and fr meet in project mixed; bi brings nl (and nl2) together with fr2,
// whom they never meet; fr2 meets only bi.
func TestBridges(t *testing.T) {
	n := partnership(t, map[string][]string{
		"project:mixed": {"org:nl", "org:fr", "org:bi"}, "project:nl": {"org:nl", "org:nl2"},
		"project:via": {"org:bi", "org:fr2"}, "project:tie": {"org:bi", "org:nl2"},
	}, org("org:nl", buurtnet.LangCommunityNL, buurtnet.SectorHealthCare), org("org:nl2", buurtnet.LangCommunityNL, buurtnet.SectorWelfare),
		org("org:fr", buurtnet.LangCommunityFR, buurtnet.SectorHealthCare, buurtnet.SectorWelfare), org("org:fr2", buurtnet.LangCommunityFR),
		org("org:bi", buurtnet.LangCommunityBilingual))
	r, err := buurtnet.FindBridges(t.Context(), n, buurtnet.DivideLanguage, 0)
	require.NoError(t, err)
	view := func(bs []*buurtnet.Bridge) []string {
		var out []string
		for _, b := range bs {
			out = append(out, fmt.Sprintf("%s %v|%v %d via %v", b.Node, b.SideA, b.SideB, b.Pairs, b.Via))
		}
		return out
	}
	assert.Equal(t, []string{"project:mixed [org:nl]|[org:fr] 1 via [project:mixed]"}, view(r.Projects))
	assert.Equal(t, []string{
		// bi: (nl, fr2) and (nl2, fr2) and (nl2, fr) meet only through it; (nl, fr) meet in mixed.
		"org:bi [org:nl org:nl2]|[org:fr org:fr2] 3 via [project:mixed project:tie project:via]",
		// nl: (nl2, fr) meet only through nl.
		"org:nl [org:nl2]|[org:fr] 1 via [project:mixed project:nl]",
	}, view(r.Organisations))

	hw, err := buurtnet.FindBridges(t.Context(), n, buurtnet.DivideHealthWelfare, 0)
	require.NoError(t, err)
	assert.Equal(t, []string{"project:mixed [org:fr org:nl]|[org:fr] 1 via [project:mixed]", "project:nl [org:nl]|[org:nl2] 1 via [project:nl]"}, view(hw.Projects),
		"an organisation in both sectors pairs with others, not with itself")

	top, err := buurtnet.FindBridges(t.Context(), n, buurtnet.DivideLanguage, 1)
	require.NoError(t, err)
	assert.Len(t, top.Organisations, 1)
	_, err = buurtnet.FindBridges(t.Context(), n, "COLOUR", 0)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
}

// Participations count only for the days they run within the scope.
func TestNetworkScopeByPeriod(t *testing.T) {
	y := func(year int) buurtnet.Date { return buurtnet.NewDate(year, 1, 1) }
	left := link(buurtnet.LinkParticipatesIn, "org:b", "project:1")
	left.Period = buurtnet.Period{End: y(2020)}
	projects := []*buurtnet.Project{{ID: "project:1"}, {ID: "project:2", Period: buurtnet.Period{Start: y(2022)}}}
	links := []*buurtnet.Link{
		link(buurtnet.LinkActiveIn, "project:1", here), link(buurtnet.LinkActiveIn, "project:2", here),
		link(buurtnet.LinkParticipatesIn, "org:a", "project:1"), left, link(buurtnet.LinkParticipatesIn, "org:a", "project:2"),
	}
	g := buurtnet.NewTerritoryGraph(nil)
	on2021 := buurtnet.NewPartnershipNetwork(g, buurtnet.NetworkScope{Territory: here, On: y(2021)}, buurtnet.BuildProfiles(projects, links))
	assert.Equal(t, []string{"org:a"}, on2021.Partners("project:1"), "b left in 2020")
	assert.Len(t, on2021.Projects, 1, "project 2 starts in 2022")
	all := buurtnet.NewPartnershipNetwork(g, buurtnet.NetworkScope{Territory: here, Period: buurtnet.Period{Start: y(2019), End: y(2023)}}, buurtnet.BuildProfiles(projects, links))
	assert.Equal(t, []string{"org:a", "org:b"}, all.Partners("project:1"))
	assert.Equal(t, []string{"project:1", "project:2"}, all.ProjectsOf("org:a"))
	elsewhere := buurtnet.NewPartnershipNetwork(g, buurtnet.NetworkScope{Territory: "territory:elsewhere"}, buurtnet.BuildProfiles(projects, links))
	assert.Empty(t, elsewhere.Projects)
}

func TestBrokersStopAtTheDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := buurtnet.FindBrokers(ctx, partnership(t, map[string][]string{"project:1": {"org:a", "org:b", "org:c"}}), 0)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = buurtnet.FindClusters(ctx, partnership(t, map[string][]string{"project:1": {"org:a", "org:b"}}), 0)
	assert.ErrorIs(t, err, context.Canceled)
}

// Brokers stop at the request's deadline while betweenness is counted: a
// project of 1,000 partners is half a million links between organisations,
// a count of tenths of seconds.
func TestBrokersStopMidwayAtTheDeadline(t *testing.T) {
	var partners []string
	for i := range 1000 {
		partners = append(partners, fmt.Sprintf("org:o%04d", i))
	}
	n := partnership(t, map[string][]string{"project:big": partners})
	ctx, cancel := context.WithTimeout(t.Context(), time.Millisecond)
	defer cancel()
	_, err := buurtnet.FindBrokers(ctx, n, 10)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, buurtnet.ETIMEOUT, buurtnet.ErrorCode(err))
}

// A project of 2,000 partners makes 2 million pairs of organisations: more
// than a request can cluster or rank, so every question that walks the
// organisation graph refuses it up front.
func TestTooLargeIsRefused(t *testing.T) {
	var partners []string
	for i := range 2000 {
		partners = append(partners, fmt.Sprintf("org:o%04d", i))
	}
	n := partnership(t, map[string][]string{"project:huge": partners})
	_, err := buurtnet.FindBrokers(t.Context(), n, 10)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	assert.Equal(t, "territory", buurtnet.ErrorField(err))
	_, err = buurtnet.FindClusters(t.Context(), n, 10)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	_, err = buurtnet.FindBridges(t.Context(), n, buurtnet.DivideLanguage, 10)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	in, err := buurtnet.FindIntroductions(t.Context(), n, "org:o0000", "org:o1999", 2, 1)
	require.NoError(t, err, "introductions walk the organisation–project graph only")
	assert.Len(t, in, 1)
}

// On the city tier (500 projects, 1,919 organisations: 2,419 nodes on the
// organisation–project graph, 1,919 on the organisation graph) betweenness
// estimated from about a quarter of the nodes as pivots ranks the same top
// brokers as the exact count: the first three in the same order, the first
// ten the same organisations.
func TestBrokersEstimateRanksLikeTheExactCount(t *testing.T) {
	nw := synthetic.Network(synthetic.TierS, 1)
	n := buurtnet.NewPartnershipNetwork(buurtnet.NewTerritoryGraph(nw.Links), buurtnet.NetworkScope{Territory: synthetic.RegionID},
		buurtnet.BuildProfiles(nw.Projects, nw.Links))
	n.AddOrganisations(nw.Organisations, nil)
	exact, err := buurtnet.FindBrokersWithin(t.Context(), n, 10, 1<<40, 1)
	require.NoError(t, err)
	require.False(t, exact[0].Estimated())
	est, err := buurtnet.FindBrokersWithin(t.Context(), n, 10, 5_000_000, 10)
	require.NoError(t, err)
	require.True(t, est[0].Estimated())
	assert.Equal(t, 684, est[0].BetweennessPivots, "5 million units over 7,300 links")
	assert.Equal(t, 2419, est[0].BetweennessNodes)
	var want, got []string
	for i := range exact {
		want, got = append(want, exact[i].Organisation), append(got, est[i].Organisation)
		assert.InEpsilon(t, exact[i].Betweenness, est[i].Betweenness, 0.15, "%s", exact[i].Organisation)
	}
	assert.Equal(t, want[:3], got[:3])
	assert.ElementsMatch(t, want, got)
}

// Sentences agree with their numbers in every language: none, one (in
// French below two), more; a small betweenness does not read as nought,
// and an estimate says so.
func TestBrokerSentencesAgreeInNumber(t *testing.T) {
	names := map[string]buurtnet.Text{"org:x": {NL: "Huis", FR: "Maison", EN: "House"}}
	none := &buurtnet.Broker{Organisation: "org:x"}
	one := &buurtnet.Broker{Organisation: "org:x", Betweenness: 1, BetweennessShare: 0.5, PartnerBetweenness: 1.5, PartnerBetweennessShare: 0.25,
		Partners: []string{"org:y"}, Projects: []string{"project:p"}, Sectors: []buurtnet.Sector{buurtnet.SectorWelfare},
		LanguageCommunities: []buurtnet.LanguageCommunity{buurtnet.LangCommunityFR}}
	small := &buurtnet.Broker{Organisation: "org:x", Betweenness: 0.03, BetweennessShare: 0.0000123,
		BetweennessPivots: 900, BetweennessNodes: 23714}
	for _, c := range []struct {
		b    *buurtnet.Broker
		f    buurtnet.BrokerFigure
		lang buurtnet.Lang
		want string
	}{
		{none, buurtnet.FigureBetweenness, buurtnet.NL, "Huis ligt op geen enkele kortste verbinding tussen partners en projecten."},
		{none, buurtnet.FigureBetweenness, buurtnet.FR, "Maison ne se trouve sur aucun plus court chemin entre partenaires et projets."},
		{none, buurtnet.FigureBetweenness, buurtnet.EN, "House lies on no shortest connection between partners and projects."},
		{none, buurtnet.FigurePartnerBetweenness, buurtnet.FR, "Entre partenaires, aucun plus court chemin par projets communs ne passe par Maison."},
		{none, buurtnet.FigurePartners, buurtnet.NL, "Huis deelt geen project met een andere organisatie."},
		{none, buurtnet.FigureProjects, buurtnet.EN, "House takes part in no project in this area and period."},
		{none, buurtnet.FigureSectors, buurtnet.FR, "Aucun secteur n'est connu pour Maison et ses partenaires."},
		{none, buurtnet.FigureLanguages, buurtnet.NL, "Van Huis en zijn partners is geen taalgemeenschap gekend."},
		{one, buurtnet.FigureBetweenness, buurtnet.NL, "Huis ligt op de kortste verbindingen tussen 1,0 paar van partners en projecten (50,0% van alle paren)."},
		{one, buurtnet.FigureBetweenness, buurtnet.EN, "House lies on the shortest connections between 1.0 pair of partners and projects (50.0% of all pairs)."},
		{one, buurtnet.FigurePartnerBetweenness, buurtnet.FR, "Entre partenaires, le plus court chemin par projets communs passe par Maison pour 1,5 paire (25,0 % de toutes les paires)."},
		{one, buurtnet.FigurePartnerBetweenness, buurtnet.NL, "Tussen partners loopt de kortste weg via gedeelde projecten voor 1,5 paren via Huis (25,0% van alle paren)."},
		{one, buurtnet.FigurePartners, buurtnet.FR, "Maison partage des projets avec une seule autre organisation."},
		{one, buurtnet.FigureProjects, buurtnet.NL, "Huis neemt deel aan één project in dit gebied en deze periode."},
		{one, buurtnet.FigureProjects, buurtnet.FR, "Maison participe à un seul projet sur ce territoire et dans cette période."},
		{one, buurtnet.FigureProjects, buurtnet.EN, "House takes part in one project in this area and period."},
		{one, buurtnet.FigureSectors, buurtnet.EN, "House and its partners work in one sector: welfare."},
		{one, buurtnet.FigureLanguages, buurtnet.FR, "Maison et ses partenaires relèvent d'une seule communauté linguistique : francophone."},
		{small, buurtnet.FigureBetweenness, buurtnet.NL, "Huis ligt op de kortste verbindingen tussen 0,03 paren van partners en projecten (0,0012% van alle paren). Dit is een schatting, geteld vanuit 900 van de 23714 knopen."},
		{small, buurtnet.FigureBetweenness, buurtnet.FR, "Maison se trouve sur les plus courts chemins entre 0,03 paire de partenaires et de projets (0,0012 % de toutes les paires). C'est une estimation, comptée à partir de 900 des 23714 nœuds."},
	} {
		assert.Equal(t, c.want, c.b.Sentence(c.f, c.lang, names), "%s %s", c.f, c.lang)
	}
	for _, b := range []*buurtnet.Broker{none, one, small} {
		for _, f := range buurtnet.BrokerFigures {
			for _, l := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
				s := b.Sentence(f, l, names)
				for _, wrong := range []string{"%!", " 1 projets", " 1 projecten", " 1 projects", "0,0 pai", "0,0 par", "0.0 pai", " 1 autres", " 1 andere", " 1 other"} {
					assert.NotContains(t, s, wrong, "%s %s", f, l)
				}
			}
		}
	}
}
