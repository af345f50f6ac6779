package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

// TestMayRead: contact persons are for signed-in callers, every other kind
// for anyone.
func TestMayRead(t *testing.T) {
	for _, a := range []buurtnet.Actor{buurtnet.Anonymous, {Name: "x", Role: buurtnet.RoleViewer}, {Name: "y", Role: buurtnet.RoleAdmin}} {
		for _, k := range buurtnet.Kinds {
			err := a.MayRead(k)
			if k == buurtnet.KindPerson && !a.IsAuthenticated() {
				assert.Equal(t, buurtnet.EUNAUTHORIZED, buurtnet.ErrorCode(err), "%s reading %s", a.Name, k)
			} else {
				assert.NoError(t, err, "%s reading %s", a.Name, k)
			}
		}
	}
}

// TestNetworkReadableBy: an anonymous reader's copy has no contact persons
// and no link to one; a signed-in reader's is the network itself.
func TestNetworkReadableBy(t *testing.T) {
	n := &buurtnet.Network{
		Organisations: []*buurtnet.Organisation{{ID: "org:a"}},
		Projects:      []*buurtnet.Project{{ID: "project:p"}},
		Persons:       []*buurtnet.Person{{ID: "person:c", Name: "Voorbeeld Contactpersoon"}},
		Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:a", To: "project:p"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkWorksAt, From: "person:c", To: "org:a"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkContactFor, From: "person:c", To: "project:p"}},
		},
	}
	public := n.ReadableBy(buurtnet.Anonymous)
	assert.Empty(t, public.Persons)
	assert.Equal(t, n.Links[:1], public.Links)
	assert.Len(t, n.Persons, 1, "the network itself is left as it was")
	assert.Len(t, n.Links, 3)

	assert.Same(t, n, n.ReadableBy(buurtnet.Actor{Name: "x", Role: buurtnet.RoleViewer}))
}
