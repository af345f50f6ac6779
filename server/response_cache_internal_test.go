package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
)

func TestAnswersBounded(t *testing.T) {
	answer := func(n int) *graphql.Response {
		return &graphql.Response{Data: json.RawMessage(`"` + strings.Repeat("x", n-2) + `"`)}
	}
	a := newAnswers(3, 100)
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
