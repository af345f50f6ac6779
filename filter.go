package buurtnet

import (
	"strings"
)

//go:generate go run ./internal/filterdoc -o docs/filters.md

// NodeFilter selects entities of one kind. Empty fields do not filter;
// what each field means for each kind, and which kinds it applies to, is
// the table Filters below (rendered in docs/filters.md).
type NodeFilter struct {
	Kind   Kind
	Search string
	// Territory, Theme, TargetGroup, Function, Funder, Organisation and
	// Project are ids.
	Territory, Theme, TargetGroup, Function string
	Funder, Organisation, Project           string
	Status                                  []ProjectStatus
	ActiveOn                                Date
	LanguageCommunity                       LanguageCommunity
	Sector                                  Sector
	// EnterpriseNumber: a KBO/BCE number in any notation; Validate makes
	// it canonical.
	EnterpriseNumber string
	TerritoryKind    TerritoryKind
	Level            FunderLevel
	Framework        Framework

	OrderBy OrderField
	Desc    bool
	// Lang is the language names are sorted in.
	Lang Lang
	// Offset and Limit page the result; Limit 0 means no limit.
	Offset, Limit int
}

// OrderField is what a list is sorted by; ties are broken by id.
type OrderField string

const (
	OrderByName      OrderField = "NAME"
	OrderByCreatedAt OrderField = "CREATED_AT"
	OrderByUpdatedAt OrderField = "UPDATED_AT"
	OrderByStart     OrderField = "START" // projects: period start
)

// Validate checks that every given field applies to the kind (Filters)
// and that every id is one of the kind the field names, reporting the
// first problem in the order of Filters; it normalizes what can be (the
// enterprise number).
func (f *NodeFilter) Validate() error {
	if KindOf(string(f.Kind)+":x") == "" {
		return FieldError(EINVALID, "kind", "%q is not a kind of entity", f.Kind)
	}
	for i := range Filters {
		ff := &Filters[i]
		if _, ok := ff.Path(f.Kind); !ok && len(ff.value(f)) > 0 {
			return FieldError(EINVALID, "filter."+ff.Name, "cannot filter %s by %s", f.Kind, ff.Name)
		}
	}
	if f.OrderBy == OrderByStart && f.Kind != KindProject {
		return FieldError(EINVALID, "filter.orderBy", "cannot filter %s by orderBy", f.Kind)
	}
	for i := range Filters {
		ff := &Filters[i]
		if ff.Ref == "" {
			continue
		}
		for _, id := range ff.value(f) {
			if err := ValidateID("filter."+ff.Name, id, ff.Ref); err != nil {
				return err
			}
		}
	}
	if f.EnterpriseNumber != "" {
		n, err := NormalizeEnterpriseNumber(f.EnterpriseNumber)
		if err != nil {
			return FieldError(EINVALID, "filter.enterpriseNumber", "%v", err)
		}
		f.EnterpriseNumber = n
	}
	if err := validateOneOf("filter.orderBy", f.OrderBy, []OrderField{OrderByName, OrderByCreatedAt, OrderByUpdatedAt, OrderByStart}, true); err != nil {
		return err
	}
	if f.Offset < 0 || f.Limit < 0 {
		return FieldError(EINVALID, "first", "paging values cannot be negative")
	}
	if f.Lang == "" {
		f.Lang = NL
	}
	return nil
}

