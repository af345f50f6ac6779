package server_test

import (
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// warmWatch tells when every profile has been read, and counts the reads
// of profiles and of territories.
type warmWatch struct {
	buurtnet.Store
	profiles, territories atomic.Int64
	loaded                chan struct{}
}

func (s *warmWatch) Profiles(ctx context.Context, q buurtnet.ProfileQuery) ([]*buurtnet.ProjectProfile, error) {
	s.profiles.Add(1)
	ps, err := s.Store.Profiles(ctx, q)
	if q.All && err == nil {
		close(s.loaded)
	}
	return ps, err
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
	watch := &warmWatch{Store: demoStore(t), loaded: make(chan struct{})}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: watch, WarmUp: true, Logger: quiet}))
	t.Cleanup(srv.Close)

	select {
	case <-watch.loaded:
	case <-time.After(30 * time.Second):
		t.Fatal("no warm-up read every profile")
	}
	require.Equal(t, int64(1), watch.territories.Load(), "every territory, read once")
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
