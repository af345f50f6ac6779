// Package synthetic generates partnership networks of the sizes buurtnet
// must serve, for benchmarks and load tests.
//
// Network(tier, seed) returns the same network for the same tier and seed,
// on every machine and every run: all choices come from one math/rand/v2
// PCG source seeded with (seed, tier), and nothing iterates over a map. (A
// change to this package, or to math/rand/v2's algorithms, may change it:
// compare figures taken with the same commit.)
// The tiers:
//
//	S  one city:     200 territories, 2,000 organisations, 500 projects,
//	                 14,599 links (seed 1)
//	M  a region:     5,106 territories (5 provinces, 300 municipalities, 1,200
//	                 neighbourhoods, 3,600 statistical sectors), 20,000
//	                 organisations, 5,000 projects, 142,103 links
//	L  the country:  19,992 territories (10 provinces, 581 municipalities,
//	                 2,900 neighbourhoods, 16,500 sectors), 100,000
//	                 organisations, 25,000 projects, 727,520 links
//
// The networks have the shapes real ones have, which is what makes a
// question slow or fast:
//
//   - one region root (territory:region), provinces, municipalities,
//     neighbourhoods and statistical sectors nested by PART_OF; a few sectors
//     lie in two neighbourhoods, some neighbouring neighbourhoods OVERLAP, and
//     neighbouring ones are ADJACENT_TO each other;
//   - projects active at every level: a few region-wide (one in a thousand)
//     or province-wide (one in a hundred), most in one municipality, neighbourhood or sector (whole or part), with
//     open and closed periods, and periods on some of their links;
//   - skewed partner counts: most partners are local organisations, but a
//     Zipf-distributed share goes to a few organisations that end up in
//     hundreds of projects; a few projects have dozens of partners;
//   - roles and stakeholder levels on participations, funders (with amounts)
//     at every funding level, themes, target groups, the eight VVSG
//     functions and the eight building blocks of the caring-neighbourhoods
//     framework, COLLABORATES_WITH between projects, organisations LOCATED_IN
//     and SERVING territories, with sectors, kinds, language communities and
//     enterprise numbers.
//
// Ids are easy to sample: projects are project:p00000 … (ProjectIDs),
// municipalities territory:mun000 …, provinces territory:prov0 …, the root
// territory:region.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
)

// Tier is the size of a generated network.
type Tier string

const (
	TierS Tier = "S" // one city
	TierM Tier = "M" // a region
	TierL Tier = "L" // the country
)

// Tiers lists the tiers from small to large.
var Tiers = []Tier{TierS, TierM, TierL}

// ParseTier reads a tier name, in either case.
func ParseTier(s string) (Tier, error) {
	t := Tier(strings.ToUpper(strings.TrimSpace(s)))
	if slices.Contains(Tiers, t) {
		return t, nil
	}
	return "", fmt.Errorf("%q is not a tier (one of S, M, L)", s)
}

// Size is how many of each entity a tier has.
type Size struct {
	Provinces, Municipalities, Neighbourhoods, Sectors int
	Organisations, Projects, Funders                   int
}

// Territories is the number of territories, the region root included.
func (s Size) Territories() int {
	return 1 + s.Provinces + s.Municipalities + s.Neighbourhoods + s.Sectors
}

var sizes = map[Tier]Size{
	TierS: {Provinces: 1, Municipalities: 8, Neighbourhoods: 40, Sectors: 150, Organisations: 2000, Projects: 500, Funders: 20},
	TierM: {Provinces: 5, Municipalities: 300, Neighbourhoods: 1200, Sectors: 3600, Organisations: 20000, Projects: 5000, Funders: 80},
	TierL: {Provinces: 10, Municipalities: 581, Neighbourhoods: 2900, Sectors: 16500, Organisations: 100000, Projects: 25000, Funders: 200},
}

// SizeOf returns the size of tier t; the zero Size for an unknown tier.
func SizeOf(t Tier) Size { return sizes[t] }

