package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
)

// TestShutdownLosesNoAcknowledgedWrite writes from several clients while the
// service shuts down, as on SIGTERM, then reopens the store: every write the
// service acknowledged must be there.
func TestShutdownLosesNoAcknowledgedWrite(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "buurtnet.db")
	m := NewMain()
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	require.NoError(t, m.ParseFlags([]string{"--listen", "127.0.0.1:0", "--store", dsn, "--demo=false", "--rate-limit", "0"}))
	require.NoError(t, m.Run(context.Background()))
	secret := editorToken(t, m)

	var (
		mu    sync.Mutex
		acked []string
		wg    sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second}
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				id := fmt.Sprintf("territory:w%d-%d", w, i)
				body := fmt.Sprintf(`{"query":"mutation { createTerritory(input: {id: \"%s\", name: {nl: \"T\"}, kind: SITE}) { id } }"}`, id)
				req, _ := http.NewRequest(http.MethodPost, "http://"+m.Addr+"/query", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+secret)
				resp, err := client.Do(req)
				if err != nil {
					return // the server has gone: stop writing
				}
				var r struct {
					Data   *struct{ CreateTerritory struct{ ID string } }
					Errors []any
				}
				err = json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				if err == nil && resp.StatusCode == http.StatusOK && len(r.Errors) == 0 && r.Data != nil {
					mu.Lock()
					acked = append(acked, r.Data.CreateTerritory.ID)
					mu.Unlock()
				}
			}
		}(w)
	}
	time.Sleep(50 * time.Millisecond)
	require.NoError(t, m.Close()) // what SIGTERM does: stop accepting, finish in flight, close the store
	wg.Wait()
	require.NotEmpty(t, acked, "some writes were acknowledged before the shutdown")

	db, err := sqlite.Open(context.Background(), dsn)
	require.NoError(t, err)
	defer db.Close()
	nodes, err := db.Nodes(context.Background(), acked)
	require.NoError(t, err)
	found := map[string]bool{}
	for _, n := range nodes {
		found[n.NodeID()] = true
	}
	for _, id := range acked {
		assert.True(t, found[id], "acknowledged write %s was lost", id)
	}
	_, total, err := db.Find(context.Background(), buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Limit: 1})
	require.NoError(t, err)
	t.Logf("%d writes acknowledged, %d stored", len(acked), total)
}
