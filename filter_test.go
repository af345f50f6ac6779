package buurtnet_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// TestFiltersTable checks the table the stores compile: every hop connects
// the kinds the path says, a repeated hop only ends a path to the entity
// given, ids lead to the kind the field names, properties exist.
func TestFiltersTable(t *testing.T) {
	names := map[string]bool{}
	for _, ff := range buurtnet.Filters {
		assert.False(t, names[ff.Name], "field %s twice", ff.Name)
		names[ff.Name] = true
		kinds := map[buurtnet.Kind]bool{}
		for _, p := range ff.Paths {
			where := ff.Name + " on " + string(p.Kind)
			assert.False(t, kinds[p.Kind], "%s: twice", where)
			kinds[p.Kind] = true
			assert.NotEmpty(t, p.Doc, where)
			ends := p.Ends()
			for i, h := range p.Hops {
				require.NotEmpty(t, h.Links, where)
				for _, l := range h.Links {
					from, to := l.Endpoints()
					if h.Way == buurtnet.Against {
						from, to = to, from
					}
					assert.Equal(t, ends[i], from, "%s: hop %d leaves from a %s", where, i, ends[i])
					assert.Equal(t, ends[i+1], to, "%s: hop %d arrives at a %s", where, i, ends[i+1])
				}
				if h.Repeat {
					assert.True(t, i == len(p.Hops)-1 && p.Test == buurtnet.IsGiven, "%s: a repeated hop must end a path to the entity given", where)
				}
			}
			if p.Test == buurtnet.IsGiven {
				assert.Equal(t, ff.Ref, p.End(), "%s: the path must end at the kind of the id", where)
				assert.NotEmpty(t, p.Hops, "%s: an id filter follows links", where)
			} else {
				assert.Empty(t, ff.Ref, "%s: a test on the end entity takes no id", where)
				assert.False(t, p.ExcludeGiven, where)
			}
			switch p.Test {
			case buurtnet.HasValue, buurtnet.HasAnyOf, buurtnet.ListsValue:
				n, err := buurtnet.NewNode(p.End())
				require.NoError(t, err)
				assert.True(t, hasJSONField(reflect.TypeOf(n).Elem(), p.Property), "%s: a %s has no field %q", where, p.End(), p.Property)
			case buurtnet.RunsOn:
				assert.Equal(t, buurtnet.KindProject, p.End(), "%s: only projects run", where)
			}
		}
	}
}

func hasJSONField(t reflect.Type, name string) bool {
	for i := range t.NumField() {
		if strings.Split(t.Field(i).Tag.Get("json"), ",")[0] == name {
			return true
		}
	}
	return false
}

// TestFiltersCoverNodeFilter checks that every filtering field of
// NodeFilter has its row in the table and every row its field: a field
// with no row would be accepted and ignored.
func TestFiltersCoverNodeFilter(t *testing.T) {
	notFilters := map[string]bool{"Kind": true, "OrderBy": true, "Desc": true, "Lang": true, "Offset": true, "Limit": true}
	var fields, rows []string
	for f := range reflect.TypeFor[buurtnet.NodeFilter]().Fields() {
		if !notFilters[f.Name] {
			fields = append(fields, strings.ToLower(f.Name[:1])+f.Name[1:])
		}
	}
	for _, ff := range buurtnet.Filters {
		rows = append(rows, ff.Name)
	}
	assert.ElementsMatch(t, fields, rows)
}

// TestFilterConditions checks what a store is given to compile: the fields
// given, in the table's order, with their values as strings.
func TestFilterConditions(t *testing.T) {
	f := buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorWelfare, Search: "  Société ", Theme: "theme:x",
		ActiveOn: buurtnet.NewDate(2021, 6, 1), EnterpriseNumber: "BE0123456749"}
	require.NoError(t, f.Validate())
	var got []string
	for _, c := range f.Conditions() {
		got = append(got, c.Field+"="+strings.Join(c.Values, ","))
		assert.Equal(t, buurtnet.KindOrganisation, c.Path.Kind)
	}
	assert.Equal(t, []string{"search=societe", "theme=theme:x", "activeOn=2021-06-01", "sector=" + string(buurtnet.SectorWelfare), "enterpriseNumber=0123.456.749"}, got)

	blank := buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "   "}
	require.NoError(t, blank.Validate())
	assert.Empty(t, blank.Conditions(), "a blank search does not filter")
}

// TestNodeFilterValidateOrder checks that of several problems Validate
// always reports the same one: the first in the order of Filters.
func TestNodeFilterValidateOrder(t *testing.T) {
	for _, c := range []struct {
		name   string
		filter buurtnet.NodeFilter
		field  string
	}{
		{"TwoBadIDs", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Project: "", Organisation: "theme:x", Theme: "org:y", Funder: "project:z", Territory: "funder:w"}, "filter.territory"},
		{"BadIDsNoTerritory", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Project: "theme:x", Funder: "org:y", TargetGroup: "project:z"}, "filter.targetGroup"},
		{"TwoFieldsNotApplying", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Framework: buurtnet.FrameworkVVSG, Level: buurtnet.FunderPrivate, Funder: "funder:x"}, "filter.funder"},
		{"NotApplyingBeforeBadID", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Territory: "project:x", Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot}}, "filter.status"},
		{"NotApplyingBeforeOrder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, OrderBy: buurtnet.OrderByStart, Sector: buurtnet.SectorWelfare}, "filter.sector"},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Maps iterate in a new order each time: ask often enough that
			// an order that depends on one would show.
			for range 50 {
				f := c.filter
				err := f.Validate()
				require.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%v", err)
				require.Equal(t, c.field, buurtnet.ErrorField(err))
			}
		})
	}
}

// TestFilterPathString checks the notation of the docs.
func TestFilterPathString(t *testing.T) {
	p := func(field string, k buurtnet.Kind) string {
		for _, ff := range buurtnet.Filters {
			if ff.Name == field {
				path, ok := ff.Path(k)
				require.True(t, ok)
				return path.String()
			}
		}
		t.Fatalf("no field %s", field)
		return ""
	}
	assert.Equal(t, "funder -FUNDS-> project -ACTIVE_IN-> territory -PART_OF*-> the territory given", p("territory", buurtnet.KindFunder))
	assert.Equal(t, "territory -PART_OF*-> the territory given, itself excluded", p("territory", buurtnet.KindTerritory))
	assert.Equal(t, "org -PARTICIPATES_IN-> project <-FUNDS- the funder given", p("funder", buurtnet.KindOrganisation))
	assert.Equal(t, "org -PARTICIPATES_IN-> project running on the day given", p("activeOn", buurtnet.KindOrganisation))
	assert.Equal(t, "org whose sectors include the value given", p("sector", buurtnet.KindOrganisation))
}
