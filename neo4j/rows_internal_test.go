package neo4j

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSendRows checks, without a server, how a batch is laid out: the lead
// columns first, the other properties in the order of the literal, and a
// value every row shares sent once.
func TestSendRows(t *testing.T) {
	t.Run("links", func(t *testing.T) {
		rows := []map[string]any{
			{"from": "a", "to": "b", "props": map[string]any{"key": "a b", "created_at": "t1", "role": "LEAD", "version": int64(1)}},
			{"from": "a", "to": "c", "props": map[string]any{"key": "a c", "created_at": "t1", "version": int64(1), "territory_roles": []string{"ACTIVE"}}},
		}
		sent := sendRows(rows, "props", "from", "to")
		assert.Equal(t, "{created_at: $same.created_at, key: row[2], role: row[3], territory_roles: row[4], version: $same.version}", sent.props)
		assert.Equal(t, []any{
			[]any{"a", "b", "a b", "LEAD", nil},
			[]any{"a", "c", "a c", nil, []string{"ACTIVE"}},
		}, sent.params["rows"])
		assert.Equal(t, map[string]any{"created_at": "t1", "version": int64(1)}, sent.params["same"])
	})
	t.Run("nodes", func(t *testing.T) {
		rows := []map[string]any{
			{"id": "p1", "kind": "PROJECT", "name": "Een"},
			{"id": "p2", "kind": "PROJECT", "name": "Twee"},
		}
		sent := sendRows(rows, "", "id")
		assert.Equal(t, "{id: row[0], kind: $same.kind, name: row[1]}", sent.props)
		assert.Equal(t, []any{[]any{"p1", "Een"}, []any{"p2", "Twee"}}, sent.params["rows"])
	})
	t.Run("a value in the first row only is not shared", func(t *testing.T) {
		rows := []map[string]any{{"id": "x", "note": "n"}, {"id": "y"}}
		sent := sendRows(rows, "")
		assert.Equal(t, "{id: row[0], note: row[1]}", sent.props)
		assert.Equal(t, []any{[]any{"x", "n"}, []any{"y", nil}}, sent.params["rows"])
		assert.Empty(t, sent.params["same"])
	})
}
