package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Every value of every fixed list has a label in the three languages, and
// the table is unambiguous: each label finds its own value back.
func TestValueLabels(t *testing.T) {
	lists := map[string][]string{
		buurtnet.ListStatus:           strs(buurtnet.ProjectStatuses),
		buurtnet.ListRole:             strs(buurtnet.Roles),
		buurtnet.ListLevel:            strs(buurtnet.StakeholderLevels),
		buurtnet.ListCoverage:         strs(buurtnet.Coverages),
		buurtnet.ListCommunity:        strs(buurtnet.LanguageCommunities),
		buurtnet.ListSector:           strs(buurtnet.Sectors),
		buurtnet.ListOrganisationKind: strs(buurtnet.OrganisationKinds),
		buurtnet.ListTerritoryKind:    strs(buurtnet.TerritoryKinds),
		buurtnet.ListFunderLevel:      strs(buurtnet.FunderLevels),
		buurtnet.ListFramework:        strs(buurtnet.Frameworks),
		buurtnet.ListLinkKind:         strs(buurtnet.LinkKinds),
		buurtnet.ListSpatial:          strs([]buurtnet.Spatial{buurtnet.SpatialSame, buurtnet.SpatialContains, buurtnet.SpatialWithin, buurtnet.SpatialPartial}),
		buurtnet.ListSynergyKind:      strs(buurtnet.SynergyKinds),
		buurtnet.ListCareLine:         strs(buurtnet.CareLines),
		buurtnet.ListCareForm:         strs(buurtnet.CareForms),
	}
	var names []string
	for l := range lists {
		names = append(names, l)
	}
	assert.ElementsMatch(t, names, buurtnet.ValueLists(), "every list of the table is checked here")
	for list, values := range lists {
		assert.ElementsMatch(t, values, buurtnet.ListValues(list), "%s: the table has exactly the domain's values", list)
		for _, v := range values {
			for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
				label := buurtnet.ValueLabel(list, v, lang)
				require.NotEqual(t, v, label, "%s %s has no %s label", list, v, lang)
				got, err := buurtnet.ParseValue(list, label)
				require.NoError(t, err, "%s %s in %s", list, v, lang)
				assert.Equal(t, v, got, "%s: %q", list, label)
			}
			got, err := buurtnet.ParseValue(list, v)
			require.NoError(t, err)
			assert.Equal(t, v, got)
		}
	}
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// The values people write in spreadsheets (issue 12).
func TestParseValue(t *testing.T) {
	for _, tc := range []struct{ list, in, want string }{
		{buurtnet.ListRole, "coördinator", "COORDINATOR"},
		{buurtnet.ListRole, "COÖRDINATOR", "COORDINATOR"},
		{buurtnet.ListRole, "partenaire", "PARTNER"},
		{buurtnet.ListRole, "Coordinateur", "COORDINATOR"},
		{buurtnet.ListLevel, "meebeslissen", "CO_DECIDE"},
		{buurtnet.ListLevel, "Mee beslissen", "CO_DECIDE"},
		{buurtnet.ListLevel, "co-créer", "CO_CREATE"},
		{buurtnet.ListLevel, "co-create", "CO_CREATE"},
		{buurtnet.ListLevel, "CO_CREATE", "CO_CREATE"},
		{buurtnet.ListSector, "thuiszorg", "HOME_CARE"},
		{buurtnet.ListSector, "Soins à domicile", "HOME_CARE"},
		{buurtnet.ListSector, "health care", "HEALTH_CARE"},
		{buurtnet.ListStatus, "proefproject", "PILOT"},
		{buurtnet.ListStatus, "Projet pilote", "PILOT"},
		{buurtnet.ListCommunity, "tweetalig", "BILINGUAL"},
		{buurtnet.ListCommunity, "francophone", "FR"},
		{buurtnet.ListTerritoryKind, "wijk", "NEIGHBOURHOOD"},
		{buurtnet.ListTerritoryKind, "quartier", "NEIGHBOURHOOD"},
		{buurtnet.ListFunderLevel, "gewestelijk", "REGIONAL"},
		{buurtnet.ListCoverage, "een deel van het gebied", "PART"},
		{buurtnet.ListLinkKind, "samenwerking", "COLLABORATES_WITH"},
	} {
		got, err := buurtnet.ParseValue(tc.list, tc.in)
		require.NoError(t, err, "%s %q", tc.list, tc.in)
		assert.Equal(t, tc.want, got, "%s %q", tc.list, tc.in)
	}
	for _, tc := range []struct{ list, in string }{
		{buurtnet.ListRole, "baas"},
		{buurtnet.ListRole, "thuiszorg"}, // a sector, not a role
		{buurtnet.ListLevel, ""},
		{"colour", "rood"},
	} {
		_, err := buurtnet.ParseValue(tc.list, tc.in)
		assert.Error(t, err, "%s %q", tc.list, tc.in)
	}
}
