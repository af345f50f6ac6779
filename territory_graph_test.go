package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

func partOf(child, parent string) *buurtnet.Link {
	return &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: child, To: parent}}
}

func overlaps(a, b string) *buurtnet.Link {
	return &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: a, To: b}}
}

// A small Brussels: Brabantwijk overlaps two municipalities; Stalingrad is
// split in two halves that each belong to a zone.
func brussels() *buurtnet.TerritoryGraph {
	return buurtnet.NewTerritoryGraph([]*buurtnet.Link{
		partOf("sint-joost", "region"), partOf("schaarbeek", "region"), partOf("brabant", "region"),
		overlaps("brabant", "sint-joost"), overlaps("brabant", "schaarbeek"),
		partOf("site-groen", "brabant"), partOf("site-groen", "sint-joost"),
		partOf("street-schaarbeek", "schaarbeek"),
		partOf("stalingrad-a", "stalingrad"), partOf("stalingrad-b", "stalingrad"),
		partOf("stalingrad-a", "zone-1"), partOf("stalingrad-b", "zone-2"),
		partOf("anneessens", "zone-1"),
	})
}

func TestRelate(t *testing.T) {
	g := brussels()
	for _, c := range []struct {
		a, b string
		want buurtnet.Spatial
		ok   bool
	}{
		{"brabant", "brabant", buurtnet.SpatialSame, true},
		{"region", "site-groen", buurtnet.SpatialContains, true},
		{"site-groen", "region", buurtnet.SpatialWithin, true},
		{"brabant", "schaarbeek", buurtnet.SpatialPartial, true}, // OVERLAPS
		{"sint-joost", "brabant", buurtnet.SpatialPartial, true}, // OVERLAPS, other direction
		{"zone-1", "stalingrad", buurtnet.SpatialPartial, true},  // shared half
		{"zone-1", "zone-2", "", false},                          // the two halves do not meet
		{"anneessens", "stalingrad", "", false},                  // siblings in a zone share nothing
		{"street-schaarbeek", "brabant", "", false},              // an overlapping ancestor says nothing
		{"street-schaarbeek", "sint-joost", "", false},           // different municipalities
		{"site-groen", "schaarbeek", "", false},                  // the site is on the Sint-Joost side
		{"region", "stalingrad", "", false},                      // not linked at all
	} {
		got, ok := g.Relate(c.a, c.b)
		assert.Equal(t, c.ok, ok, "%s ~ %s", c.a, c.b)
		assert.Equal(t, c.want, got, "%s ~ %s", c.a, c.b)
	}
}

// Related must return exactly the territories Relate says yes to, so that
// stores can fetch candidates without missing any.
func TestRelatedAgreesWithRelate(t *testing.T) {
	g := brussels()
	all := []string{"region", "sint-joost", "schaarbeek", "brabant", "site-groen", "street-schaarbeek", "stalingrad", "stalingrad-a", "stalingrad-b", "zone-1", "zone-2", "anneessens"}
	for _, a := range all {
		related := map[string]bool{}
		for _, r := range g.Related(a) {
			related[r] = true
		}
		for _, b := range all {
			_, ok := g.Relate(a, b)
			assert.Equal(t, ok, related[b], "Related(%s) vs Relate(%s, %s)", a, a, b)
		}
	}
}

func TestWouldCycle(t *testing.T) {
	g := brussels()
	assert.True(t, g.WouldCycle("region", "site-groen"))
	assert.True(t, g.WouldCycle("brabant", "brabant"))
	assert.False(t, g.WouldCycle("street-schaarbeek", "brabant"))
	g.AddPartOf("street-schaarbeek", "brabant")
	assert.True(t, g.WouldCycle("brabant", "street-schaarbeek"), "a link added in the same batch counts")
}