// Ids of the territories, by their index in their level.
const RegionID = "territory:region"

func ProvinceID(i int) string     { return fmt.Sprintf("territory:prov%d", i) }
func MunicipalityID(i int) string { return fmt.Sprintf("territory:mun%03d", i) }
func NeighbourhoodID(i int) string {
	return fmt.Sprintf("territory:nbh%04d", i)
}
func SectorID(i int) string  { return fmt.Sprintf("territory:sec%05d", i) }
func ProjectID(i int) string { return fmt.Sprintf("project:p%05d", i) }
func OrganisationID(i int) string {
	return fmt.Sprintf("org:o%06d", i)
}

// ProjectIDs returns the ids of the projects Network(t, seed) holds, in
// order. They do not depend on the seed today; the seed is part of the
// signature so that callers need not change if they ever do.
func ProjectIDs(t Tier, seed int64) []string {
	ids := make([]string, SizeOf(t).Projects)
	for i := range ids {
		ids[i] = ProjectID(i)
	}
	return ids
}

// Network generates the network of tier t for seed. It panics on an unknown
// tier: callers parse tiers with ParseTier.
func Network(t Tier, seed int64) *buurtnet.Network {
	size, ok := sizes[t]
	if !ok {
		panic(fmt.Sprintf("synthetic.Network: unknown tier %q", t))
	}
	g := &gen{
		size: size,
		rng:  rand.New(rand.NewPCG(uint64(seed), uint64(t[0]))),
		net:  &buurtnet.Network{},
		keys: map[buurtnet.LinkKey]bool{},
	}
	g.territories()
	g.vocabularies()
	g.funders()
	g.organisations()
	g.projects()
	return g.net
}

type gen struct {
	size Size
	rng  *rand.Rand
	net  *buurtnet.Network
	keys map[buurtnet.LinkKey]bool

	// parent indexes: the municipality of each neighbourhood, the
	// neighbourhood of each sector, the province of each municipality.
	provOfMun []int
	munOfNbh  []int
	nbhOfSec  []int
	// children, by parent index.
	nbhsOfMun  [][]int
	secsOfNbh  [][]int
	munsOfProv [][]int

	// organisations located in each municipality, for local partners.
	orgsOfMun [][]int
	// hubs are organisations in Zipf order: hubs[0] is the most sought after.
	hubs []int
	zipf *rand.Zipf

	themes, groups, functions []string
}

// link adds a link unless one with its key exists; it reports whether it did.
func (g *gen) link(l *buurtnet.Link) bool {
	k := l.LinkKey.Normalized()
	if g.keys[k] {
		return false
	}
	g.keys[k] = true
	l.LinkKey = k
	g.net.Links = append(g.net.Links, l)
	return true
}

func (g *gen) plain(kind buurtnet.LinkKind, from, to string) bool {
	return g.link(&buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}})
}

// spread returns, for each of n children, the index of its parent among
// parents, children spread evenly, and the children of each parent.
func spread(n, parents int) ([]int, [][]int) {
	of := make([]int, n)
	kids := make([][]int, parents)
	for i := range n {
		p := i * parents / n
		of[i] = p
		kids[p] = append(kids[p], i)
	}
	return of, kids
}

func (g *gen) territory(id string, kind buurtnet.TerritoryKind, nl, fr, code string) {
	g.net.Territories = append(g.net.Territories, &buurtnet.Territory{ID: id, Kind: kind, Name: buurtnet.Text{NL: nl, FR: fr}, Code: code})
}

