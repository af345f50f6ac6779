package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplorerFlag(t *testing.T) {
	m := NewMain()
	require.NoError(t, m.ParseFlags(nil))
	assert.True(t, m.Explorer, "the explorer is on by default")
	t.Setenv("BUURTNET_EXPLORER", "false")
	m = NewMain()
	require.NoError(t, m.ParseFlags(nil))
	assert.False(t, m.Explorer)
	require.NoError(t, m.ParseFlags([]string{"--explorer=true"}))
	assert.True(t, m.Explorer, "a flag wins over the environment")
}
