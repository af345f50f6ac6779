package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/importer"
)

// TestEveryColumnFillsItsField reads each sheet with every column the
// package comment lists, under its documented name, and checks that each
// value lands in its own field: a setter wired to the wrong field would
// still compile.
func TestEveryColumnFillsItsField(t *testing.T) {
	start, end := buurtnet.NewDate(2021, 1, 1), buurtnet.NewDate(2022, 6, 30)
	amount := buurtnet.Money(1250050)
	for _, c := range []struct {
		sheet string
		rows  [][]string
		want  func(*buurtnet.Network) (want, got any)
	}{
		{"organisations", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "acronym", "kind", "sectors", "language_community", "enterprise_number", "social_map_id", "website", "description_nl", "description_fr", "description_en", "source"},
			{"org:voorbeeld", "Voorbeeldhuis", "Maison exemple", "Example house", "VBH", "association", "welfare|community", "bilingual", "0123.456.749", "sk-42", "https://voorbeeld.example", "Een huis", "Une maison", "A house", "jaarverslag"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Organisation{ID: "org:voorbeeld", Name: buurtnet.Text{NL: "Voorbeeldhuis", FR: "Maison exemple", EN: "Example house"}, Acronym: "VBH",
				Kind: buurtnet.OrgAssociation, Sectors: []buurtnet.Sector{buurtnet.SectorWelfare, buurtnet.SectorCommunity}, LanguageCommunity: buurtnet.LangCommunityBilingual,
				EnterpriseNumber: "0123.456.749", SocialMapID: "sk-42", Website: "https://voorbeeld.example",
				Description: buurtnet.Text{NL: "Een huis", FR: "Une maison", EN: "A house"}, Source: "jaarverslag"}, n.Organisations[0]
		}},
		{"projects", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "description_nl", "description_fr", "description_en", "status", "start", "end", "website", "source"},
			{"project:voorbeeld", "Voorbeeld", "Exemple", "Example", "Beschrijving", "Description FR", "Description EN", "pilot", "2021-01-01", "30/06/2022", "https://project.example", "projectfiche"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Project{ID: "project:voorbeeld", Name: buurtnet.Text{NL: "Voorbeeld", FR: "Exemple", EN: "Example"},
				Description: buurtnet.Text{NL: "Beschrijving", FR: "Description FR", EN: "Description EN"}, Status: buurtnet.StatusPilot,
				Period: buurtnet.Period{Start: start, End: end}, Website: "https://project.example", Source: "projectfiche"}, n.Projects[0]
		}},
		{"territories", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "kind", "code", "note", "source"},
			{"territory:voorbeeldwijk", "Voorbeeldwijk", "Quartier exemple", "Example ward", "neighbourhood", "21004A", "een notitie", "wijkmonitoring"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Territory{ID: "territory:voorbeeldwijk", Name: buurtnet.Text{NL: "Voorbeeldwijk", FR: "Quartier exemple", EN: "Example ward"},
				Kind: buurtnet.TerritoryNeighbourhood, Code: "21004A", Note: "een notitie", Source: "wijkmonitoring"}, n.Territories[0]
		}},
		{"funders", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "acronym", "level", "website", "source"},
			{"funder:voorbeeld", "Voorbeeldfonds", "Fonds exemple", "Example fund", "VBF", "community", "https://fonds.example", "besluit"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Funder{ID: "funder:voorbeeld", Name: buurtnet.Text{NL: "Voorbeeldfonds", FR: "Fonds exemple", EN: "Example fund"}, Acronym: "VBF",
				Level: buurtnet.FunderCommunity, Website: "https://fonds.example", Source: "besluit"}, n.Funders[0]
		}},
		{"themes", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "description_nl", "description_fr", "description_en", "source"},
			{"theme:voorbeeld", "Thema", "Thème", "Theme", "Over iets", "Sur quelque chose", "About something", "kader"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Term{ID: "theme:voorbeeld", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Thema", FR: "Thème", EN: "Theme"},
				Description: buurtnet.Text{NL: "Over iets", FR: "Sur quelque chose", EN: "About something"}, Source: "kader"}, n.Themes[0]
		}},
		{"targetgroups", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "description_nl", "description_fr", "description_en", "source"},
			{"targetgroup:voorbeeld", "Doelgroep", "Public", "Group", "Wie", "Qui", "Who", "kader"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Term{ID: "targetgroup:voorbeeld", Kind: buurtnet.KindTargetGroup, Name: buurtnet.Text{NL: "Doelgroep", FR: "Public", EN: "Group"},
				Description: buurtnet.Text{NL: "Wie", FR: "Qui", EN: "Who"}, Source: "kader"}, n.TargetGroups[0]
		}},
		{"functions", [][]string{
			{"id", "name_nl", "name_fr", "name_en", "description_nl", "description_fr", "description_en", "framework", "number", "pillar", "source"},
			{"function:voorbeeld", "Bouwsteen", "Brique", "Block", "Wat", "Quoi", "What", "caring neighbourhoods", "3", "b", "kader"},
		}, func(n *buurtnet.Network) (any, any) {
			return &buurtnet.Term{ID: "function:voorbeeld", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "Bouwsteen", FR: "Brique", EN: "Block"},
				Description: buurtnet.Text{NL: "Wat", FR: "Quoi", EN: "What"}, Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 3, Pillar: "B", Source: "kader"}, n.Functions[0]
		}},
		{"links", [][]string{
			{"kind", "from", "to", "role", "level", "start", "end", "amount", "coverage", "note", "source"},
			{"participates_in", "org:a", "project:b", "coordinator", "co-decide", "2021-01-01", "2022-06-30", "", "", "trekker", "convenant"},
			{"funds", "funder:c", "project:b", "", "", "", "", "12.500,50", "", "", ""},
			{"active_in", "project:b", "territory:d", "", "", "", "", "", "part", "", ""},
		}, func(n *buurtnet.Network) (any, any) {
			return []*buurtnet.Link{
				{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:a", To: "project:b"}, Role: buurtnet.RoleCoordinator, Level: buurtnet.LevelCoDecide,
					Period: buurtnet.Period{Start: start, End: end}, Note: "trekker", Source: "convenant"},
				{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkFunds, From: "funder:c", To: "project:b"}, Amount: &amount},
				{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:b", To: "territory:d"}, Coverage: buurtnet.CoveragePart},
			}, n.Links
		}},
	} {
		t.Run(c.sheet, func(t *testing.T) {
			var csv strings.Builder
			for _, row := range c.rows {
				csv.WriteString(strings.Join(row, ";") + "\r\n")
			}
			net, rep, err := importer.ReadCSV(context.Background(), c.sheet, strings.NewReader(csv.String()))
			require.NoError(t, err)
			require.Empty(t, rep.Problems)
			want, got := c.want(net)
			assert.Equal(t, want, got)
		})
	}
}