// Filters is what every field of NodeFilter means, written once: for each
// kind of entity the field applies to, the path an entity of that kind must
// have to what the filter gives. Validate refuses a field on a kind it has
// no path for, each store compiles the paths into its own query language
// (sqlite/find.go, neo4j/find.go), and the docs (docs/filters.md, generated,
// and the field comments of schema.graphqls, checked by a test) are written
// from it. The order is the one Validate reports problems in.
//
// A new filter field needs its NodeFilter field and its row here, and its
// line in the schema's filter inputs with the row's sentence; go generate
// then renders the docs. The stores compile it with no change, unless it
// tests a property the Neo4j store does not keep yet (neo4j/find.go
// properties).
var Filters = []FilterField{
	{Name: "search", value: func(f *NodeFilter) []string { return one(strings.TrimSpace(Fold(f.Search))) }, Paths: []FilterPath{
		{Kind: KindOrganisation, Test: NameContains, Doc: "Part of the name in any language, or the acronym; case and accents ignored; at most 200 characters."},
		{Kind: KindProject, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored; at most 200 characters."},
		{Kind: KindTerritory, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored; at most 200 characters."},
		{Kind: KindFunder, Test: NameContains, Doc: "Part of the name in any language, or the acronym; case and accents ignored; at most 200 characters."},
		{Kind: KindTheme, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored."},
		{Kind: KindTargetGroup, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored."},
		{Kind: KindFunction, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored."},
		{Kind: KindPerson, Test: NameContains, Doc: "Part of the name; case and accents ignored."},
		{Kind: KindConsultation, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored; at most 200 characters."},
		{Kind: KindCycle, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored."},
		{Kind: KindMeeting, Test: NameContains, Doc: "Part of the name in any language; case and accents ignored."},
	}},
	{Name: "territory", Ref: KindTerritory, value: func(f *NodeFilter) []string { return one(f.Territory) }, Paths: []FilterPath{
		{Kind: KindProject, Hops: hops(along(LinkActiveIn), within()), Doc: "Active in this territory or in one within it."},
		{Kind: KindOrganisation, Hops: hops(along(LinkLocatedIn, LinkServes), within()), Doc: "Located in or serving this territory or one within it."},
		{Kind: KindTerritory, Hops: hops(within()), ExcludeGiven: true, Doc: "Territories within this one (transitively), itself excluded."},
		{Kind: KindFunder, Hops: hops(along(LinkFunds), along(LinkActiveIn), within()), Doc: "Funding a project active in this territory or one within it."},
	}},
	{Name: "theme", Ref: KindTheme, value: func(f *NodeFilter) []string { return one(f.Theme) }, Paths: tagged(LinkAddresses, "theme")},
	{Name: "targetGroup", Ref: KindTargetGroup, value: func(f *NodeFilter) []string { return one(f.TargetGroup) }, Paths: tagged(LinkTargets, "target group")},
	{Name: "function", Ref: KindFunction, value: func(f *NodeFilter) []string { return one(f.Function) }, Paths: tagged(LinkWorksOn, "function or building block")},
	{Name: "funder", Ref: KindFunder, value: func(f *NodeFilter) []string { return one(f.Funder) }, Paths: []FilterPath{
		{Kind: KindProject, Hops: hops(against(LinkFunds)), Doc: "Funded by this funder."},
		{Kind: KindOrganisation, Hops: hops(along(LinkParticipatesIn), against(LinkFunds)), Doc: "Taking part in a project this funder funds."},
	}},
	{Name: "organisation", Ref: KindOrganisation, value: func(f *NodeFilter) []string { return one(f.Organisation) }, Paths: []FilterPath{
		{Kind: KindProject, Hops: hops(against(LinkParticipatesIn)), Doc: "With this organisation taking part."},
		{Kind: KindFunder, Hops: hops(along(LinkFunds), against(LinkParticipatesIn)), Doc: "Funding a project this organisation takes part in."},
	}},
	{Name: "project", Ref: KindProject, value: func(f *NodeFilter) []string { return one(f.Project) }, Paths: []FilterPath{
		{Kind: KindOrganisation, Hops: hops(along(LinkParticipatesIn)), Doc: "Taking part in this project."},
		{Kind: KindFunder, Hops: hops(along(LinkFunds)), Doc: "Funding this project."},
		{Kind: KindTerritory, Hops: hops(against(LinkActiveIn)), Doc: "Territories this project is active in."},
		{Kind: KindTheme, Hops: hops(against(LinkAddresses)), Doc: "Addressed by this project."},
		{Kind: KindTargetGroup, Hops: hops(against(LinkTargets)), Doc: "Targeted by this project."},
		{Kind: KindFunction, Hops: hops(against(LinkWorksOn)), Doc: "Worked on by this project."},
	}},
	{Name: "status", value: func(f *NodeFilter) []string { return strs(f.Status) }, Paths: []FilterPath{
		{Kind: KindProject, Test: HasAnyOf, Property: "status", Doc: "In one of these stages."},
	}},
	{Name: "activeOn", value: func(f *NodeFilter) []string {
		if f.ActiveOn.IsZero() {
			return nil
		}
		return []string{f.ActiveOn.String()}
	}, Paths: []FilterPath{
		{Kind: KindProject, Test: RunsOn, Doc: "Running on that day."},
		{Kind: KindOrganisation, Hops: hops(along(LinkParticipatesIn)), Test: RunsOn, Doc: "Taking part in a project running on that day."},
	}},
	{Name: "languageCommunity", value: func(f *NodeFilter) []string { return one(string(f.LanguageCommunity)) }, Paths: []FilterPath{
		{Kind: KindOrganisation, Test: HasValue, Property: "languageCommunity", Doc: "Of this language community."},
	}},
	{Name: "sector", value: func(f *NodeFilter) []string { return one(string(f.Sector)) }, Paths: []FilterPath{
		{Kind: KindOrganisation, Test: ListsValue, Property: "sectors", Doc: "Working in this sector (one of its sectors)."},
	}},
	{Name: "enterpriseNumber", value: func(f *NodeFilter) []string { return one(f.EnterpriseNumber) }, Paths: []FilterPath{
		{Kind: KindOrganisation, Test: HasValue, Property: "enterpriseNumber", Doc: "In any notation: 0123.456.789, 0123456789, BE0123456789."},
	}},
	{Name: "territoryKind", value: func(f *NodeFilter) []string { return one(string(f.TerritoryKind)) }, Paths: []FilterPath{
		{Kind: KindTerritory, Test: HasValue, Property: "kind", Doc: "Of this kind (region, municipality, neighbourhood…)."},
	}},
	{Name: "level", value: func(f *NodeFilter) []string { return one(string(f.Level)) }, Paths: []FilterPath{
		{Kind: KindFunder, Test: HasValue, Property: "level", Doc: "Of this level of government, or private."},
	}},
	{Name: "framework", value: func(f *NodeFilter) []string { return one(string(f.Framework)) }, Paths: []FilterPath{
		{Kind: KindFunction, Test: HasValue, Property: "framework", Doc: "Of this framework."},
	}},
}

// tagged are the paths of a vocabulary filter (theme, target group,
// function): the projects tagged with it by link, the organisations taking
// part in one, the funders funding one.
func tagged(link LinkKind, what string) []FilterPath {
	return []FilterPath{
		{Kind: KindProject, Hops: hops(along(link)), Doc: "Tagged with this " + what + "."},
		{Kind: KindOrganisation, Hops: hops(along(LinkParticipatesIn), along(link)), Doc: "Taking part in a project tagged with this " + what + "."},
		{Kind: KindFunder, Hops: hops(along(LinkFunds), along(link)), Doc: "Funding a project tagged with this " + what + "."},
	}
}

// FilterField is one field of NodeFilter (see Filters).
type FilterField struct {
	// Name is the field as the API and its errors name it ("filter.territory").
	Name string
	// Ref is the kind of entity the field's id names; "" for a field that
	// gives no id.
	Ref Kind
	// Paths are the kinds the field applies to, each with its path.
	Paths []FilterPath
	// value reads the field from a filter, as the strings a store binds:
	// nil when the field is not given.
	value func(*NodeFilter) []string
}

// Path returns the field's path for entities of kind k, if it applies to them.
func (ff *FilterField) Path(k Kind) (FilterPath, bool) {
	for _, p := range ff.Paths {
		if p.Kind == k {
			return p, true
		}
	}
	return FilterPath{}, false
}

// FilterPath is what an entity of Kind must have to pass a filter: a chain
// of links (Hops, from the entity outwards), and at its end an entity that
// passes Test.
type FilterPath struct {
	Kind Kind
	Hops []Hop
	Test FilterTest
	// Property is the field of the end entity (its JSON name) a property
	// test reads.
	Property string
	// ExcludeGiven: the entity given does not pass itself (a territory is
	// not within itself).
	ExcludeGiven bool
	// Doc is the sentence the API documents the field with, for this kind.
	Doc string
}

// Ends returns the kind of entity at each step of the path, from Kind to
// the end: one more than there are hops.
func (p FilterPath) Ends() []Kind {
	ends := []Kind{p.Kind}
	for _, h := range p.Hops {
		ends = append(ends, h.next())
	}
	return ends
}

// End is the kind of entity the path ends at, which Test is about.
func (p FilterPath) End() Kind { ends := p.Ends(); return ends[len(ends)-1] }

// String writes the path as the docs show it:
// "project -ACTIVE_IN-> territory -PART_OF*-> the territory given".
func (p FilterPath) String() string {
	ends := p.Ends()
	var b strings.Builder
	b.WriteString(string(p.Kind))
	for i, h := range p.Hops {
		b.WriteString(" " + h.String() + " ")
		if i < len(p.Hops)-1 || p.Test != IsGiven {
			b.WriteString(string(ends[i+1]))
		}
	}
	switch p.Test {
	case IsGiven:
		b.WriteString("the " + string(p.End()) + " given")
		if p.ExcludeGiven {
			b.WriteString(", itself excluded")
		}
	case RunsOn:
		b.WriteString(" running on the day given")
	case HasValue:
		b.WriteString(" whose " + p.Property + " is the value given")
	case HasAnyOf:
		b.WriteString(" whose " + p.Property + " is one of the values given")
	case ListsValue:
		b.WriteString(" whose " + p.Property + " include the value given")
	case NameContains:
		b.WriteString(" whose names contain the text given")
	}
	return b.String()
}

// Hop is one step of a path: a link of one of Links, followed Along its
// direction or Against it, once or (Repeat) any number of times, none
// included.
type Hop struct {
	Links  []LinkKind
	Way    Way
	Repeat bool
}

// Way is the direction a hop follows its link in.
type Way int

const (
	// Along: from the link's from end to its to end.
	Along Way = iota
	// Against: from the link's to end to its from end.
	Against
)

// next is the kind of entity a hop arrives at (every link of a hop
// connects the same kinds; a test checks the table).
func (h Hop) next() Kind {
	from, to := h.Links[0].Endpoints()
	if h.Way == Against {
		return from
	}
	return to
}

// String writes the hop as "-ACTIVE_IN->", "<-FUNDS-" or "-PART_OF*->".
func (h Hop) String() string {
	names := make([]string, len(h.Links))
	for i, l := range h.Links {
		names[i] = string(l)
	}
	s := strings.Join(names, "|")
	if h.Repeat {
		s += "*"
	}
	if h.Way == Against {
		return "<-" + s + "-"
	}
	return "-" + s + "->"
}

func hops(h ...Hop) []Hop           { return h }
func along(links ...LinkKind) Hop   { return Hop{Links: links, Way: Along} }
func against(links ...LinkKind) Hop { return Hop{Links: links, Way: Against} }
func within() Hop                   { return Hop{Links: []LinkKind{LinkPartOf}, Way: Along, Repeat: true} }

// one is the value of a single-valued field: nil when it is not given.
func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func strs[T ~string](values []T) []string {
	var out []string
	for _, v := range values {
		out = append(out, string(v))
	}
	return out
}

// FilterTest is what the entity at the end of a path must be.
type FilterTest int

const (
	// IsGiven: the entity whose id the filter gives.
	IsGiven FilterTest = iota
	// RunsOn: a project whose period contains the day given.
	RunsOn
	// HasValue: Property equals the value given.
	HasValue
	// HasAnyOf: Property is one of the values given.
	HasAnyOf
	// ListsValue: Property, a list, holds the value given.
	ListsValue
	// NameContains: the search key (Text.SearchKey: every name and the
	// acronym, folded) contains the text given, folded.
	NameContains
)

// FilterCondition is one field given in a filter: the path entities of the
// filter's kind must have, and the values the test compares with (the id,
// the day, the folded text, the enum values), as strings.
type FilterCondition struct {
	Field  string
	Path   FilterPath
	Values []string
}

// Conditions returns the fields given in a validated filter, in the order
// of Filters: every one of them must hold.
func (f *NodeFilter) Conditions() []FilterCondition {
	var out []FilterCondition
	for i := range Filters {
		ff := &Filters[i]
		values := ff.value(f)
		if len(values) == 0 {
			continue
		}
		p, ok := ff.Path(f.Kind)
		if !ok {
			continue // Validate refused it
		}
		out = append(out, FilterCondition{Field: ff.Name, Path: p, Values: values})
	}
	return out
}