func (g *gen) territories() {
	s := g.size
	g.territory(RegionID, buurtnet.TerritoryRegion, "Gewest", "Région", "")
	for p := range s.Provinces {
		g.territory(ProvinceID(p), buurtnet.TerritoryProvince, fmt.Sprintf("Provincie %d", p), fmt.Sprintf("Province %d", p), "")
		g.plain(buurtnet.LinkPartOf, ProvinceID(p), RegionID)
	}
	g.provOfMun, g.munsOfProv = spread(s.Municipalities, s.Provinces)
	for m := range s.Municipalities {
		g.territory(MunicipalityID(m), buurtnet.TerritoryMunicipality, fmt.Sprintf("Gemeente %03d", m), fmt.Sprintf("Commune %03d", m), fmt.Sprintf("%05d", 10000+m))
		g.plain(buurtnet.LinkPartOf, MunicipalityID(m), ProvinceID(g.provOfMun[m]))
	}
	g.munOfNbh, g.nbhsOfMun = spread(s.Neighbourhoods, s.Municipalities)
	for h := range s.Neighbourhoods {
		g.territory(NeighbourhoodID(h), buurtnet.TerritoryNeighbourhood, fmt.Sprintf("Wijk %04d", h), "", "")
		g.plain(buurtnet.LinkPartOf, NeighbourhoodID(h), MunicipalityID(g.munOfNbh[h]))
	}
	// Neighbouring neighbourhoods of a municipality share a border; one pair
	// in four overlaps instead, as when two services draw their own maps.
	for _, hoods := range g.nbhsOfMun {
		for i := 1; i < len(hoods); i++ {
			kind := buurtnet.LinkAdjacentTo
			if g.rng.IntN(4) == 0 {
				kind = buurtnet.LinkOverlaps
			}
			g.plain(kind, NeighbourhoodID(hoods[i-1]), NeighbourhoodID(hoods[i]))
		}
	}
	g.nbhOfSec, g.secsOfNbh = spread(s.Sectors, s.Neighbourhoods)
	for sec := range s.Sectors {
		h := g.nbhOfSec[sec]
		g.territory(SectorID(sec), buurtnet.TerritoryStatisticalSector, fmt.Sprintf("Sector %05d", sec), "", fmt.Sprintf("%05d%c%02d", 10000+g.munOfNbh[h], 'A'+rune(sec%26), sec%100))
		g.plain(buurtnet.LinkPartOf, SectorID(sec), NeighbourhoodID(h))
		// One sector in twenty straddles the border with the next
		// neighbourhood of its municipality.
		if next := h + 1; next < s.Neighbourhoods && g.munOfNbh[next] == g.munOfNbh[h] && g.rng.IntN(20) == 0 {
			g.plain(buurtnet.LinkPartOf, SectorID(sec), NeighbourhoodID(next))
		}
	}
}

// vvsgFunctions and buildingBlocks name the two frameworks' lists of eight.
var (
	vvsgFunctions  = []string{"Ontmoeten", "Informeren", "Signaleren", "Toeleiden", "Ondersteunen", "Zorgen", "Versterken", "Verbinden"}
	buildingBlocks = []string{"Mantelzorg", "Buurtwerk", "Vrijwilligers", "Eerstelijn", "Wonen", "Mobiliteit", "Participatie", "Data"}
	themeNames     = []string{"Eenzaamheid", "Armoede", "Mentale gezondheid", "Dementie", "Mantelzorg", "Wonen", "Mobiliteit", "Voeding", "Bewegen", "Digitale inclusie", "Opvoeding", "Werk"}
	groupNames     = []string{"Ouderen", "Jongeren", "Kinderen", "Mantelzorgers", "Nieuwkomers", "Mensen met een beperking", "Alleenstaanden", "Gezinnen"}
	wordsNL        = []string{"Buurt", "Samen", "Zorg", "Thuis", "Plein", "Netwerk", "Huis", "Punt", "Warm", "Kompas", "Brug", "Tafel"}
	wordsFR        = []string{"Quartier", "Ensemble", "Soin", "Maison", "Place", "Réseau", "Foyer", "Point", "Chaleur", "Boussole", "Pont", "Table"}
)

