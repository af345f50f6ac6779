package server_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// warmWatch counts the reads of profiles and of territories.
type warmWatch struct {
	buurtnet.Store
	profiles, territories atomic.Int64
}

func (s *warmWatch) Profiles(ctx context.Context, q buurtnet.ProfileQuery) ([]*buurtnet.ProjectProfile, error) {
	s.profiles.Add(1)
	return s.Store.Profiles(ctx, q)
}

func (s *warmWatch) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	if f.Kind == buurtnet.KindTerritory {
		s.territories.Add(1)
	}
	return s.Store.Find(ctx, f)
}

func (s *warmWatch) Nodes(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	for _, id := range ids {
		if buurtnet.KindOf(id) == buurtnet.KindTerritory {
			s.territories.Add(1)
			break
		}
	}
	return s.Store.Nodes(ctx, ids)
}

// With WarmUp, the service reads every profile and every territory when it
// starts, and the first question finds them in memory.
func TestWarmUpLoadsTheCachesAtStart(t *testing.T) {
	watch := &warmWatch{Store: demoStore(t)}
	var log lockedBuffer
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: watch, WarmUp: true, Logger: slog.New(slog.NewTextHandler(&log, nil))}))
	t.Cleanup(srv.Close)

	// Once the warm-up says it is over: a question asked while the
	// profiles are still being read may read its own subject's.
	require.Eventually(t, func() bool { return strings.Contains(log.String(), "caches warm") },
		30*time.Second, 5*time.Millisecond, "the warm-up never finished: %s", log.String())
	require.Equal(t, int64(1), watch.territories.Load(), "every territory, read once")
	require.Equal(t, int64(1), watch.profiles.Load(), "every profile, read once")
	profiles := watch.profiles.Load()

	var got struct {
		Overlaps []struct {
			Places []struct {
				Territory struct{ Name string }
			}
		}
	}
	anonymous := &demoServer{Server: srv}
	require.Empty(t, anonymous.do(t, `{ overlaps(project: "project:boost") { places { territory { name } } } }`, nil, &got))
	require.NotEmpty(t, got.Overlaps)
	require.Equal(t, profiles, watch.profiles.Load(), "the question read profiles again")
	require.Equal(t, int64(1), watch.territories.Load(), "the question read territories again")
}
