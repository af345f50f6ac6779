package importer_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/importer"
)

func TestReadCSV(t *testing.T) {
	// organisations.csv: ";" separated, with a byte-order mark, Dutch and
	// French headers, and ids left out on all but the first row.
	net, rep := readFile(t, fixture("organisations.csv"))
	require.Empty(t, rep.Problems)
	require.Len(t, net.Organisations, 4)

	o := net.Organisations[0]
	assert.Equal(t, "org:wijkhuis-noord", o.ID)
	assert.Equal(t, buurtnet.Text{NL: "Wijkhuis Noord", FR: "Maison de quartier Nord"}, o.Name)
	assert.Equal(t, buurtnet.OrgAssociation, o.Kind)
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorCommunity, buurtnet.SectorWelfare}, o.Sectors)
	assert.Equal(t, buurtnet.LangCommunityBilingual, o.LanguageCommunity)
	assert.Equal(t, "0123.456.749", o.EnterpriseNumber)

	assert.Equal(t, "org:kbo-0987654394", net.Organisations[1].ID, "id from the enterprise number")
	assert.Equal(t, "0987.654.394", net.Organisations[1].EnterpriseNumber, "BE 0987 654 394 in canonical form")
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorHomeCare, buurtnet.SectorElderlyCare}, net.Organisations[1].Sectors, "a comma separates too")
	assert.Equal(t, "org:buurtapotheek-de-kruidenier", net.Organisations[2].ID, "id from the name")
	assert.Equal(t, "org:kbo-0412345614", net.Organisations[3].ID, "nine digits: the leading zero a spreadsheet dropped")
	assert.Equal(t, buurtnet.Text{FR: "Centre de santé Les Tilleuls"}, net.Organisations[3].Name)
}

func TestReadCSVCommaSeparated(t *testing.T) {
	net, rep := readFile(t, fixture("projects.csv"))
	require.Empty(t, rep.Problems)
	require.Len(t, net.Projects, 2)
	p := net.Projects[0]
	assert.Equal(t, "Fictief project: buren helpen buren, met koffie en een luisterend oor", p.Description.NL, "a quoted comma is text")
	assert.Equal(t, "2023-01-01", p.Period.Start.String())
	assert.Equal(t, "2025-12-31", p.Period.End.String(), "31/12/2025: day first")
	assert.Equal(t, buurtnet.StatusImplementation, net.Projects[1].Status, "enum values in any case")
}

func TestReadCSVWindows1252(t *testing.T) {
	// Excel's plain "CSV" is Windows-1252: é is the single byte 0xE9.
	csv := "naam_nl;nom_fr\r\nBuurthuis;Maison de quartier \xe9t\xe9\r\n"
	net, rep, err := importer.ReadCSV(context.Background(), "organisaties", strings.NewReader(csv))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	assert.Equal(t, "Maison de quartier été", net.Organisations[0].Name.FR)
}

func TestReadXLSX(t *testing.T) {
	net, rep := readFile(t, goodWorkbook(t))
	require.Empty(t, rep.Problems)
	assert.Len(t, net.Territories, 2)
	assert.Len(t, net.Themes, 1, `"Thema's" is the themes sheet`)
	assert.Len(t, net.Organisations, 3)
	assert.Len(t, net.Links, 10)

	assert.Equal(t, "org:kbo-0987654394", net.Organisations[1].ID, "a number cell without its leading zero")
	assert.Equal(t, "2023-01-01", net.Projects[0].Period.Start.String(), "a date cell")
	assert.Equal(t, 2, net.Functions[0].Number)
	funds := net.Links[2]
	require.NotNil(t, funds.Amount)
	assert.Equal(t, buurtnet.Money(12500050), *funds.Amount, "a number cell in euro, kept to the cent")
	assert.Equal(t, "org:kbo-0987654394", net.Links[4].From, "kbo: names an organisation of the file")
	assert.Equal(t, buurtnet.RoleAssociate, net.Links[5].Role)
}

func TestReadKBOReferenceInFile(t *testing.T) {
	// A link may name an organisation of the same file by enterprise number.
	net, rep := readFile(t, writeXLSX(t,
		sheet{"organisations", [][]any{{"id", "name_nl", "enterprise_number"}, {"org:a", "Vzw A", "0123.456.749"}}},
		sheet{"projects", [][]any{{"id", "name_nl"}, {"project:p", "Project P"}}},
		sheet{"links", [][]any{{"kind", "from", "to"}, {"PARTICIPATES_IN", "KBO: 0123456749", "project:p"}}},
	))
	require.Empty(t, rep.Problems)
	assert.Equal(t, "org:a", net.Links[0].From)
}

func TestReadProblems(t *testing.T) {
	t.Run("XLSX", func(t *testing.T) {
		net, rep := readFile(t, badWorkbook(t))
		assert.Equal(t, badPlaces, places(rep.Problems))
		assert.False(t, rep.OK())
		// The network holds the good rows only.
		require.Len(t, net.Organisations, 1)
		assert.Equal(t, "Vzw Goed", net.Organisations[0].Name.NL)
		assert.Len(t, net.Projects, 1)
	})
	t.Run("CSV", func(t *testing.T) {
		// The blank line 7 is a row in a spreadsheet too: the last row is 8.
		_, rep := readFile(t, fixture("errors-organisations.csv"))
		assert.Equal(t, []at{
			{"errors-organisations", 1, "kleur"},
			{"errors-organisations", 2, "naam_nl"},
			{"errors-organisations", 3, "ondernemingsnummer"},
			{"errors-organisations", 4, "soort"},
			{"errors-organisations", 6, "id"},
			{"errors-organisations", 8, "naam_nl"},
			{"errors-organisations", 8, "soort"},
			{"errors-organisations", 8, "ondernemingsnummer"},
		}, places(rep.Problems))
		assert.Contains(t, rep.Problems[2].Message, "check digits")
		assert.Contains(t, rep.Problems[4].Message, "errors-organisations row 5")
	})
	t.Run("SameDerivedID", func(t *testing.T) {
		_, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader("name_nl\nWijkhuis\nWIJKHUIS\n"))
		require.NoError(t, err)
		assert.Equal(t, []at{{"organisations", 3, "name_nl"}}, places(rep.Problems), "no id column: the name is to blame")
	})
	t.Run("UnknownSheet", func(t *testing.T) {
		_, rep, err := importer.Read(context.Background(), "adressen.csv", strings.NewReader("naam\nx\n"))
		require.NoError(t, err)
		assert.Equal(t, []at{{"adressen", 0, ""}}, places(rep.Problems))
	})
}

func TestReadUnreadable(t *testing.T) {
	for name, body := range map[string]string{
		"partners.xlsx": "not a zip file",
		"partners.json": `{"organisations": [{"id": "org:a", "phone": "x"}]}`,
		"partners.yaml": "organisations: [{id: org:a, colour: red}]",
		"partners.pdf":  "%PDF",
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := importer.Read(context.Background(), name, strings.NewReader(body))
			require.Error(t, err)
			assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
		})
	}
}

func TestReadDemoYAML(t *testing.T) {
	net, rep, err := importer.Read(context.Background(), "demo-network.yaml", bytes.NewReader(demo.YAML()))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	network, err := demo.Network()
	require.NoError(t, err)
	assert.Equal(t, len(network.Nodes()), len(net.Nodes()))
	assert.Equal(t, len(network.Links), len(net.Links))
}
