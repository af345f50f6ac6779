package synthetic_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

func TestParseTier(t *testing.T) {
	for in, want := range map[string]synthetic.Tier{"S": synthetic.TierS, "m": synthetic.TierM, " L ": synthetic.TierL} {
		if got, err := synthetic.ParseTier(in); err != nil || got != want {
			t.Errorf("ParseTier(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "XL", "SM"} {
		if _, err := synthetic.ParseTier(in); err == nil {
			t.Errorf("ParseTier(%q) took it as a tier", in)
		}
	}
}

func TestDeterministic(t *testing.T) {
	encode := func(n *buurtnet.Network) string {
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	a, b := encode(synthetic.Network(synthetic.TierS, 1)), encode(synthetic.Network(synthetic.TierS, 1))
	if a != b {
		t.Error("two networks of tier S, seed 1 differ")
	}
	if c := encode(synthetic.Network(synthetic.TierS, 2)); c == a {
		t.Error("seeds 1 and 2 give the same network")
	}
}

// census counts what a network holds, for the checks below.
type census struct {
	territories    map[buurtnet.TerritoryKind]int
	links          map[buurtnet.LinkKind]int
	projectsAt     map[buurtnet.TerritoryKind]int // projects active in a territory of each kind
	partnerships   map[string]int                 // projects per organisation
	parents        map[string]int                 // PART_OF links per territory
	openPeriods    int
	closedPeriods  int
	linkPeriods    int
	levels, roles  map[string]int
	amounts        int
	frameworks     map[buurtnet.Framework]int
	languages      map[buurtnet.LanguageCommunity]int
	orgsWithNumber int
}

func count(n *buurtnet.Network) census {
	c := census{territories: map[buurtnet.TerritoryKind]int{}, links: map[buurtnet.LinkKind]int{}, projectsAt: map[buurtnet.TerritoryKind]int{},
		partnerships: map[string]int{}, parents: map[string]int{}, levels: map[string]int{}, roles: map[string]int{},
		frameworks: map[buurtnet.Framework]int{}, languages: map[buurtnet.LanguageCommunity]int{}}
	kindOf := map[string]buurtnet.TerritoryKind{}
	for _, t := range n.Territories {
		c.territories[t.Kind]++
		kindOf[t.ID] = t.Kind
	}
	for _, p := range n.Projects {
		switch {
		case p.Period.End.IsZero():
			c.openPeriods++
		default:
			c.closedPeriods++
		}
	}
	for _, f := range n.Functions {
		c.frameworks[f.Framework]++
	}
	for _, o := range n.Organisations {
		c.languages[o.LanguageCommunity]++
		if o.EnterpriseNumber != "" {
			c.orgsWithNumber++
		}
	}
	for _, l := range n.Links {
		c.links[l.Kind]++
		if !l.Period.IsOpen() {
			c.linkPeriods++
		}
		switch l.Kind {
		case buurtnet.LinkActiveIn:
			c.projectsAt[kindOf[l.To]]++
		case buurtnet.LinkParticipatesIn:
			c.partnerships[l.From]++
			c.levels[string(l.Level)]++
			c.roles[string(l.Role)]++
		case buurtnet.LinkPartOf:
			c.parents[l.From]++
		case buurtnet.LinkFunds:
			if l.Amount != nil {
				c.amounts++
			}
		}
	}
	return c
}

func TestSizes(t *testing.T) {
	for _, c := range []struct {
		tier                 synthetic.Tier
		territories          [2]int
		orgs, projects       int
		links                [2]int
		hubs, hubProjects    int // at least hubs organisations in hubProjects projects or more
		provinces, sectorsMn int
	}{
		{synthetic.TierS, [2]int{180, 220}, 2000, 500, [2]int{10_000, 25_000}, 3, 20, 1, 100},
		{synthetic.TierM, [2]int{5000, 5200}, 20_000, 5000, [2]int{130_000, 170_000}, 5, 100, 5, 3000},
		{synthetic.TierL, [2]int{19_000, 21_000}, 100_000, 25_000, [2]int{650_000, 850_000}, 5, 300, 10, 15_000},
	} {
		t.Run(string(c.tier), func(t *testing.T) {
			n := synthetic.Network(c.tier, 1)
			between(t, "territories", len(n.Territories), c.territories)
			between(t, "links", len(n.Links), c.links)
			if len(n.Organisations) != c.orgs || len(n.Projects) != c.projects {
				t.Errorf("%d organisations, %d projects; want %d, %d", len(n.Organisations), len(n.Projects), c.orgs, c.projects)
			}
			if got := synthetic.ProjectIDs(c.tier, 1); len(got) != len(n.Projects) || got[len(got)-1] != n.Projects[len(n.Projects)-1].ID {
				t.Errorf("ProjectIDs does not list the network's projects")
			}
			s := count(n)
			if s.territories[buurtnet.TerritoryRegion] != 1 || s.territories[buurtnet.TerritoryProvince] != c.provinces ||
				s.territories[buurtnet.TerritoryStatisticalSector] < c.sectorsMn {
				t.Errorf("territories by kind: %v", s.territories)
			}

			// Skew: a few organisations in many projects, most in a few.
			var per []int
			for _, k := range s.partnerships {
				per = append(per, k)
			}
			slices.Sort(per)
			slices.Reverse(per)
			median := per[len(per)/2]
			if per[c.hubs-1] < c.hubProjects || per[0] < 10*median {
				t.Errorf("partner counts not skewed: top %v, median %d", per[:c.hubs], median)
			}

			// Activity at every level, partial overlaps, periods.
			for _, k := range []buurtnet.TerritoryKind{buurtnet.TerritoryRegion, buurtnet.TerritoryProvince, buurtnet.TerritoryMunicipality, buurtnet.TerritoryNeighbourhood, buurtnet.TerritoryStatisticalSector} {
				if s.projectsAt[k] == 0 {
					t.Errorf("no project active at %s level: %v", k, s.projectsAt)
				}
			}
			if s.projectsAt[buurtnet.TerritoryRegion] > s.projectsAt[buurtnet.TerritoryMunicipality]/10 {
				t.Errorf("too many region-wide projects: %v", s.projectsAt)
			}
			twoParents := 0
			for _, k := range s.parents {
				if k > 1 {
					twoParents++
				}
			}
			if twoParents == 0 || s.links[buurtnet.LinkOverlaps] == 0 || s.links[buurtnet.LinkAdjacentTo] == 0 {
				t.Errorf("no partial overlaps: %d territories in two, links %v", twoParents, s.links)
			}
			if s.openPeriods == 0 || s.closedPeriods == 0 || s.linkPeriods == 0 {
				t.Errorf("periods: %d open, %d closed, %d on links", s.openPeriods, s.closedPeriods, s.linkPeriods)
			}
			for _, k := range []buurtnet.LinkKind{buurtnet.LinkFunds, buurtnet.LinkAddresses, buurtnet.LinkTargets, buurtnet.LinkWorksOn,
				buurtnet.LinkCollaboratesWith, buurtnet.LinkLocatedIn, buurtnet.LinkServes} {
				if s.links[k] == 0 {
					t.Errorf("no %s links", k)
				}
			}
			if s.amounts == 0 || s.orgsWithNumber == 0 || len(s.languages) != 3 || len(s.roles) != 3 || len(s.levels) != 5 {
				t.Errorf("%d amounts, %d enterprise numbers, languages %v, roles %v, levels %v", s.amounts, s.orgsWithNumber, s.languages, s.roles, s.levels)
			}
			if s.frameworks[buurtnet.FrameworkVVSG] != 8 || s.frameworks[buurtnet.FrameworkCaringNeighbourhoods] != 8 {
				t.Errorf("functions by framework: %v", s.frameworks)
			}
			if err := n.Validate(nil); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func between(t *testing.T, what string, got int, r [2]int) {
	t.Helper()
	if got < r[0] || got > r[1] {
		t.Errorf("%d %s, want %d to %d", got, what, r[0], r[1])
	}
}

// TestApplies loads tier S into a store: every entity and link passes the
// domain's rules and nothing is refused as a duplicate or a cycle.
func TestApplies(t *testing.T) {
	db, err := sqlite.Open(t.Context(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := synthetic.Network(synthetic.TierS, 1)
	rep, err := db.Apply(t.Context(), n, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if want := len(n.Nodes()) + len(n.Links); len(rep.Created) != want {
		t.Errorf("Apply created %d entries, want %d", len(rep.Created), want)
	}
	got, total, err := db.Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: synthetic.RegionID, Limit: 1})
	if err != nil || total != len(n.Projects) || len(got) != 1 {
		t.Errorf("projects within the region: %d (%v), want all %d", total, err, len(n.Projects))
	}
}
