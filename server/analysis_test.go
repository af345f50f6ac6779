package server_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/server"
)

type idJSON struct{ ID string }

func idsOf(xs []idJSON) []string { return ids(xs, func(x idJSON) string { return x.ID }) }

func TestNetworkAnalysisOnTheDemoNetwork(t *testing.T) {
	s := newDemoServer(t)

	t.Run("Brokers", func(t *testing.T) {
		var got struct {
			Brokers []struct {
				Organisation        idJSON
				Betweenness         float64
				Partners, Projects  []idJSON
				LanguageCommunities []string
				Figures             []struct {
					Figure  string
					Value   float64
					Message string
				}
			}
		}
		s.mustDo(t, `{ brokers(territory: "territory:brussels-region", first: 3) { organisation { id } betweenness partners { id } projects { id }
			languageCommunities figures { figure value message(lang: NL) } } }`, nil, &got)
		require.Len(t, got.Brokers, 3)
		// Zoom Seniors is the one partner of BOOST that also takes part in
		// another project (its own): all paths between BOOST's partners and
		// that project run through it. (Brusano moderates the Overleg
		// buurtprojecten, a consultation, not a project: no bridge.)
		b := got.Brokers[0]
		assert.Equal(t, "org:zoom-seniors", b.Organisation.ID)
		assert.Equal(t, 24.0, b.Betweenness)
		assert.Equal(t, 0.0, got.Brokers[1].Betweenness)
		assert.Equal(t, 0.0, got.Brokers[2].Betweenness)
		assert.Equal(t, []string{"project:boost", "project:zoom-seniors"}, idsOf(b.Projects))
		assert.Len(t, b.Partners, 23)
		assert.Equal(t, []string{"NL", "FR", "BILINGUAL"}, b.LanguageCommunities)
		require.Len(t, b.Figures, 6)
		assert.Equal(t, "BETWEENNESS", b.Figures[0].Figure)
		assert.Equal(t, "Zoom Seniors ligt op de kortste verbindingen tussen 24,0 paren van partners en projecten (6,3% van alle paren).", b.Figures[0].Message)
		assert.Equal(t, "Zoom Seniors deelt projecten met 23 andere organisaties.", b.Figures[2].Message)
	})

	t.Run("BridgesAcrossTheLanguageLine", func(t *testing.T) {
		var got struct {
			Bridges struct {
				Across                  string
				Organisations, Projects []struct {
					Node         idJSON
					SideA, SideB []idJSON
					Pairs        int
				}
			}
		}
		q := `query($on: Date, $across: Divide!) { bridges(territory: "territory:brussels-region", across: $across, on: $on) {
			across organisations { node { id } pairs } projects { node { id } sideA { id } sideB { id } pairs } } }`
		s.mustDo(t, q, map[string]any{"across": "LANGUAGE"}, &got)
		// BOOST is where the Dutch-speaking Kenniscentrum WWZ meets its five
		// French-speaking partners; no organisation is a go-between for a
		// pair that does not meet in BOOST itself.
		require.Len(t, got.Bridges.Projects, 1)
		p := got.Bridges.Projects[0]
		assert.Equal(t, "project:boost", p.Node.ID)
		assert.Equal(t, []string{"org:kenniscentrum-wwz"}, idsOf(p.SideA))
		assert.Equal(t, []string{"org:centre-familial-bruxelles", "org:fasd", "org:he-leonard-de-vinci", "org:ligue-des-usagers", "org:mm-sante-plurielle"}, idsOf(p.SideB))
		assert.Equal(t, 5, p.Pairs)
		assert.Empty(t, got.Bridges.Organisations)

		s.mustDo(t, q, map[string]any{"across": "HEALTH_WELFARE"}, &got)
		assert.Equal(t, "HEALTH_WELFARE", got.Bridges.Across)
		require.Len(t, got.Bridges.Projects, 1)
		assert.Equal(t, 15, got.Bridges.Projects[0].Pairs)

		// BOOST ran until the end of 2021.
		s.mustDo(t, q, map[string]any{"across": "LANGUAGE", "on": "2023-06-01"}, &got)
		assert.Empty(t, got.Bridges.Projects)
	})

	t.Run("ClustersAndIsolation", func(t *testing.T) {
		var got struct {
			Clusters struct {
				Modularity float64
				Clusters   []struct {
					Number   int
					Members  []idJSON
					Unlinked bool
				}
			}
			Isolation struct{ IsolatedProjects, PeripheralProjects, AbsentOrganisations []idJSON }
		}
		s.mustDo(t, `{ clusters(territory: "territory:brussels-region") { modularity clusters { number members { id } unlinked } }
			isolation(territory: "territory:brussels-region") { isolatedProjects { id } peripheralProjects { id } absentOrganisations { id } } }`, nil, &got)
		// Every Brussels partner is tied to every other through BOOST: one cluster.
		require.Len(t, got.Clusters.Clusters, 1)
		assert.Len(t, got.Clusters.Clusters[0].Members, 24)
		assert.True(t, got.Clusters.Clusters[0].Unlinked)
		assert.Equal(t, 0.0, got.Clusters.Modularity)
		// CitiSen, ManaIGe and Senior Solidarité list no partner in the seeds.
		assert.Equal(t, []string{"project:citisen", "project:manaige", "project:senior-solidarite"}, idsOf(got.Isolation.IsolatedProjects))
		// BOOST and Zoom Seniors share a partner with each other only.
		assert.Equal(t, []string{"project:boost", "project:zoom-seniors"}, idsOf(got.Isolation.PeripheralProjects))
	})

	t.Run("Introductions", func(t *testing.T) {
		var got struct {
			Introductions []struct {
				Length   int
				Chain    []idJSON
				Projects []idJSON
			}
		}
		s.mustDo(t, `{ introductions(from: "org:ligue-des-usagers", to: "org:coordinatie-107") { length chain { id } projects { id } } }`, nil, &got)
		require.Len(t, got.Introductions, 1)
		in := got.Introductions[0]
		assert.Equal(t, 1, in.Length)
		assert.Equal(t, []string{"org:ligue-des-usagers", "project:boost", "org:coordinatie-107"}, idsOf(in.Chain))
		assert.Equal(t, []string{"project:boost"}, idsOf(in.Projects))
		// BOOST ran until the end of 2021: in 2023 nothing links them.
		s.mustDo(t, `{ introductions(from: "org:ligue-des-usagers", to: "org:coordinatie-107", on: "2023-06-01") { length } }`, nil, &got)
		assert.Empty(t, got.Introductions)
		// The Flemish pilot shares no partner with the Brussels projects.
		s.mustDo(t, `{ introductions(from: "org:ligue-des-usagers", to: "org:rimo-limburg", maxLength: 6) { length } }`, nil, &got)
		assert.Empty(t, got.Introductions)
	})

	t.Run("BadInput", func(t *testing.T) {
		s.expectError(t, `{ brokers(territory: "territory:brussels-region", first: 101) { betweenness } }`, nil, "INVALID", "first")
		s.expectError(t, `{ brokers(territory: "territory:nowhere") { betweenness } }`, nil, "NOT_FOUND", "territory")
		s.expectError(t, `{ brokers(territory: "territory:brussels-region", period: {start: "2022-01-01", end: "2021-01-01"}) { betweenness } }`, nil, "INVALID", "period.end")
		s.expectError(t, `{ introductions(from: "org:brusano", to: "org:bot", maxLength: 7) { length } }`, nil, "INVALID", "maxLength")
		s.expectError(t, `{ introductions(from: "org:brusano", to: "org:bot", first: 11) { length } }`, nil, "INVALID", "first")
		s.expectError(t, `{ introductions(from: "org:brusano", to: "org:nobody") { length } }`, nil, "NOT_FOUND", "to")
		s.expectError(t, `{ introductions(from: "org:brusano", to: "org:brusano") { length } }`, nil, "INVALID", "to")
		s.expectError(t, `{ isolation(territory: "territory:brussels-region", first: -1) { isolatedProjects { id } } }`, nil, "INVALID", "first")
	})

	t.Run("Costed", func(t *testing.T) {
		small := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 2000}})
		errs := small.do(t, `{ brokers(territory: "territory:brussels-region", first: 1) { betweenness } }`, nil, nil)
		require.NotEmpty(t, errs)
		assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"], "brokers cost more than any page of a list")
		small.mustDo(t, `{ isolation(territory: "territory:brussels-region", first: 5) { isolatedProjects { id } } }`, nil, nil)
	})
}
