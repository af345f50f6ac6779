package server_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type idList struct {
	TotalCount int
	Nodes      []struct{ ID, Name string }
	PageInfo   struct {
		HasNextPage bool
		EndCursor   string
	}
}

func nodeIDs(l idList) []string {
	return ids(l.Nodes, func(n struct{ ID, Name string }) string { return n.ID })
}

func TestLists(t *testing.T) {
	s := newDemoServer(t)

	t.Run("ProjectsInTerritoryIncludingSubTerritories", func(t *testing.T) {
		var got struct{ Projects idList }
		s.mustDo(t, `{ projects(filter: {territory: "territory:stad-brussel"}) { totalCount nodes { id } } }`, nil, &got)
		// Broekwijk and OLV-ter-Sneeuw (BOOST, MaN'Aige) and the Zoom Seniors zones lie in Stad Brussel.
		assert.ElementsMatch(t, []string{"project:boost", "project:manaige", "project:zoom-seniors"}, nodeIDs(got.Projects))
	})

	t.Run("ProjectsByFunder", func(t *testing.T) {
		var got struct{ Projects idList }
		s.mustDo(t, `{ projects(filter: {funder: "funder:ggc"}) { nodes { id } } }`, nil, &got)
		assert.ElementsMatch(t, []string{"project:citisen", "project:senior-solidarite", "project:zoom-seniors"}, nodeIDs(got.Projects))
	})

	t.Run("ProjectsActiveOnADayAndByStatus", func(t *testing.T) {
		var got struct{ Projects idList }
		s.mustDo(t, `{ projects(filter: {activeOn: "2022-06-01", status: [PILOT]}) { nodes { id } } }`, nil, &got)
		assert.Contains(t, nodeIDs(got.Projects), "project:citisen")
		assert.NotContains(t, nodeIDs(got.Projects), "project:boost")
	})

	t.Run("SearchInAnyLanguageIgnoringAccents", func(t *testing.T) {
		var got struct{ Territories idList }
		s.mustDo(t, `{ territories(filter: {search: "quartier brabant"}) { nodes { id } } }`, nil, &got)
		assert.Equal(t, []string{"territory:brabantwijk"}, nodeIDs(got.Territories))
		var orgs struct{ Organisations idList }
		s.mustDo(t, `{ organisations(filter: {search: "sante plurielle"}) { nodes { id } } }`, nil, &orgs)
		assert.Equal(t, []string{"org:mm-sante-plurielle"}, nodeIDs(orgs.Organisations))
	})

	t.Run("TerritoriesWithin", func(t *testing.T) {
		var got struct{ Territories idList }
		s.mustDo(t, `{ territories(filter: {within: "territory:stalingradwijk"}) { nodes { id } } }`, nil, &got)
		assert.ElementsMatch(t, []string{"territory:stalingrad-anneessens", "territory:stalingrad-marollen"}, nodeIDs(got.Territories))
	})

	t.Run("OrganisationsOfAProjectBySector", func(t *testing.T) {
		var got struct{ Organisations idList }
		s.mustDo(t, `{ organisations(filter: {project: "project:boost"}, first: 0) { totalCount nodes { id } } }`, nil, &got)
		assert.Equal(t, 24, got.Organisations.TotalCount, "BOOST lists 24 partners (seed 000)")
		assert.Empty(t, got.Organisations.Nodes)
	})

	t.Run("FundersInTerritory", func(t *testing.T) {
		var got struct{ Funders idList }
		s.mustDo(t, `{ funders(filter: {territory: "territory:brussels-region"}) { nodes { id } } }`, nil, &got)
		assert.ElementsMatch(t, []string{"funder:ggc", "funder:innoviris"}, nodeIDs(got.Funders))
	})

	t.Run("FilterThatDoesNotApply", func(t *testing.T) {
		s.expectError(t, `{ projects(orderBy: {field: START}, filter: {funder: "territory:brabantwijk"}) { totalCount } }`, nil, "INVALID", "filter.funder")
	})

	t.Run("SortingAndPaging", func(t *testing.T) {
		var all struct{ Territories idList }
		s.mustDo(t, `{ territories(orderBy: {field: NAME}, first: 500) { totalCount nodes { id name } } }`, nil, &all)
		require.Greater(t, all.Territories.TotalCount, 10)
		var seen []string
		after := ""
		for {
			var page struct{ Territories idList }
			s.mustDo(t, `query($after: String) { territories(orderBy: {field: NAME}, first: 7, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}, &page)
			seen = append(seen, nodeIDs(page.Territories)...)
			if !page.Territories.PageInfo.HasNextPage {
				break
			}
			after = page.Territories.PageInfo.EndCursor
		}
		assert.Equal(t, nodeIDs(all.Territories), seen, "pages together give the whole sorted list once")
		var desc struct{ Territories idList }
		s.mustDo(t, `{ territories(orderBy: {field: NAME, direction: DESC}, first: 1) { nodes { id } } }`, nil, &desc)
		assert.Equal(t, all.Territories.Nodes[len(all.Territories.Nodes)-1].ID, desc.Territories.Nodes[0].ID)
		s.expectError(t, `{ territories(after: "bm9wZQ") { totalCount } }`, nil, "INVALID", "after")
	})

	t.Run("Language", func(t *testing.T) {
		q := `{ node(id: "territory:marollenwijk") { ... on Territory { name } } }`
		var nl, fr, arg struct{ Node struct{ Name string } }
		s.mustDo(t, q, nil, &nl)
		s.mustDo(t, q, nil, &fr, "Accept-Language", "fr-BE, nl;q=0.5")
		s.mustDo(t, `{ node(id: "territory:marollenwijk") { ... on Territory { name(lang: FR) } } }`, nil, &arg, "Accept-Language", "nl")
		assert.Equal(t, "Marollenwijk", nl.Node.Name)
		assert.Equal(t, "Quartier des Marolles", fr.Node.Name)
		assert.Equal(t, "Quartier des Marolles", arg.Node.Name)
	})

	t.Run("RelationFieldsAreBatched", func(t *testing.T) {
		before := s.store.links.Load()
		var got struct{ Projects idList }
		s.mustDo(t, `{ projects(first: 100) { nodes { id partners { organisation { id sectors } role } themes { id } fundings { funder { id } } territories { territory { id partOf { id } } } } } }`, nil, &got)
		require.Equal(t, 8, len(got.Projects.Nodes)) // BOOST: the programme and its action package; the Overleg is a consultation
		// Five relation fields: one Links query per field and batch window,
		// not one per project (8) or per territory link (30). A slow machine
		// may split a batch in two, hence the margin.
		assert.LessOrEqual(t, s.store.links.Load()-before, int64(10))
	})

	t.Run("PlaygroundAndCORS", func(t *testing.T) {
		resp, err := http.Get(s.URL + "/")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		req, _ := http.NewRequest(http.MethodOptions, s.URL+"/query", nil)
		req.Header.Set("Origin", "https://example.org")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err = http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "no origin is allowed by default")
	})
}
