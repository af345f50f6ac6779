package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet/server"
)

// TestGraphQLOverHTTPAudit runs the public server audits of the
// GraphQL-over-HTTP specification (the graphql-http package's
// serverAudits) against the handler, and fails on any failure or warning.
// It needs Node: without it the test is skipped, except in CI (CI=true),
// where scripts/test installs the audit's packages with npm ci.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is needed for the GraphQL-over-HTTP audit in CI")
		}
		t.Skip("node is not installed; the GraphQL-over-HTTP audit runs in CI")
	}
	dir := filepath.Join("testdata", "http-audit")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); err != nil {
		npm := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
		npm.Dir = dir
		if out, err := npm.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}
	// The service's default configuration, called anonymously. The audits
	// ask __type(name:), so they cannot pass with introspection off, which
	// refuses it (see TestClientMistakesAreInvalidAndNotLogged).
	srv := newDemoServer(t).withConfig(t, server.Config{Introspection: true})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "audit.mjs", srv.URL+"/query")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("GraphQL-over-HTTP audit: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
