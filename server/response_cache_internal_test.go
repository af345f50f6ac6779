package server

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestAnswersBounded(t *testing.T) {
	answer := func(n int) *graphql.Response {
		return &graphql.Response{Data: json.RawMessage(`"` + strings.Repeat("x", n-2) + `"`)}
	}
	a := newBoundedLRU(3, 100, answerSize)
	a.add("a", answer(40))
	a.add("b", answer(40))
	_, ok := a.get("a") // a is now the most recently used
	assert.True(t, ok)
	a.add("c", answer(40)) // 120 bytes: b, the least recently used, goes
	_, ok = a.get("b")
	assert.False(t, ok, "over the bytes")
	assert.Equal(t, 80, a.bytes)

	a.add("d", answer(10))
	a.add("e", answer(10)) // four answers: a, the least recently used, goes
	_, ok = a.get("a")
	assert.False(t, ok, "over the number")
	assert.Equal(t, 60, a.bytes)
}

// gqlgen's caches keep no entry larger than their bound, and no more
// bytes in all than theirs.
func TestGqlgenCacheBounded(t *testing.T) {
	ctx := t.Context()
	threeTimesText := func(query string, _ *ast.QueryDocument) int { return 3 * len(query) }
	c := newGqlgenCache(100, 3000, 900, threeTimesText)
	small := strings.Repeat("{ a }", 40) // 200 bytes of text: 600 counted
	c.Add(ctx, "large "+strings.Repeat("x", 300), nil)
	_, ok := c.Get(ctx, "large "+strings.Repeat("x", 300))
	assert.False(t, ok, "a document over the bound per entry is not kept")
	for i := range 10 {
		c.Add(ctx, small+strconv.Itoa(i), nil)
	}
	assert.LessOrEqual(t, c.lru.bytes, 3000)
	_, ok = c.Get(ctx, small+"9")
	assert.True(t, ok, "the most recent is kept")
	_, ok = c.Get(ctx, small+"0")
	assert.False(t, ok, "the oldest went")

	apq := newGqlgenCache(100, persistedQueryBytes, maxPersistedQuery, persistedQuerySize)
	apq.Add(ctx, "hash", strings.Repeat("x", maxPersistedQuery))
	_, ok = apq.Get(ctx, "hash")
	assert.False(t, ok, "a persisted query over the bound is not kept")
	apq.Add(ctx, "hash", "{ a }")
	v, ok := apq.Get(ctx, "hash")
	assert.True(t, ok)
	assert.Equal(t, "{ a }", v)
}
