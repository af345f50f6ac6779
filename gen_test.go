package buurtnet_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/buurtnet/buurtnet"
)

// genShape sizes a generated region for the rules' tests and benchmarks.
type genShape struct {
	provinces, municipalities, hoods, sectors int // per parent
	projects, organisations                   int
}

// genSmall is small enough for the plain reference rules to check every
// pair on many seeds; genRegion has the size of a Flemish region (tier M).
var (
	genSmall  = genShape{provinces: 2, municipalities: 3, hoods: 3, sectors: 2, projects: 60, organisations: 40}
	genRegion = genShape{provinces: 5, municipalities: 60, hoods: 4, sectors: 3, projects: 5000, organisations: 20000}
)

// genNetwork is a region shaped as real ones are: activity at every level
// of the hierarchy, neighbourhoods overlapping their neighbours, zones
// nesting neighbourhoods of two municipalities, open and closed periods,
// partial coverage, a few organisations in very many projects. The same
// seed gives the same network.
type genNetwork struct {
	Graph     *buurtnet.TerritoryGraph
	Profiles  []*buurtnet.ProjectProfile
	Functions map[string]*buurtnet.Term
	// Levels lists the territories per level: region, provinces,
	// municipalities, neighbourhoods, sectors.
	Levels [5][]string
}

func generate(shape genShape, seed uint64) *genNetwork {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &genNetwork{Functions: map[string]*buurtnet.Term{}}
	var links []*buurtnet.Link
	add := func(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
		links = append(links, l)
		return l
	}
	region := "territory:r"
	g.Levels[0] = []string{region}
	for p := 0; p < shape.provinces; p++ {
		prov := fmt.Sprintf("territory:p%d", p)
		g.Levels[1] = append(g.Levels[1], prov)
		add(buurtnet.LinkPartOf, prov, region)
		var provHoods []string
		for m := 0; m < shape.municipalities; m++ {
			muni := fmt.Sprintf("%s-m%02d", prov, m)
			g.Levels[2] = append(g.Levels[2], muni)
			add(buurtnet.LinkPartOf, muni, prov)
			for h := 0; h < shape.hoods; h++ {
				hood := fmt.Sprintf("%s-h%d", muni, h)
				g.Levels[3] = append(g.Levels[3], hood)
				provHoods = append(provHoods, hood)
				add(buurtnet.LinkPartOf, hood, muni)
				if h > 0 && r.IntN(3) == 0 {
					add(buurtnet.LinkOverlaps, hood, fmt.Sprintf("%s-h%d", muni, h-1))
				}
				for s := 0; s < shape.sectors; s++ {
					sector := fmt.Sprintf("%s-s%d", hood, s)
					g.Levels[4] = append(g.Levels[4], sector)
					add(buurtnet.LinkPartOf, sector, hood)
				}
			}
		}
		// Zones cut across municipalities: each nests two neighbourhoods of
		// neighbouring municipalities, and a sector of a third overlaps it.
		for z := 0; z+shape.hoods < len(provHoods); z += 4 * shape.hoods {
			zone := fmt.Sprintf("%s-zone%d", prov, z)
			g.Levels[2] = append(g.Levels[2], zone)
			add(buurtnet.LinkPartOf, zone, prov)
			add(buurtnet.LinkPartOf, provHoods[z], zone)
			add(buurtnet.LinkPartOf, provHoods[z+shape.hoods], zone)
			if r.IntN(2) == 0 {
				add(buurtnet.LinkOverlaps, zone, provHoods[(z+2*shape.hoods)%len(provHoods)]+"-s0")
			}
		}
	}
	g.Graph = refGraph(links)

	fw := []buurtnet.Framework{buurtnet.FrameworkVVSG, buurtnet.FrameworkCaringNeighbourhoods}
	var functions []string
	for _, f := range fw {
		for n := 1; n <= 8; n++ {
			id := fmt.Sprintf("function:%s-%d", f, n)
			g.Functions[id] = &buurtnet.Term{ID: id, Kind: buurtnet.KindFunction, Framework: f, Number: n}
			functions = append(functions, id)
		}
	}
	// A few organisations take part in very many projects.
	org := func() string {
		if r.IntN(5) == 0 {
			return fmt.Sprintf("org:o%05d", r.IntN(20))
		}
		return fmt.Sprintf("org:o%05d", r.IntN(shape.organisations))
	}
	date := func() buurtnet.Date { return buurtnet.NewDate(2015+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28)) }
	period := func() buurtnet.Period {
		var p buurtnet.Period
		if r.IntN(3) > 0 {
			p.Start = date()
		}
		if r.IntN(3) == 0 {
			p.End = date()
			if !p.Start.IsZero() && p.End.Before(p.Start) {
				p.Start, p.End = p.End, p.Start
			}
		}
		return p
	}
	var projects []*buurtnet.Project
	links = links[:0]
	for i := 0; i < shape.projects; i++ {
		id := fmt.Sprintf("project:x%05d", i)
		projects = append(projects, &buurtnet.Project{ID: id, Period: period()})
		// Mostly neighbourhoods and sectors, some municipalities, a few
		// provinces, rarely the whole region.
		level := []int{0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4}[r.IntN(24)]
		if level == 0 && r.IntN(4) > 0 {
			level = 4
		}
		for n := 1 + r.IntN(3); n > 0; n-- {
			ts := g.Levels[level]
			t := ts[r.IntN(len(ts))]
			if r.IntN(100) == 0 {
				t = "territory:lonely" // in no PART_OF or OVERLAPS link
			}
			l := add(buurtnet.LinkActiveIn, id, t)
			l.Coverage = buurtnet.CoverageWhole
			if r.IntN(4) == 0 {
				l.Coverage = buurtnet.CoveragePart
			}
			if r.IntN(4) == 0 {
				l.Period = period()
			}
		}
		for n := 2 + r.IntN(12); n > 0; n-- {
			l := add(buurtnet.LinkParticipatesIn, org(), id)
			// Two projects in three have a coordinator (without drawing, so
			// that the networks stay those the benchmarks were measured on).
			if n == 1 && i%3 != 0 {
				l.Role = buurtnet.RoleCoordinator
			}
		}
		for n := r.IntN(3); n > 0; n-- {
			add(buurtnet.LinkFunds, fmt.Sprintf("funder:f%02d", r.IntN(50)), id)
		}
		for n := r.IntN(4); n > 0; n-- {
			add(buurtnet.LinkAddresses, id, fmt.Sprintf("theme:t%02d", r.IntN(20)))
		}
		for n := r.IntN(3); n > 0; n-- {
			add(buurtnet.LinkTargets, id, fmt.Sprintf("targetgroup:g%d", r.IntN(10)))
		}
		for n := r.IntN(4); n > 0; n-- {
			add(buurtnet.LinkWorksOn, id, functions[r.IntN(len(functions))])
		}
		if i > 0 && r.IntN(10) == 0 {
			add(buurtnet.LinkCollaboratesWith, id, fmt.Sprintf("project:x%05d", r.IntN(i)))
		}
	}
	g.Profiles = buurtnet.BuildProfiles(projects, dedupe(links))
	return g
}

// dedupe drops repeated keys, as a store would refuse them.
func dedupe(links []*buurtnet.Link) []*buurtnet.Link {
	seen := map[buurtnet.LinkKey]bool{}
	var out []*buurtnet.Link
	for _, l := range links {
		if k := l.LinkKey.Normalized(); !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	return out
}
