package server

import (
	"context"
	"time"

	"github.com/buurtnet/buurtnet"
)

// measuredStore times every store call for the buurtnet_store_seconds metric.
// It names the store rather than embedding it, so that a method added to
// buurtnet.Store does not compile until it is measured here too.
type measuredStore struct {
	store buurtnet.Store
	m     *metrics
}

var _ buurtnet.Store = measuredStore{}

func (s measuredStore) Nodes(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	defer s.m.observeStore("Nodes", time.Now())
	return s.store.Nodes(ctx, ids)
}

func (s measuredStore) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	defer s.m.observeStore("Find", time.Now())
	return s.store.Find(ctx, f)
}

func (s measuredStore) Links(ctx context.Context, q buurtnet.LinkQuery) ([]*buurtnet.Link, error) {
	defer s.m.observeStore("Links", time.Now())
	return s.store.Links(ctx, q)
}

func (s measuredStore) TerritoryGraph(ctx context.Context) (*buurtnet.TerritoryGraph, error) {
	defer s.m.observeStore("TerritoryGraph", time.Now())
	return s.store.TerritoryGraph(ctx)
}

func (s measuredStore) Profiles(ctx context.Context, q buurtnet.ProfileQuery) ([]*buurtnet.ProjectProfile, error) {
	defer s.m.observeStore("Profiles", time.Now())
	return s.store.Profiles(ctx, q)
}

func (s measuredStore) CreateNode(ctx context.Context, n buurtnet.Node) error {
	defer s.m.observeStore("CreateNode", time.Now())
	return s.store.CreateNode(ctx, n)
}

func (s measuredStore) UpdateNode(ctx context.Context, id string, change func(buurtnet.Node) error) (buurtnet.Node, error) {
	defer s.m.observeStore("UpdateNode", time.Now())
	return s.store.UpdateNode(ctx, id, change)
}

func (s measuredStore) DeleteNode(ctx context.Context, id string) error {
	defer s.m.observeStore("DeleteNode", time.Now())
	return s.store.DeleteNode(ctx, id)
}

func (s measuredStore) CreateLink(ctx context.Context, l *buurtnet.Link) error {
	defer s.m.observeStore("CreateLink", time.Now())
	return s.store.CreateLink(ctx, l)
}

func (s measuredStore) UpdateLink(ctx context.Context, k buurtnet.LinkKey, u buurtnet.LinkUpdate) (*buurtnet.Link, error) {
	defer s.m.observeStore("UpdateLink", time.Now())
	return s.store.UpdateLink(ctx, k, u)
}

func (s measuredStore) DeleteLink(ctx context.Context, k buurtnet.LinkKey) error {
	defer s.m.observeStore("DeleteLink", time.Now())
	return s.store.DeleteLink(ctx, k)
}

func (s measuredStore) Apply(ctx context.Context, n *buurtnet.Network, o buurtnet.ApplyOptions) (*buurtnet.ApplyReport, error) {
	defer s.m.observeStore("Apply", time.Now())
	return s.store.Apply(ctx, n, o)
}

func (s measuredStore) Snapshot(ctx context.Context) (*buurtnet.Network, error) {
	defer s.m.observeStore("Snapshot", time.Now())
	return s.store.Snapshot(ctx)
}

func (s measuredStore) Revision(ctx context.Context) (int64, error) {
	defer s.m.observeStore("Revision", time.Now())
	return s.store.Revision(ctx)
}

func (s measuredStore) AuditLog(ctx context.Context, f buurtnet.AuditFilter) ([]*buurtnet.AuditEntry, error) {
	defer s.m.observeStore("AuditLog", time.Now())
	return s.store.AuditLog(ctx, f)
}

func (s measuredStore) CreateToken(ctx context.Context, t *buurtnet.Token) error {
	defer s.m.observeStore("CreateToken", time.Now())
	return s.store.CreateToken(ctx, t)
}

func (s measuredStore) RevokeToken(ctx context.Context, id string) error {
	defer s.m.observeStore("RevokeToken", time.Now())
	return s.store.RevokeToken(ctx, id)
}

func (s measuredStore) TokenByHash(ctx context.Context, hash string) (*buurtnet.Token, error) {
	defer s.m.observeStore("TokenByHash", time.Now())
	return s.store.TokenByHash(ctx, hash)
}

func (s measuredStore) Tokens(ctx context.Context) ([]*buurtnet.Token, error) {
	defer s.m.observeStore("Tokens", time.Now())
	return s.store.Tokens(ctx)
}

func (s measuredStore) Ping(ctx context.Context) error {
	defer s.m.observeStore("Ping", time.Now())
	return s.store.Ping(ctx)
}

// Close is not timed: it happens once, at shutdown.
func (s measuredStore) Close() error { return s.store.Close() }