func (g *gen) vocabularies() {
	for i, name := range themeNames {
		id := fmt.Sprintf("theme:t%02d", i)
		g.themes = append(g.themes, id)
		g.net.Themes = append(g.net.Themes, &buurtnet.Term{ID: id, Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: name}})
	}
	for i, name := range groupNames {
		id := fmt.Sprintf("targetgroup:g%02d", i)
		g.groups = append(g.groups, id)
		g.net.TargetGroups = append(g.net.TargetGroups, &buurtnet.Term{ID: id, Kind: buurtnet.KindTargetGroup, Name: buurtnet.Text{NL: name}})
	}
	for i, name := range vvsgFunctions {
		id := fmt.Sprintf("function:vvsg%d", i+1)
		g.functions = append(g.functions, id)
		g.net.Functions = append(g.net.Functions, &buurtnet.Term{ID: id, Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: name},
			Framework: buurtnet.FrameworkVVSG, Number: i + 1})
	}
	for i, name := range buildingBlocks {
		id := fmt.Sprintf("function:zb%d", i+1)
		g.functions = append(g.functions, id)
		g.net.Functions = append(g.net.Functions, &buurtnet.Term{ID: id, Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: name},
			Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: i + 1, Pillar: pillarOf(i), Approach: i >= 6})
	}
}

func (g *gen) funders() {
	for i := range g.size.Funders {
		level := buurtnet.FunderLevels[i%len(buurtnet.FunderLevels)]
		g.net.Funders = append(g.net.Funders, &buurtnet.Funder{ID: fmt.Sprintf("funder:f%03d", i),
			Name: buurtnet.Text{NL: fmt.Sprintf("Fonds %03d", i), FR: fmt.Sprintf("Fonds %03d", i)}, Level: level})
	}
}

// enterpriseNumber is a valid, unique KBO number for organisation i.
func enterpriseNumber(i int) string {
	base := 4_000_000 + i // eight digits with the leading zero of old numbers
	return fmt.Sprintf("%08d%02d", base, 97-base%97)
}

func (g *gen) organisations() {
	s := g.size
	g.orgsOfMun = make([][]int, s.Municipalities)
	for i := range s.Organisations {
		id := OrganisationID(i)
		o := &buurtnet.Organisation{ID: id,
			Name:              buurtnet.Text{NL: fmt.Sprintf("%s %s %06d", pick(g.rng, wordsNL), pick(g.rng, wordsNL), i)},
			Kind:              pick(g.rng, buurtnet.OrganisationKinds),
			Sectors:           []buurtnet.Sector{pick(g.rng, buurtnet.Sectors)},
			LanguageCommunity: buurtnet.LangCommunityNL,
		}
		switch r := g.rng.IntN(10); {
		case r < 2:
			o.LanguageCommunity = buurtnet.LangCommunityFR
			o.Name = buurtnet.Text{FR: fmt.Sprintf("%s %s %06d", pick(g.rng, wordsFR), pick(g.rng, wordsFR), i)}
		case r < 3:
			o.LanguageCommunity = buurtnet.LangCommunityBilingual
			o.Name.FR = fmt.Sprintf("%s %s %06d", pick(g.rng, wordsFR), pick(g.rng, wordsFR), i)
		}
		if g.rng.IntN(3) == 0 {
			if second := pick(g.rng, buurtnet.Sectors); second != o.Sectors[0] {
				o.Sectors = append(o.Sectors, second)
			}
		}
		if g.rng.IntN(5) < 3 {
			o.EnterpriseNumber = enterpriseNumber(i)
		}
		g.net.Organisations = append(g.net.Organisations, o)

		// Located in a sector, a neighbourhood or (larger ones) a municipality.
		m := g.rng.IntN(s.Municipalities)
		g.orgsOfMun[m] = append(g.orgsOfMun[m], i)
		hood := pick(g.rng, g.nbhsOfMun[m])
		where := MunicipalityID(m)
		switch r := g.rng.IntN(10); {
		case r < 4:
			where = NeighbourhoodID(hood)
		case r < 8 && len(g.secsOfNbh[hood]) > 0:
			where = SectorID(pick(g.rng, g.secsOfNbh[hood]))
		}
		g.plain(buurtnet.LinkLocatedIn, id, where)
		// Two in five serve territories: their municipality, its neighbourhoods,
		// or (a few) their whole province.
		if g.rng.IntN(5) < 2 {
			g.plain(buurtnet.LinkServes, id, MunicipalityID(m))
			if g.rng.IntN(3) == 0 {
				g.plain(buurtnet.LinkServes, id, NeighbourhoodID(pick(g.rng, g.nbhsOfMun[m])))
			}
			if g.rng.IntN(20) == 0 {
				g.plain(buurtnet.LinkServes, id, ProvinceID(g.provOfMun[m]))
			}
		}
	}
	// The organisations most sought after as partners, in a shuffled order
	// so that they are not all the first ids.
	g.hubs = g.rng.Perm(s.Organisations)
	g.zipf = rand.NewZipf(g.rng, 1.1, 10, uint64(s.Organisations-1))
}

