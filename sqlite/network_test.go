package sqlite_test

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
)

// t0 is the fixed "now" of the tests; clock moves it on by hand.
var t0 = time.Date(2024, 3, 1, 9, 30, 0, 123456789, time.UTC)

// clock is a settable time for DB.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// openFile opens a fresh database file in a temporary directory, closed at
// the end of the test, with its clock at t0.
func openFile(t testing.TB) (*sqlite.DB, *clock) {
	t.Helper()
	return openPath(t, filepath.Join(t.TempDir(), "buurtnet.db"))
}

func openPath(t testing.TB, path string) (*sqlite.DB, *clock) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: t0}
	db.Now = c.now
	return db, c
}

// day parses a date or fails the test.
func day(t testing.TB, s string) buurtnet.Date {
	t.Helper()
	d, err := buurtnet.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func period(t testing.TB, start, end string) buurtnet.Period {
	var p buurtnet.Period
	if start != "" {
		p.Start = day(t, start)
	}
	if end != "" {
		p.End = day(t, end)
	}
	return p
}

// smallNetwork is a network small enough to know every answer by heart:
//
//	brussels ⊃ sint-gillis ⊃ laag-sint-gillis; brussels ⊃ schaarbeek;
//	brussels ⊃ brabantwijk, which overlaps schaarbeek; limburg apart.
//
// BOOST (pilot, 2019-09 – 2021-12) in laag-sint-gillis and brabantwijk,
// with Brusano (coordinator) and the CGG, funded by Innoviris; Zoom Seniors
// (2020 –) in part of sint-gillis, with the CGG, funded by the VGC; Citisen
// (ended 2018) in schaarbeek, with OKRA; Minder mazen (no dates) in Limburg.
func smallNetwork(t testing.TB) *buurtnet.Network {
	n := &buurtnet.Network{
		Territories: []*buurtnet.Territory{
			{ID: "territory:brussels", Name: buurtnet.Text{NL: "Brussels Hoofdstedelijk Gewest", FR: "Région de Bruxelles-Capitale"}, Kind: buurtnet.TerritoryRegion, Code: "04000"},
			{ID: "territory:sint-gillis", Name: buurtnet.Text{NL: "Sint-Gillis", FR: "Saint-Gilles"}, Kind: buurtnet.TerritoryMunicipality},
			{ID: "territory:schaarbeek", Name: buurtnet.Text{NL: "Schaarbeek", FR: "Schaerbeek"}, Kind: buurtnet.TerritoryMunicipality},
			{ID: "territory:laag-sint-gillis", Name: buurtnet.Text{NL: "Laag-Sint-Gillis", FR: "Bas-Saint-Gilles"}, Kind: buurtnet.TerritoryNeighbourhood},
			{ID: "territory:brabantwijk", Name: buurtnet.Text{NL: "Brabantwijk", FR: "Quartier Brabant"}, Kind: buurtnet.TerritoryNeighbourhood},
			{ID: "territory:limburg", Name: buurtnet.Text{NL: "Limburg"}, Kind: buurtnet.TerritoryProvince},
		},
		Themes: []*buurtnet.Term{
			{ID: "theme:loneliness", Name: buurtnet.Text{NL: "Eenzaamheid", FR: "Solitude", EN: "Loneliness"}},
			{ID: "theme:access-to-care", Name: buurtnet.Text{NL: "Toegang tot zorg", EN: "Access to care"}},
		},
		TargetGroups: []*buurtnet.Term{
			{ID: "targetgroup:seniors", Name: buurtnet.Text{NL: "Senioren", FR: "Seniors"}},
		},
		Functions: []*buurtnet.Term{
			{ID: "function:detection", Name: buurtnet.Text{NL: "Detectie"}, Framework: buurtnet.FrameworkVVSG, Number: 1},
			{ID: "function:referral", Name: buurtnet.Text{NL: "Doorverwijzing"}, Framework: buurtnet.FrameworkVVSG, Number: 2},
			{ID: "function:meeting", Name: buurtnet.Text{NL: "Ontmoeting"}, Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 1, Pillar: "A"},
		},
		Funders: []*buurtnet.Funder{
			{ID: "funder:innoviris", Name: buurtnet.Text{NL: "Innoviris"}, Level: buurtnet.FunderRegional},
			{ID: "funder:vgc", Name: buurtnet.Text{NL: "Vlaamse Gemeenschapscommissie"}, Acronym: "VGC", Level: buurtnet.FunderCommunity},
		},
		Organisations: []*buurtnet.Organisation{
			{ID: "org:brusano", Name: buurtnet.Text{NL: "Brusano"}, Acronym: "BRUS", EnterpriseNumber: "0123.456.749",
				LanguageCommunity: buurtnet.LangCommunityNL, Sectors: []buurtnet.Sector{buurtnet.SectorHealthCare, buurtnet.SectorWelfare}},
			{ID: "org:cgg", Name: buurtnet.Text{NL: "CGG Brussel", FR: "Service de Santé Mentale"}, LanguageCommunity: buurtnet.LangCommunityBilingual,
				Sectors: []buurtnet.Sector{buurtnet.SectorMentalHealth}, EnterpriseNumber: "0234567873"},
			{ID: "org:okra", Name: buurtnet.Text{NL: "OKRA"}},
			{ID: "org:percent", Name: buurtnet.Text{NL: "100% Buurt_zorg"}},
		},
		Projects: []*buurtnet.Project{
			{ID: "project:boost", Name: buurtnet.Text{NL: "BOOST"}, Status: buurtnet.StatusPilot, Period: period(t, "2019-09-01", "2021-12-31")},
			{ID: "project:zoom", Name: buurtnet.Text{NL: "Zoom Seniors", FR: "Zoom Seniors"}, Status: buurtnet.StatusImplementation, Period: period(t, "2020-01-01", "")},
			{ID: "project:citisen", Name: buurtnet.Text{NL: "Citisen"}, Status: buurtnet.StatusEnded, Period: period(t, "2015-01-01", "2018-12-31")},
			{ID: "project:limburg", Name: buurtnet.Text{NL: "Minder mazen, meer net", FR: "Moins de mailles"}},
		},
	}
	link := func(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
		n.Links = append(n.Links, l)
		return l
	}
	link(buurtnet.LinkPartOf, "territory:sint-gillis", "territory:brussels")
	link(buurtnet.LinkPartOf, "territory:schaarbeek", "territory:brussels")
	link(buurtnet.LinkPartOf, "territory:laag-sint-gillis", "territory:sint-gillis")
	link(buurtnet.LinkPartOf, "territory:brabantwijk", "territory:brussels")
	link(buurtnet.LinkOverlaps, "territory:schaarbeek", "territory:brabantwijk") // stored the other way round
	link(buurtnet.LinkAdjacentTo, "territory:sint-gillis", "territory:brabantwijk")

	link(buurtnet.LinkActiveIn, "project:boost", "territory:laag-sint-gillis")
	link(buurtnet.LinkActiveIn, "project:boost", "territory:brabantwijk").Period = period(t, "2020-01-01", "")
	link(buurtnet.LinkActiveIn, "project:zoom", "territory:sint-gillis").Coverage = buurtnet.CoveragePart
	link(buurtnet.LinkActiveIn, "project:citisen", "territory:schaarbeek")
	link(buurtnet.LinkActiveIn, "project:limburg", "territory:limburg")

	link(buurtnet.LinkParticipatesIn, "org:brusano", "project:boost").Role = buurtnet.RoleCoordinator
	link(buurtnet.LinkParticipatesIn, "org:cgg", "project:boost").Level = buurtnet.LevelCoCreate
	link(buurtnet.LinkParticipatesIn, "org:cgg", "project:zoom")
	link(buurtnet.LinkParticipatesIn, "org:okra", "project:citisen")

	amount := buurtnet.Money(12500000)
	link(buurtnet.LinkFunds, "funder:innoviris", "project:boost").Amount = &amount
	link(buurtnet.LinkFunds, "funder:vgc", "project:zoom")

	link(buurtnet.LinkAddresses, "project:boost", "theme:loneliness")
	link(buurtnet.LinkAddresses, "project:zoom", "theme:loneliness")
	link(buurtnet.LinkAddresses, "project:citisen", "theme:access-to-care")
	link(buurtnet.LinkTargets, "project:boost", "targetgroup:seniors")
	link(buurtnet.LinkWorksOn, "project:boost", "function:detection")
	link(buurtnet.LinkWorksOn, "project:zoom", "function:referral")
	link(buurtnet.LinkCollaboratesWith, "project:zoom", "project:boost") // stored the other way round

	link(buurtnet.LinkLocatedIn, "org:brusano", "territory:sint-gillis")
	link(buurtnet.LinkServes, "org:cgg", "territory:brussels")
	link(buurtnet.LinkLocatedIn, "org:okra", "territory:schaarbeek")
	n.Nodes() // sets the terms' kinds
	return n
}

// loadSmall applies smallNetwork to db.
func loadSmall(t testing.TB, db *sqlite.DB) {
	t.Helper()
	if _, err := db.Apply(context.Background(), smallNetwork(t), buurtnet.ApplyOptions{}); err != nil {
		t.Fatalf("Apply(small network): %v", err)
	}
}

// ids returns the ids of nodes, sorted.
func ids(nodes []buurtnet.Node) []string {
	out := []string{}
	for _, n := range nodes {
		out = append(out, n.NodeID())
	}
	sort.Strings(out)
	return out
}

// inOrder returns the ids of nodes as given.
func inOrder(nodes []buurtnet.Node) []string {
	out := []string{}
	for _, n := range nodes {
		out = append(out, n.NodeID())
	}
	return out
}
