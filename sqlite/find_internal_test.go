package sqlite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// TestEveryFilterCompiles compiles every path of the filter table: each
// must compile, and bind as many values as the statement has placeholders.
func TestEveryFilterCompiles(t *testing.T) {
	for _, ff := range buurtnet.Filters {
		for _, p := range ff.Paths {
			q := &findQuery{}
			require.NoError(t, q.condition(buurtnet.FilterCondition{Field: ff.Name, Path: p, Values: []string{"x"}}), "%s on %s", ff.Name, p.Kind)
			sql := q.with() + q.where()
			assert.Equal(t, strings.Count(sql, "?"), len(q.params()), "%s on %s: %s", ff.Name, p.Kind, sql)
			assert.NotContains(t, sql, "'x'", "%s on %s: values are parameters", ff.Name, p.Kind)
		}
	}
}
