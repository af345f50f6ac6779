package buurtnet

import (
	"context"
	"sort"
)

// Divide is a line in the network that bridges cross: the language line in
// Brussels, or the line between health care and welfare that the BOOST
// leaflet sets out to cross.
type Divide string

const (
	// DivideLanguage: Dutch-speaking (side A) and French-speaking (side B)
	// organisations; bilingual ones are on neither side.
	DivideLanguage Divide = "LANGUAGE"
	// DivideHealthWelfare: health (side A: HealthSectors) and welfare
	// (side B: WelfareSectors); an organisation in both is on both sides.
	DivideHealthWelfare Divide = "HEALTH_WELFARE"
)

// Divides lists the lines bridges can cross.
var Divides = []Divide{DivideLanguage, DivideHealthWelfare}

// HealthSectors and WelfareSectors are the two sides of DivideHealthWelfare.
var (
	HealthSectors  = []Sector{SectorHealthCare, SectorMentalHealth, SectorHomeCare, SectorPharmacy, SectorHospital, SectorInsurance}
	WelfareSectors = []Sector{SectorWelfare, SectorSocialServices, SectorElderlyCare}
)

// sides says on which side(s) of d an organisation stands.
func (n *PartnershipNetwork) sides(d Divide, org string) (a, b bool) {
	switch d {
	case DivideLanguage:
		c := n.communityOf(org)
		return c == LangCommunityNL, c == LangCommunityFR
	case DivideHealthWelfare:
		for _, s := range n.sectorsOf(org) {
			a = a || containsSector(HealthSectors, s)
			b = b || containsSector(WelfareSectors, s)
		}
	}
	return a, b
}

func containsSector(ss []Sector, s Sector) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Bridge is an organisation or a project that connects organisations on
// both sides of a divide.
type Bridge struct {
	// Node is the organisation or project id.
	Node string
	// SideA and SideB are the organisations on each side it connects.
	SideA, SideB []string
	// Via: for an organisation, its projects in scope that bring it together
	// with organisations on a side; for a project, itself.
	Via []string
	// Pairs counts the pairs of distinct organisations, one on each side,
	// it connects: how much crossing it carries.
	Pairs int
}

// BridgeReport lists the bridges across one divide, most pairs first.
type BridgeReport struct {
	Divide        Divide
	Organisations []*Bridge
	Projects      []*Bridge
}

// FindBridges finds the organisations and projects that connect both sides
// of d. A project bridges when its partners in scope include organisations
// of both sides: it is where they meet. An organisation bridges when it
// shares projects with an organisation of one side and with one of the
// other side that share no project with each other: it is the go-between
// of a pair that does not meet otherwise (the liaison and representative
// roles of Gould & Fernandez 1989). Pairs counts those pairs.
func FindBridges(ctx context.Context, n *PartnershipNetwork, d Divide, first int) (*BridgeReport, error) {
	if err := validateOneOf("across", d, Divides, false); err != nil {
		return nil, err
	}
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	r := &BridgeReport{Divide: d}
	for _, p := range n.Projects {
		if b := n.meetingPlace(d, p.Project.ID); b != nil {
			r.Projects = append(r.Projects, b)
		}
	}
	proj, ids, err := n.projection(ctx)
	if err != nil {
		return nil, err
	}
	sideA, sideB := make([]bool, len(ids)), make([]bool, len(ids))
	for i, o := range ids {
		sideA[i], sideB[i] = n.sides(d, o)
	}
	for i, o := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var as, bs []int32
		for _, x := range proj.neighbours(int32(i)) {
			if sideA[x] {
				as = append(as, x)
			}
			if sideB[x] {
				bs = append(bs, x)
			}
		}
		br := &Bridge{Node: o}
		inA, inB := map[int32]bool{}, map[int32]bool{}
		for _, a := range as {
			for _, b := range bs {
				if a != b && !proj.HasEdgeBetween(int64(a), int64(b)) {
					br.Pairs++
					inA[a], inB[b] = true, true
				}
			}
		}
		if br.Pairs == 0 {
			continue
		}
		br.SideA, br.SideB = namesOf(ids, inA), namesOf(ids, inB)
		for _, p := range n.projectsOf[o] {
			for _, x := range n.partners[p] {
				if contains(br.SideA, x) || contains(br.SideB, x) {
					br.Via = append(br.Via, p)
					break
				}
			}
		}
		r.Organisations = append(r.Organisations, br)
	}
	r.Organisations, r.Projects = rankBridges(r.Organisations, first), rankBridges(r.Projects, first)
	return r, nil
}

func namesOf(ids []string, in map[int32]bool) []string {
	out := make([]string, 0, len(in))
	for i := range in {
		out = append(out, ids[i])
	}
	sort.Strings(out)
	return out
}

// meetingPlace returns the bridge a project makes, or nil when its partners
// are not on both sides.
func (n *PartnershipNetwork) meetingPlace(d Divide, project string) *Bridge {
	b := &Bridge{Node: project, Via: []string{project}}
	for _, o := range n.partners[project] {
		a, z := n.sides(d, o)
		if a {
			b.SideA = append(b.SideA, o)
		}
		if z {
			b.SideB = append(b.SideB, o)
		}
	}
	b.Pairs = len(b.SideA)*len(b.SideB) - len(intersect(b.SideA, b.SideB))
	if b.Pairs == 0 {
		return nil // none on a side, or one organisation on both: nobody meets
	}
	return b
}

func rankBridges(bs []*Bridge, first int) []*Bridge {
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].Pairs != bs[j].Pairs {
			return bs[i].Pairs > bs[j].Pairs
		}
		return bs[i].Node < bs[j].Node
	})
	if first > 0 && len(bs) > first {
		bs = bs[:first]
	}
	return bs
}
