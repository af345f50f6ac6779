package parallel

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorsPlacesEachErrorAtItsIndex(t *testing.T) {
	for _, n := range []int{0, 1, 100, 3*minPerWorker + 7, 50_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			bad := func(i int) bool { return i%997 == 3 }
			errs := Errors(n, func(i int) error {
				if bad(i) {
					return fmt.Errorf("item %d", i)
				}
				return nil
			})
			if n <= 3 {
				assert.Nil(t, errs, "every check passed")
				return
			}
			require.Len(t, errs, n)
			for i, err := range errs {
				if bad(i) {
					assert.EqualError(t, err, fmt.Sprintf("item %d", i))
				} else {
					assert.NoError(t, err, "item %d", i)
				}
			}
		})
	}
}

func TestErrorsIsNilWhenAllPass(t *testing.T) {
	calls := make([]int, 20_000)
	errs := Errors(len(calls), func(i int) error { calls[i]++; return nil })
	assert.Nil(t, errs)
	for i, c := range calls {
		require.Equal(t, 1, c, "check %d ran once", i)
	}
	assert.Nil(t, Errors(5, func(int) error { return nil }))
	assert.Len(t, Errors(5, func(i int) error {
		if i == 4 {
			return errors.New("last")
		}
		return nil
	}), 5)
}
