package buurtnet

import "sort"

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
// of both sides. An organisation bridges when, counting itself and the
// organisations it shares a project with, both sides are present: it meets
// the other side (or brings both together) through its projects.
func FindBridges(n *PartnershipNetwork, d Divide, first int) (*BridgeReport, error) {
	if err := validateOneOf("across", d, Divides, false); err != nil {
		return nil, err
	}
	r := &BridgeReport{Divide: d}
	for _, p := range n.Projects {
		if b := n.bridge(d, p.Project.ID, n.partners[p.Project.ID]); b != nil {
			b.Via = []string{p.Project.ID}
			r.Projects = append(r.Projects, b)
		}
	}
	for _, o := range n.orgIDs {
		others, _ := n.coPartners(o)
		b := n.bridge(d, o, append([]string{o}, others...))
		if b == nil {
			continue
		}
		for _, p := range n.projectsOf[o] {
			for _, x := range n.partners[p] {
				if xa, xb := n.sides(d, x); x != o && (xa || xb) {
					b.Via = append(b.Via, p)
					break
				}
			}
		}
		r.Organisations = append(r.Organisations, b)
	}
	r.Organisations, r.Projects = rankBridges(r.Organisations, first), rankBridges(r.Projects, first)
	return r, nil
}

// bridge returns the bridge node makes among orgs, or nil when orgs do not
// reach both sides.
func (n *PartnershipNetwork) bridge(d Divide, node string, orgs []string) *Bridge {
	b := &Bridge{Node: node}
	for _, o := range orgs {
		a, z := n.sides(d, o)
		if a {
			b.SideA = append(b.SideA, o)
		}
		if z {
			b.SideB = append(b.SideB, o)
		}
	}
	if len(b.SideA) == 0 || len(b.SideB) == 0 {
		return nil
	}
	sort.Strings(b.SideA)
	sort.Strings(b.SideB)
	both := len(intersect(b.SideA, b.SideB))
	b.Pairs = len(b.SideA)*len(b.SideB) - both
	if b.Pairs == 0 {
		return nil // one organisation on both sides connects nobody
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
