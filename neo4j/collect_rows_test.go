package neo4j_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rows of a read come a thousand to a record, whole and in the
// query's order across records; no row is no record.
func TestCollectRowsKeepsEveryRowInOrder(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	rows, err := db.CollectRows(ctx, `UNWIND range(1, 2500) AS i RETURN i AS n, toString(i) AS s ORDER BY n DESC`, "n", "s")
	require.NoError(t, err)
	require.Len(t, rows, 2500)
	for i, row := range rows {
		n := 2500 - i
		if !assert.Equal(t, []any{int64(n), strconv.Itoa(n)}, row, "row %d", i) {
			break
		}
	}
	rows, err = db.CollectRows(ctx, `UNWIND [] AS i RETURN i AS n`, "n")
	require.NoError(t, err)
	assert.Empty(t, rows)
}
