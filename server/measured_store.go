package server

import (
	"context"
	"time"

	"github.com/buurtnet/buurtnet"
)

// measuredStore times every store call for the buurtnet_store_seconds metric.
type measuredStore struct {
	buurtnet.Store
	m *metrics
}

func (s measuredStore) Nodes(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	defer s.m.observeStore("Nodes", time.Now())
	return s.Store.Nodes(ctx, ids)
}

func (s measuredStore) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	defer s.m.observeStore("Find", time.Now())
	return s.Store.Find(ctx, f)
}

func (s measuredStore) Links(ctx context.Context, q buurtnet.LinkQuery) ([]*buurtnet.Link, error) {
	defer s.m.observeStore("Links", time.Now())
	return s.Store.Links(ctx, q)
}

func (s measuredStore) TerritoryGraph(ctx context.Context) (*buurtnet.TerritoryGraph, error) {
	defer s.m.observeStore("TerritoryGraph", time.Now())
	return s.Store.TerritoryGraph(ctx)
}

func (s measuredStore) Profiles(ctx context.Context, q buurtnet.ProfileQuery) ([]*buurtnet.ProjectProfile, error) {
	defer s.m.observeStore("Profiles", time.Now())
	return s.Store.Profiles(ctx, q)
}

func (s measuredStore) CreateNode(ctx context.Context, n buurtnet.Node) error {
	defer s.m.observeStore("CreateNode", time.Now())
	return s.Store.CreateNode(ctx, n)
}

func (s measuredStore) UpdateNode(ctx context.Context, id string, change func(buurtnet.Node) error) (buurtnet.Node, error) {
	defer s.m.observeStore("UpdateNode", time.Now())
	return s.Store.UpdateNode(ctx, id, change)
}

func (s measuredStore) DeleteNode(ctx context.Context, id string) error {
	defer s.m.observeStore("DeleteNode", time.Now())
	return s.Store.DeleteNode(ctx, id)
}

func (s measuredStore) CreateLink(ctx context.Context, l *buurtnet.Link) error {
	defer s.m.observeStore("CreateLink", time.Now())
	return s.Store.CreateLink(ctx, l)
}

func (s measuredStore) UpdateLink(ctx context.Context, k buurtnet.LinkKey, u buurtnet.LinkUpdate) (*buurtnet.Link, error) {
	defer s.m.observeStore("UpdateLink", time.Now())
	return s.Store.UpdateLink(ctx, k, u)
}

func (s measuredStore) DeleteLink(ctx context.Context, k buurtnet.LinkKey) error {
	defer s.m.observeStore("DeleteLink", time.Now())
	return s.Store.DeleteLink(ctx, k)
}

func (s measuredStore) Apply(ctx context.Context, n *buurtnet.Network, o buurtnet.ApplyOptions) (*buurtnet.ApplyReport, error) {
	defer s.m.observeStore("Apply", time.Now())
	return s.Store.Apply(ctx, n, o)
}

func (s measuredStore) Snapshot(ctx context.Context) (*buurtnet.Network, error) {
	defer s.m.observeStore("Snapshot", time.Now())
	return s.Store.Snapshot(ctx)
}
