package importer

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

// Every enum column names the fixed list its cells are read against, so a
// Dutch or French label works in every one of them; the pillar alone has no
// labels (A, B, C are its names in every language).
func TestEnumColumnsNameTheirList(t *testing.T) {
	for _, d := range sheetDefs {
		for _, c := range d.columns {
			if c.typ != tEnum && c.typ != tEnums {
				assert.Empty(t, c.list, "%s.%s is no enum and takes no list", d.name, c.name)
				continue
			}
			if c.name == "pillar" {
				assert.Empty(t, c.list, "%s.%s", d.name, c.name)
				continue
			}
			assert.True(t, slices.Contains(buurtnet.ValueLists(), c.list), "%s.%s names list %q, which the domain has no labels for", d.name, c.name, c.list)
		}
	}
}