// day returns a date between 2014 and 2025.
func (g *gen) day() buurtnet.Date {
	return buurtnet.NewDate(2014+g.rng.IntN(12), time.Month(1+g.rng.IntN(12)), 1+g.rng.IntN(28))
}

// today is the reference date statuses are set against: fixed, so that the
// network does not change with the day it is generated.
var today = buurtnet.NewDate(2026, 1, 1)

// within returns a period inside p (open ends stay possible), starting some
// months after p starts.
func (g *gen) within(p buurtnet.Period) buurtnet.Period {
	start := g.day()
	if !p.Start.IsZero() && start.Before(p.Start) {
		start = p.Start
	}
	if !p.End.IsZero() && start.After(p.End) {
		start = p.Start
	}
	return buurtnet.Period{Start: start, End: p.End}
}

func (g *gen) projects() {
	s := g.size
	for i := range s.Projects {
		id := ProjectID(i)
		p := &buurtnet.Project{ID: id}
		switch r := g.rng.IntN(20); {
		case r == 0: // no period known
		case r < 9: // still running
			p.Period.Start = g.day()
		default: // one to four years, possibly over
			y, m := 2014+g.rng.IntN(12), time.Month(1+g.rng.IntN(12))
			p.Period.Start = buurtnet.NewDate(y, m, 1)
			p.Period.End = buurtnet.NewDate(y+1+g.rng.IntN(4), m, 0) // day 0: the last of the month before
		}
		switch {
		case !p.Period.End.IsZero() && p.Period.End.Before(today):
			p.Status = buurtnet.StatusEnded
		case g.rng.IntN(10) > 0:
			p.Status = pick(g.rng, buurtnet.ProjectStatuses[:4])
		}
		m := g.rng.IntN(s.Municipalities)
		place := g.activeIn(i, m)
		p.Name = buurtnet.Text{NL: fmt.Sprintf("%s%s %s %05d", pick(g.rng, wordsNL), strings.ToLower(pick(g.rng, wordsNL)), place, i)}
		if g.rng.IntN(4) == 0 {
			p.Name.FR = fmt.Sprintf("%s %s %05d", pick(g.rng, wordsFR), place, i)
		}
		g.net.Projects = append(g.net.Projects, p)
		g.partners(p, m)
		g.funding(p)
		g.tags(id)
		// One project in ten works with one or two others nearby.
		if g.rng.IntN(10) == 0 && i > 0 {
			for range 1 + g.rng.IntN(2) {
				other := ProjectID(max(0, i-1-g.rng.IntN(min(i, 50))))
				l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkCollaboratesWith, From: id, To: other}}
				if g.rng.IntN(2) == 0 {
					l.Period = g.within(p.Period)
				}
				g.link(l)
			}
		}
	}
}

