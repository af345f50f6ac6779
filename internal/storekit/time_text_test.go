package storekit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestTimeTextFormatsEveryTime(t *testing.T) {
	f := NewTimeText(time.RFC3339Nano)
	brussels := time.FixedZone("CET", 3600)
	a := time.Date(2026, 12, 2, 3, 0, 0, 5, time.UTC)
	b := a.Add(time.Second)
	for _, c := range []time.Time{a, a, b, a.In(brussels), b, {}} {
		assert.Equal(t, c.UTC().Format(time.RFC3339Nano), f.Format(c))
	}
}
