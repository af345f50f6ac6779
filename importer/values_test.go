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

// Values of the fixed lists in the facilitators' languages (issue 12): the
// cells of issue 12 that were refused ("COÖRDINATOR is not one of
// [COORDINATOR PARTNER ASSOCIATE]") are read as their values.
func TestReadValuesInDutchAndFrench(t *testing.T) {
	ctx := context.Background()
	links := "soort;van;naar;rol;betrokkenheid;dekking\n" +
		"deelname;org:a;project:p;coördinator;meebeslissen;\n" +
		"PARTICIPATES_IN;org:b;project:p;partenaire;co-créer;\n" +
		"participation;org:c;project:p;Betrokken;Informer;\n" +
		"actief in gebied;project:p;territory:t;;;een deel van het gebied\n"
	net, rep, err := importer.ReadCSV(ctx, "relaties", strings.NewReader(links))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	require.Len(t, net.Links, 4)
	got := []string{}
	for _, l := range net.Links {
		got = append(got, strings.Join([]string{string(l.Kind), l.From, string(l.Role), string(l.Level), string(l.Coverage)}, " "))
	}
	assert.Equal(t, []string{
		"PARTICIPATES_IN org:a COORDINATOR CO_DECIDE ",
		"PARTICIPATES_IN org:b PARTNER CO_CREATE ",
		"PARTICIPATES_IN org:c ASSOCIATE INFORM ",
		"ACTIVE_IN project:p   PART",
	}, got)

	orgs := "id;naam_nl;soort;secteurs;langue\n" +
		"org:a;A;vereniging;thuiszorg|Soins de santé;tweetalig\n" +
		"org:b;B;Centre d'expertise;welzijn, ouderenzorg;francophone\n"
	net, rep, err = importer.ReadCSV(ctx, "organisaties", strings.NewReader(orgs))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	require.Len(t, net.Organisations, 2)
	assert.Equal(t, buurtnet.OrgAssociation, net.Organisations[0].Kind)
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorHomeCare, buurtnet.SectorHealthCare}, net.Organisations[0].Sectors)
	assert.Equal(t, buurtnet.LangCommunityBilingual, net.Organisations[0].LanguageCommunity)
	assert.Equal(t, buurtnet.OrgKnowledgeCentre, net.Organisations[1].Kind)
	assert.Equal(t, []buurtnet.Sector{buurtnet.SectorWelfare, buurtnet.SectorElderlyCare}, net.Organisations[1].Sectors)
	assert.Equal(t, buurtnet.LangCommunityFR, net.Organisations[1].LanguageCommunity)

	// The same word means a different value in another list: "niveau" is a
	// funder's level on the funders sheet.
	funders := "id;naam_nl;niveau\nfunder:f;F;gewestelijk\n"
	net, rep, err = importer.ReadCSV(ctx, "financiers", strings.NewReader(funders))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	assert.Equal(t, buurtnet.FunderRegional, net.Funders[0].Level)

	territories := "id;naam_nl;soort\nterritory:w;W;wijk\nterritory:q;Q;quartier\n"
	net, rep, err = importer.ReadCSV(ctx, "gebieden", strings.NewReader(territories))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	assert.Equal(t, buurtnet.TerritoryNeighbourhood, net.Territories[0].Kind)
	assert.Equal(t, buurtnet.TerritoryNeighbourhood, net.Territories[1].Kind)

	projects := "id;naam_nl;fase\nproject:x;X;Projet pilote\n"
	net, rep, err = importer.ReadCSV(ctx, "projecten", strings.NewReader(projects))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	assert.Equal(t, buurtnet.StatusPilot, net.Projects[0].Status)
}

// A word that names no value is still refused, at its cell.
func TestReadValueUnknown(t *testing.T) {
	links := "soort;van;naar;rol\nPARTICIPATES_IN;org:a;project:p;baas\n"
	_, rep, err := importer.ReadCSV(context.Background(), "relaties", strings.NewReader(links))
	require.NoError(t, err)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, "rol", rep.Problems[0].Column)
	assert.Contains(t, rep.Problems[0].Message, "BAAS")
}
