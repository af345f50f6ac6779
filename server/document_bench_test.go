package server_test

import (
	"fmt"
	"testing"

	"github.com/vektah/gqlparser/v2"

	"github.com/buurtnet/buurtnet/graph"
)

// BenchmarkRepeatedFieldValidation measures what gqlparser's validation
// costs for fields repeated under one name, the figure behind
// maxMergePairs: go test -run '^$' -bench RepeatedField ./server/
func BenchmarkRepeatedFieldValidation(b *testing.B) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, n := range []int{50, 100, 450} {
		for name, item := range map[string]func(int) string{
			"conflicting": func(i int) string { return fmt.Sprintf(`n: node(id:"org:a%d"){id}`, i) },
			"identical":   func(int) string { return `n: node(id:"org:a1"){id}` },
			"distinct":    func(i int) string { return fmt.Sprintf(`n%d: node(id:"org:a%d"){id}`, i, i) },
		} {
			q := "{ " + repeat(n, item) + " }"
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				for b.Loop() {
					gqlparser.LoadQuery(schema, q)
				}
			})
		}
	}
}
