package buurtnet_test

import (
	"context"
	"sync"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The network questions on the regional tier (5,000 projects, 20,000
// organisations), from the snapshot on: what the store fetches is the same
// Profiles / Nodes calls the other questions make and is timed by the
// store benchmarks. README "Network analysis" quotes these figures.

var regional struct {
	once     sync.Once
	graph    *buurtnet.TerritoryGraph
	profiles []*buurtnet.ProjectProfile
	orgs     []*buurtnet.Organisation
}

func regionalNetwork(b *testing.B, scope buurtnet.NetworkScope) *buurtnet.PartnershipNetwork {
	b.Helper()
	return regionalNetworkT(scope)
}

func regionalNetworkT(scope buurtnet.NetworkScope) *buurtnet.PartnershipNetwork {
	regional.once.Do(func() {
		n := synthetic.Network(synthetic.TierM, 1)
		regional.graph = buurtnet.NewTerritoryGraph(n.Links)
		regional.profiles = buurtnet.BuildProfiles(n.Projects, n.Links)
		regional.orgs = n.Organisations
	})
	net := buurtnet.NewPartnershipNetwork(regional.graph, scope, regional.profiles)
	net.AddOrganisations(regional.orgs, nil)
	return net
}

var (
	municipality = buurtnet.NetworkScope{Territory: synthetic.MunicipalityID(0)}
	province     = buurtnet.NetworkScope{Territory: synthetic.ProvinceID(0)}
	region       = buurtnet.NetworkScope{Territory: synthetic.RegionID}
)

func benchNetwork(b *testing.B, scope buurtnet.NetworkScope, question func(context.Context, *buurtnet.PartnershipNetwork) error) {
	n := regionalNetwork(b, scope)
	// The machines these run on are shared: CPU time per question says
	// more than wall time there.
	before := cpuTime(b)
	for b.Loop() {
		if err := question(b.Context(), n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime(b)-before).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(n.Projects)), "projects")
	b.ReportMetric(float64(len(n.Participants())), "organisations")
	b.ReportMetric(float64(n.Participations()), "participations")
}

func brokers(ctx context.Context, n *buurtnet.PartnershipNetwork) error {
	_, err := buurtnet.FindBrokers(ctx, n, 20)
	return err
}

func clusters(ctx context.Context, n *buurtnet.PartnershipNetwork) error {
	_, err := buurtnet.FindClusters(ctx, n, 20)
	return err
}

func bridges(ctx context.Context, n *buurtnet.PartnershipNetwork) error {
	_, err := buurtnet.FindBridges(ctx, n, buurtnet.DivideLanguage, 20)
	return err
}

func introductions(ctx context.Context, n *buurtnet.PartnershipNetwork) error {
	ps := n.Participants()
	_, err := buurtnet.FindIntroductions(ctx, n, ps[0], ps[len(ps)-1], buurtnet.MaxIntroductionLength, 5)
	return err
}

func BenchmarkBrokersMunicipality(b *testing.B)  { benchNetwork(b, municipality, brokers) }
func BenchmarkClustersMunicipality(b *testing.B) { benchNetwork(b, municipality, clusters) }
func BenchmarkClustersProvince(b *testing.B)     { benchNetwork(b, province, clusters) }
func BenchmarkBridgesProvince(b *testing.B)      { benchNetwork(b, province, bridges) }
func BenchmarkIntroductionsRegion(b *testing.B)  { benchNetwork(b, region, introductions) }
func BenchmarkIsolationRegion(b *testing.B) {
	benchNetwork(b, region, func(_ context.Context, n *buurtnet.PartnershipNetwork) error { buurtnet.FindIsolated(n); return nil })
}

// Brokers and clusters of the whole region: betweenness is estimated from
// pivots there (BrandesWork).
func BenchmarkBrokersProvince(b *testing.B) { benchNetwork(b, province, brokers) }
func BenchmarkBrokersRegion(b *testing.B)   { benchNetwork(b, region, brokers) }
func BenchmarkClustersRegion(b *testing.B)  { benchNetwork(b, region, clusters) }

// gonum's exact Brandes and gonum's Louvain, which brokers and clusters
// used before, on the same graphs: run with the above, they give the
// ratios README "Network analysis" quotes. The region is left out: gonum's
// Louvain takes half a minute there, its Brandes many.
func BenchmarkBrokersMunicipalityGonum(b *testing.B) {
	benchNetwork(b, municipality, buurtnet.GonumBetweenness)
}
func BenchmarkClustersMunicipalityGonum(b *testing.B) {
	benchNetwork(b, municipality, buurtnet.GonumLouvain)
}
func BenchmarkClustersProvinceGonum(b *testing.B) { benchNetwork(b, province, buurtnet.GonumLouvain) }