// activeIn links project i to the territories it works in, around
// municipality m, and returns the name of the main one. The mix of levels is
// what a regional network shows: a few region-wide projects (one in a
// thousand) and province-wide ones (one in a hundred), most in a
// municipality, a neighbourhood or a few sectors. The wide ones are counted
// out rather than drawn, so that even the city has its region-wide project.
func (g *gen) activeIn(i, m int) string {
	id := ProjectID(i)
	active := func(territory string) {
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: id, To: territory}}
		if g.rng.IntN(4) == 0 {
			l.Coverage = buurtnet.CoveragePart
		}
		g.link(l)
	}
	hoods := g.nbhsOfMun[m]
	switch r := g.rng.IntN(1000); {
	case i%1000 == 0:
		active(RegionID)
		return "Gewest"
	case i%100 == 50:
		prov := g.provOfMun[m]
		active(ProvinceID(prov))
		return fmt.Sprintf("Provincie %d", prov)
	case r < 280:
		active(MunicipalityID(m))
		if g.rng.IntN(5) == 0 && m+1 < g.size.Municipalities {
			active(MunicipalityID(m + 1))
		}
		return fmt.Sprintf("Gemeente %03d", m)
	case r < 680:
		h := pick(g.rng, hoods)
		active(NeighbourhoodID(h))
		for range g.rng.IntN(3) {
			active(NeighbourhoodID(pick(g.rng, hoods)))
		}
		return fmt.Sprintf("Wijk %04d", h)
	}
	h := pick(g.rng, hoods)
	secs := g.secsOfNbh[h]
	if len(secs) == 0 {
		active(NeighbourhoodID(h))
		return fmt.Sprintf("Wijk %04d", h)
	}
	sec := pick(g.rng, secs)
	active(SectorID(sec))
	for range g.rng.IntN(3) {
		active(SectorID(pick(g.rng, secs)))
	}
	return fmt.Sprintf("Sector %05d", sec)
}

// partners adds the organisations taking part in project p, run from
// municipality m: mostly local organisations, one in five a sought-after
// one drawn from a Zipf distribution.
func (g *gen) partners(p *buurtnet.Project, m int) {
	n := 3 + g.rng.IntN(21)
	if g.rng.IntN(20) == 0 {
		n = 30 + g.rng.IntN(31)
	}
	local := g.orgsOfMun[m]
	for k := 0; k < n; k++ {
		var org int
		if g.rng.IntN(5) == 0 || len(local) == 0 {
			org = g.hubs[g.zipf.Uint64()]
		} else {
			org = pick(g.rng, local)
		}
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: OrganisationID(org), To: p.ID},
			Role: buurtnet.RolePartner}
		switch {
		case k == 0:
			l.Role = buurtnet.RoleCoordinator
		case g.rng.IntN(4) == 0:
			l.Role = buurtnet.RoleAssociate
		}
		if g.rng.IntN(5) > 0 { // one in five not yet assessed
			l.Level = pick(g.rng, buurtnet.StakeholderLevels)
		}
		if g.rng.IntN(6) == 0 { // joined later
			l.Period = g.within(p.Period)
		}
		g.link(l)
	}
}

func (g *gen) funding(p *buurtnet.Project) {
	for range g.rng.IntN(3) {
		f := g.net.Funders[g.rng.IntN(len(g.net.Funders))]
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkFunds, From: f.ID, To: p.ID}}
		if g.rng.IntN(4) > 0 {
			amount := buurtnet.Money(int64(5_000+g.rng.IntN(500_000)) * 100)
			l.Amount = &amount
		}
		if g.rng.IntN(2) == 0 {
			l.Period = p.Period
		}
		g.link(l)
	}
}

func (g *gen) tags(id string) {
	for range 1 + g.rng.IntN(3) {
		g.plain(buurtnet.LinkAddresses, id, pick(g.rng, g.themes))
	}
	for range g.rng.IntN(3) {
		g.plain(buurtnet.LinkTargets, id, pick(g.rng, g.groups))
	}
	for range 1 + g.rng.IntN(4) {
		g.plain(buurtnet.LinkWorksOn, id, pick(g.rng, g.functions))
	}
}

func pick[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }

// pillarOf is the pillar of building block i+1: two each to A, B and C; 7
// and 8 belong to the approach.
func pillarOf(i int) string {
	if i >= 6 {
		return ""
	}
	return buurtnet.Pillars[i/2]
}
