package storekit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// fakeReader is a store holding one organisation and one territory, and
// recording what PrepareApply asks it.
type fakeReader struct {
	stored  map[string]buurtnet.Node
	asked   [][]string
	numbers []string
}

func (r *fakeReader) ExistingIDs(ids []string) (map[string]bool, error) {
	r.asked = append(r.asked, ids)
	out := map[string]bool{}
	for _, id := range ids {
		if r.stored[id] != nil {
			out[id] = true
		}
	}
	return out, nil
}

func (r *fakeReader) Nodes(ids []string) ([]buurtnet.Node, error) {
	var out []buurtnet.Node
	for _, id := range ids {
		if n := r.stored[id]; n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

func (r *fakeReader) EnterpriseHolders(numbers []string) (map[string]*buurtnet.Organisation, error) {
	r.numbers = append(r.numbers, numbers...)
	out := map[string]*buurtnet.Organisation{}
	for _, n := range r.stored {
		if o, ok := n.(*buurtnet.Organisation); ok && o.EnterpriseNumber != "" {
			out[o.EnterpriseNumber] = o
		}
	}
	return out, nil
}

func (r *fakeReader) TerritoryGraph() (*buurtnet.TerritoryGraph, error) {
	return buurtnet.NewTerritoryGraph(nil), nil
}

func newReader() *fakeReader {
	return &fakeReader{stored: map[string]buurtnet.Node{
		"org:stored":    &buurtnet.Organisation{ID: "org:stored", Name: buurtnet.Text{NL: "Opgeslagen"}, EnterpriseNumber: "0123.456.749"},
		"territory:old": &buurtnet.Territory{ID: "territory:old", Name: buurtnet.Text{NL: "Oud"}, Kind: buurtnet.TerritoryNeighbourhood},
	}}
}

func TestPrepareApply(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	t.Run("MatchesByEnterpriseNumber", func(t *testing.T) {
		r := newReader()
		n := &buurtnet.Network{
			Organisations: []*buurtnet.Organisation{{ID: "org:file", Name: buurtnet.Text{NL: "Uit het bestand"}, EnterpriseNumber: "0123.456.749"}},
			Links: []*buurtnet.Link{
				{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkLocatedIn, From: "org:file", To: "territory:old"}},
				{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:file", To: "territory:old"}},
			},
		}
		prep, err := storekit.PrepareApply(n, now, r)
		require.NoError(t, err)
		assert.Equal(t, [][]string{{"territory:old"}}, r.asked, "only the ends outside the file, each once")
		assert.Equal(t, []string{"0123.456.749"}, r.numbers)
		assert.Equal(t, "org:stored", prep.Plan.ID("org:file"))
		node, decision := prep.Plan.Node(prep.Nodes[0], prep.Stored[prep.Plan.ID("org:file")])
		assert.Equal(t, storekit.Update, decision, "the stored organisation, renamed")
		assert.Equal(t, "org:stored", node.NodeID())
	})
	t.Run("ErrUnknownEnd", func(t *testing.T) {
		n := &buurtnet.Network{Links: []*buurtnet.Link{{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:old", To: "territory:nowhere"}}}}
		_, err := storekit.PrepareApply(n, now, newReader())
		assert.Equal(t, buurtnet.ENOTFOUND, buurtnet.ErrorCode(err), "%v", err)
	})
	t.Run("ErrTwoRowsOneNumber", func(t *testing.T) {
		n := &buurtnet.Network{Organisations: []*buurtnet.Organisation{
			{ID: "org:a", Name: buurtnet.Text{NL: "A"}, EnterpriseNumber: "0123.456.749"},
			{ID: "org:b", Name: buurtnet.Text{NL: "B"}, EnterpriseNumber: "0123.456.749"},
		}}
		_, err := storekit.PrepareApply(n, now, newReader())
		assert.Equal(t, buurtnet.ECONFLICT, buurtnet.ErrorCode(err), "%v", err)
	})
}
