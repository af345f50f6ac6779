package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportCommandBoundsProblems imports a file with a problem on every
// row: the first 200 are printed, then how many more there are, and the
// exit error gives the whole count.
func TestImportCommandBoundsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("naam;soort\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "Wijkhuis %d;GEEN_SOORT\n", i)
	}
	path := filepath.Join(t.TempDir(), "organisations.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	var out bytes.Buffer
	err := runImport(context.Background(), []string{path, "--dry-run", "--store", filepath.Join(t.TempDir(), "buurtnet.db")}, &out, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "1000 problem(s)")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 201)
	assert.True(t, strings.HasPrefix(lines[0], "organisations row 2, column soort: "), lines[0])
	assert.True(t, strings.HasPrefix(lines[199], "organisations row 201, column soort: "), lines[199])
	assert.Equal(t, "… and 800 more problem(s), not listed: fix the first ones and try again.", lines[200])
}
