package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSoakSmoke is a 3-second soak: every abusive request gets the answer
// it must and no normal request fails. The minute-long run with figures is
// `go run ./scripts/soak`.
func TestSoakSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("a 3-second soak")
	}
	r, err := Run(context.Background(), Config{Duration: 3 * time.Second, Rate: 10, Abusers: 2, RateLimit: 50, Burst: 100, Concurrent: 2})
	require.NoError(t, err)
	assert.Empty(t, r.Problems())
	require.Len(t, r.Phases, 3)
	for _, p := range r.Phases {
		assert.NotEmpty(t, p.Normal, p.Name)
	}
	sent := 0
	for _, a := range r.Abuse {
		sent += a.Sent
	}
	assert.Positive(t, sent, "abusive requests were sent")
	var out strings.Builder
	r.Print(&out)
	t.Log("\n" + out.String())
}
