package neo4j_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
	"github.com/buurtnet/buurtnet/neo4j"
	"github.com/buurtnet/buurtnet/synthetic"
)

// stored reads back every entity of n and every link of the store.
func stored(t *testing.T, db *neo4j.DB, n *buurtnet.Network) ([]buurtnet.Node, []*buurtnet.Link) {
	t.Helper()
	ctx := context.Background()
	var ids []string
	for _, node := range n.Nodes() {
		ids = append(ids, node.NodeID())
	}
	nodes, err := db.Nodes(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	links, err := db.Links(ctx, buurtnet.LinkQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return nodes, links
}

// A first import written in many transactions stores exactly what one
// transaction stores, and reports the same.
func TestApplyInBatchesStoresWhatOneTransactionDoes(t *testing.T) {
	db := openStore(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return at }
	ctx := context.Background()
	n := synthetic.Network(synthetic.TierS, 3)

	batches := 0
	restore := neo4j.BatchedImport(1, 997, func() error { batches++; return nil })
	inBatches, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	restore()
	if err != nil {
		t.Fatalf("Apply in batches: %v", err)
	}
	if want := (len(n.Nodes()) + len(n.Links)) / 997; batches < want {
		t.Fatalf("%d batches, want at least %d: the import was not written in batches", batches, want)
	}
	nodes, links := stored(t, db, n)
	revision, err := db.Revision(ctx)
	if err != nil || revision == 0 {
		t.Fatalf("revision %d, %v: the audit entries were not written", revision, err)
	}

	if err := db.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	restore = neo4j.BatchedImport(len(n.Links)+1, 997, func() error { t.Fatal("one transaction wrote in batches"); return nil })
	inOne, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	restore()
	if err != nil {
		t.Fatalf("Apply in one transaction: %v", err)
	}
	wantNodes, wantLinks := stored(t, db, n)

	if len(inBatches.Created) != len(inOne.Created) || len(inBatches.Created) != len(n.Nodes())+len(n.Links) {
		t.Errorf("created %d in batches, %d in one transaction, of %d entities and links", len(inBatches.Created), len(inOne.Created), len(n.Nodes())+len(n.Links))
	}
	if len(nodes) != len(wantNodes) || len(links) != len(wantLinks) {
		t.Fatalf("in batches %d entities and %d links, in one transaction %d and %d", len(nodes), len(links), len(wantNodes), len(wantLinks))
	}
	for i := range nodes {
		if !storekit.SameContent(nodes[i], wantNodes[i]) || buurtnet.Timestamps(nodes[i]) != buurtnet.Timestamps(wantNodes[i]) {
			t.Fatalf("entity %s differs: in batches %+v, in one transaction %+v", nodes[i].NodeID(), nodes[i], wantNodes[i])
		}
	}
	for i := range links {
		if !reflect.DeepEqual(links[i], wantLinks[i]) {
			t.Fatalf("link %s differs: in batches %+v, in one transaction %+v", links[i].LinkKey.String(), links[i], wantLinks[i])
		}
	}
}

// A batch that fails undoes the batches committed before it: a first
// import leaves the database empty, and can be run again.
func TestApplyInBatchesFailingLeavesNothing(t *testing.T) {
	db := openStore(t)
	ctx := context.Background()
	n := synthetic.Network(synthetic.TierS, 4)

	// The batches of entities: one or more per kind.
	perKind := map[buurtnet.Kind]int{}
	for _, node := range n.Nodes() {
		perKind[node.NodeKind()]++
	}
	entityBatches := 0
	for _, count := range perKind {
		entityBatches += (count + 1499) / 1500
	}
	for _, failAt := range []int{2, entityBatches + 2} { // among the entities, among the links
		batches := 0
		failed := errors.New("the server went away")
		restore := neo4j.BatchedImport(1, 1500, func() error {
			if batches++; batches == failAt {
				return failed
			}
			return nil
		})
		_, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
		restore()
		if !errors.Is(err, failed) {
			t.Fatalf("failing at batch %d: Apply = %v, want the batch's error", failAt, err)
		}
		if nodes, links := stored(t, db, n); len(nodes) != 0 || len(links) != 0 {
			t.Fatalf("failing at batch %d: %d entities and %d links left", failAt, len(nodes), len(links))
		}
	}

	restore := neo4j.BatchedImport(1, 1500, nil)
	defer restore()
	if _, err := db.Apply(ctx, n, buurtnet.ApplyOptions{}); err != nil {
		t.Fatalf("Apply again: %v", err)
	}
	if nodes, links := stored(t, db, n); len(nodes) != len(n.Nodes()) || len(links) != len(n.Links) {
		t.Fatalf("%d entities and %d links, want %d and %d", len(nodes), len(links), len(n.Nodes()), len(n.Links))
	}

	// Into a database that holds entities, the import is one transaction.
	restore = neo4j.BatchedImport(1, 1500, func() error { t.Fatal("an import into a full database wrote in batches"); return nil })
	defer restore()
	again, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatalf("Apply a third time: %v", err)
	}
	if len(again.Created) != 0 || len(again.Updated) != 0 || again.Unchanged != len(n.Nodes())+len(n.Links) {
		t.Fatalf("Apply a third time: %d created, %d updated, %d unchanged", len(again.Created), len(again.Updated), again.Unchanged)
	}
}

// A first import decides its links while its entities are written: a link
// that breaks the nesting still refuses the whole import, and the entities
// written meanwhile are deleted again.
func TestApplyInBatchesRefusedLinkLeavesNothing(t *testing.T) {
	db := openStore(t)
	ctx := context.Background()
	n := synthetic.Network(synthetic.TierS, 5)
	var nested *buurtnet.Link
	for _, l := range n.Links {
		if l.Kind == buurtnet.LinkPartOf {
			nested = l
			break
		}
	}
	if nested == nil {
		t.Fatal("the network has no PART_OF link")
	}
	// The territory made part of what it holds: a cycle, as the last link.
	cycle := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: nested.To, To: nested.From}}
	n.Links = append(n.Links, cycle)

	batches := 0
	restore := neo4j.BatchedImport(1, 997, func() error { batches++; return nil })
	defer restore()
	_, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	if batches == 0 {
		t.Fatal("no batch of entities was written before the refusal")
	}
	if code := buurtnet.ErrorCode(err); code != buurtnet.ECONFLICT && code != buurtnet.EINVALID {
		t.Fatalf("Apply = %v (%s), want the cycle refused", err, code)
	}
	if field := buurtnet.ErrorField(err); field != fmt.Sprintf("links[%d]", len(n.Links)-1) {
		t.Errorf("error on %q, want the last link", field)
	}
	if nodes, links := stored(t, db, n); len(nodes) != 0 || len(links) != 0 {
		t.Fatalf("%d entities and %d links left", len(nodes), len(links))
	}
}
