package storetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// FixturePath is the fixture network, relative to the repository root.
const FixturePath = "testdata/storetest/network.yaml"

// RepoRoot returns the folder holding go.mod, found by walking up from the
// test's working directory (the package folder under go test).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "no go.mod above the working directory")
		dir = parent
	}
}

// ReadNetwork parses a network file, path relative to the repository root.
func ReadNetwork(t testing.TB, path string) *buurtnet.Network {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(RepoRoot(t), path))
	require.NoError(t, err)
	n, err := buurtnet.ReadNetworkYAML(b)
	require.NoError(t, err, "parse %s", path)
	return n
}

// Fixture returns a fresh copy of the fixture network, as written in the
// file.
func Fixture(t testing.TB) *buurtnet.Network { return ReadNetwork(t, FixturePath) }

// normalized returns a fresh fixture as a store keeps it: validated (names
// trimmed, enterprise numbers canonical, default role and coverage set,
// symmetric links from < to), clean, and sorted like a snapshot.
func normalized(t testing.TB, n *buurtnet.Network) *buurtnet.Network {
	t.Helper()
	require.NoError(t, n.Validate(nil))
	return sortedNetwork(n)
}

// fixtureNormalized is the fixture as Snapshot must return it (without
// timestamps).
func fixtureNormalized(t testing.TB) *buurtnet.Network { return normalized(t, Fixture(t)) }

// Load applies network n to s and fails the test on an error.
func Load(t testing.TB, s buurtnet.Store, n *buurtnet.Network) *buurtnet.ApplyReport {
	t.Helper()
	r, err := s.Apply(t.Context(), n, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	require.NotNil(t, r)
	return r
}

// loaded opens a store holding the fixture network.
func loaded(t *testing.T, open Opener) buurtnet.Store {
	t.Helper()
	s := open(t)
	Load(t, s, Fixture(t))
	return s
}

// Fixture sizes, to keep the counting tests honest.
const (
	fixtureEntities = 11 + 4 + 3 + 6 + 3 + 6 + 9 + 1 // … + persons
	fixtureLinks    = 67
)
