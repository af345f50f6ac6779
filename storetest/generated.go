package storetest

import (
	"fmt"
	"time"

	"github.com/buurtnet/buurtnet"
)

// GeneratedNetwork is a network of the size of a large region: 19
// municipalities of 10 neighbourhoods, 500 organisations, 40 funders and
// the given number of projects, each active in two neighbourhoods, with
// three partners, a funder and a few tags. Both stores' benchmarks use it,
// so their figures compare.
func GeneratedNetwork(projects int) *buurtnet.Network {
	n := &buurtnet.Network{}
	link := func(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
		n.Links = append(n.Links, l)
		return l
	}
	n.Territories = append(n.Territories, &buurtnet.Territory{ID: "territory:region", Name: buurtnet.Text{NL: "Gewest"}, Kind: buurtnet.TerritoryRegion})
	var hoods []string
	for m := 0; m < 19; m++ {
		mid := fmt.Sprintf("territory:m%02d", m)
		n.Territories = append(n.Territories, &buurtnet.Territory{ID: mid, Name: buurtnet.Text{NL: fmt.Sprintf("Gemeente %02d", m), FR: fmt.Sprintf("Commune %02d", m)}, Kind: buurtnet.TerritoryMunicipality})
		link(buurtnet.LinkPartOf, mid, "territory:region")
		for h := 0; h < 10; h++ {
			hid := fmt.Sprintf("territory:m%02d-h%d", m, h)
			hoods = append(hoods, hid)
			n.Territories = append(n.Territories, &buurtnet.Territory{ID: hid, Name: buurtnet.Text{NL: fmt.Sprintf("Wijk %02d-%d", m, h)}, Kind: buurtnet.TerritoryNeighbourhood})
			link(buurtnet.LinkPartOf, hid, mid)
		}
	}
	for i := 0; i < 10; i++ {
		n.Themes = append(n.Themes, &buurtnet.Term{ID: fmt.Sprintf("theme:t%d", i), Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: fmt.Sprintf("Thema %d", i)}})
	}
	for i := 0; i < 6; i++ {
		n.TargetGroups = append(n.TargetGroups, &buurtnet.Term{ID: fmt.Sprintf("targetgroup:g%d", i), Kind: buurtnet.KindTargetGroup, Name: buurtnet.Text{NL: fmt.Sprintf("Doelgroep %d", i)}})
	}
	for i := 1; i <= 8; i++ {
		n.Functions = append(n.Functions, &buurtnet.Term{ID: fmt.Sprintf("function:f%d", i), Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: fmt.Sprintf("Functie %d", i)}, Framework: buurtnet.FrameworkVVSG, Number: i})
	}
	for i := 0; i < 40; i++ {
		n.Funders = append(n.Funders, &buurtnet.Funder{ID: fmt.Sprintf("funder:f%02d", i), Name: buurtnet.Text{NL: fmt.Sprintf("Fonds %02d", i)}, Level: buurtnet.FunderLevels[i%len(buurtnet.FunderLevels)]})
	}
	for i := 0; i < 500; i++ {
		id := fmt.Sprintf("org:o%03d", i)
		n.Organisations = append(n.Organisations, &buurtnet.Organisation{ID: id, Name: buurtnet.Text{NL: fmt.Sprintf("Organisatie %03d", i), FR: fmt.Sprintf("Organisation %03d", i)},
			Sectors: []buurtnet.Sector{buurtnet.Sectors[i%len(buurtnet.Sectors)]}, LanguageCommunity: buurtnet.LanguageCommunities[i%3]})
		link(buurtnet.LinkLocatedIn, id, hoods[i%len(hoods)])
	}
	for i := 0; i < projects; i++ {
		id := fmt.Sprintf("project:p%04d", i)
		start := buurtnet.NewDate(2015+i%8, time.Month(1+i%12), 1)
		n.Projects = append(n.Projects, &buurtnet.Project{ID: id, Name: buurtnet.Text{NL: fmt.Sprintf("Project %04d", i)},
			Status: buurtnet.ProjectStatuses[i%len(buurtnet.ProjectStatuses)], Period: buurtnet.Period{Start: start}})
		link(buurtnet.LinkActiveIn, id, hoods[i%len(hoods)])
		link(buurtnet.LinkActiveIn, id, hoods[(i*7+3)%len(hoods)])
		for j := 0; j < 3; j++ {
			link(buurtnet.LinkParticipatesIn, fmt.Sprintf("org:o%03d", (i*3+j*17)%500), id)
		}
		link(buurtnet.LinkFunds, fmt.Sprintf("funder:f%02d", i%40), id)
		link(buurtnet.LinkAddresses, id, fmt.Sprintf("theme:t%d", i%10))
		link(buurtnet.LinkAddresses, id, fmt.Sprintf("theme:t%d", (i+3)%10))
		link(buurtnet.LinkTargets, id, fmt.Sprintf("targetgroup:g%d", i%6))
		link(buurtnet.LinkWorksOn, id, fmt.Sprintf("function:f%d", 1+i%8))
		link(buurtnet.LinkWorksOn, id, fmt.Sprintf("function:f%d", 1+(i+4)%8))
		if i > 0 && i%5 == 0 {
			link(buurtnet.LinkCollaboratesWith, id, fmt.Sprintf("project:p%04d", i-1))
		}
	}
	return n
}
