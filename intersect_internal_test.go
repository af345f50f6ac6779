package buurtnet

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// intersect gives the same answer whether its lists are sorted, small
// enough to compare pair by pair or large enough for a map.
func TestIntersectSmallAndLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	list := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprint("o", r.IntN(n+3)) // with duplicates
		}
		return out
	}
	for _, size := range []int{0, 1, 3, 10, 16, 17, 40} {
		for range 50 {
			a, b := list(size), list(r.IntN(size+1)+size/2)
			var want []string
			for _, x := range b {
				if slices.Contains(a, x) && !slices.Contains(want, x) {
					want = append(want, x)
				}
			}
			sort.Strings(want)
			if got := intersect(a, b); !slices.Equal(got, want) {
				t.Fatalf("intersect(%v, %v) = %v, want %v", a, b, got, want)
			}
			slices.Sort(a)
			slices.Sort(b)
			if got := intersect(a, b); !slices.Equal(got, want) {
				t.Fatalf("intersect of sorted %v, %v = %v, want %v", a, b, got, want)
			}
		}
	}
}
