package buurtnet

import "strings"

// LinkKind is the type of a relation between two entities. Every relation of
// the graph is a Link; which properties apply depends on its kind.
type LinkKind string

const (
	// PARTICIPATES_IN: organisation → project, with role, stakeholder level, period.
	LinkParticipatesIn LinkKind = "PARTICIPATES_IN"
	// ACTIVE_IN: project → territory, with period and coverage.
	LinkActiveIn LinkKind = "ACTIVE_IN"
	// FUNDS: funder → project, with amount and period.
	LinkFunds LinkKind = "FUNDS"
	// PART_OF: territory → the territory containing it.
	LinkPartOf LinkKind = "PART_OF"
	// OVERLAPS: territory ↔ territory, partly shared without nesting.
	LinkOverlaps LinkKind = "OVERLAPS"
	// ADJACENT_TO: territory ↔ territory, sharing a border.
	LinkAdjacentTo LinkKind = "ADJACENT_TO"
	// ADDRESSES: project → theme.
	LinkAddresses LinkKind = "ADDRESSES"
	// TARGETS: project → target group.
	LinkTargets LinkKind = "TARGETS"
	// WORKS_ON: project → function / building block.
	LinkWorksOn LinkKind = "WORKS_ON"
	// COLLABORATES_WITH: project ↔ project, with period.
	LinkCollaboratesWith LinkKind = "COLLABORATES_WITH"
	// PART_OF_PROGRAMME: project (an action package) → the project that is
	// its programme; at most one programme per project, and no cycles.
	LinkPartOfProgramme LinkKind = "PART_OF_PROGRAMME"
	// LOCATED_IN: organisation → territory.
	LinkLocatedIn LinkKind = "LOCATED_IN"
	// SERVES: organisation → territory.
	LinkServes LinkKind = "SERVES"
	// WORKS_AT: person → organisation (a contact person).
	LinkWorksAt LinkKind = "WORKS_AT"
	// CONTACT_FOR: person → project.
	LinkContactFor LinkKind = "CONTACT_FOR"
	// MODERATES: organisation → consultation it organises and moderates.
	LinkModerates LinkKind = "MODERATES"
	// HELD_IN: consultation → the territory it is held for.
	LinkHeldIn LinkKind = "HELD_IN"
	// CYCLE_OF: cycle → its consultation.
	LinkCycleOf LinkKind = "CYCLE_OF"
	// MEMBER_OF: organisation → cycle, one of its fixed participants.
	LinkMemberOf LinkKind = "MEMBER_OF"
	// CONTACT_IN: person → cycle, a participant's contact person.
	LinkContactIn LinkKind = "CONTACT_IN"
	// MEETING_OF: meeting → its cycle.
	LinkMeetingOf LinkKind = "MEETING_OF"
	// ON_THEME: meeting → its theme.
	LinkOnTheme LinkKind = "ON_THEME"
	// CONCERNS: meeting → the territory it is about.
	LinkConcerns LinkKind = "CONCERNS"
	// CORRESPONDS_TO: function ↔ function of the other framework, the
	// crosswalk between VVSG's functions and the building blocks (see
	// docs/crosswalk.md); gaps and complementary functions follow it.
	LinkCorrespondsTo LinkKind = "CORRESPONDS_TO"
	// PRIORITISES: territory → theme a neighbourhood chose after its
	// analysis, with period and source.
	LinkPrioritises LinkKind = "PRIORITISES"
	// PRIORITISES_GROUP: territory → target group a neighbourhood chose
	// after its analysis, with period and source.
	LinkPrioritisesGroup LinkKind = "PRIORITISES_GROUP"
	// HOLDS_ROLE: organisation → territory it holds neighbourhood roles in
	// (TerritoryRoles), with period and source.
	LinkHoldsRole LinkKind = "HOLDS_ROLE"
	// PERSON_HOLDS_ROLE: person → territory, as HOLDS_ROLE; personal data.
	LinkPersonHoldsRole LinkKind = "PERSON_HOLDS_ROLE"
	// FORESEES_ROLE: project → territory it describes neighbourhood roles
	// for, without naming who holds them; source required.
	LinkForeseesRole LinkKind = "FORESEES_ROLE"
)

// linkSpec says what a kind of link connects and which properties it takes.
type linkSpec struct {
	from, to    Kind
	symmetric   bool
	role, level bool
	period      bool
	amount      bool
	coverage    bool
	// single: an entity has at most one link of this kind from it (a
	// meeting is of one cycle, on one theme).
	single bool
	// sourced links say where they come from: a priority is only as good as
	// the analysis that chose it, and the crosswalk is partly a reading.
	sourced bool
	// territoryRoles: the link names neighbourhood roles (at least one).
	territoryRoles bool
}

var linkSpecs = map[LinkKind]linkSpec{
	LinkParticipatesIn:   {from: KindOrganisation, to: KindProject, role: true, level: true, period: true},
	LinkActiveIn:         {from: KindProject, to: KindTerritory, period: true, coverage: true},
	LinkFunds:            {from: KindFunder, to: KindProject, amount: true, period: true},
	LinkPartOf:           {from: KindTerritory, to: KindTerritory},
	LinkOverlaps:         {from: KindTerritory, to: KindTerritory, symmetric: true},
	LinkAdjacentTo:       {from: KindTerritory, to: KindTerritory, symmetric: true},
	LinkAddresses:        {from: KindProject, to: KindTheme},
	LinkTargets:          {from: KindProject, to: KindTargetGroup},
	LinkWorksOn:          {from: KindProject, to: KindFunction},
	LinkCollaboratesWith: {from: KindProject, to: KindProject, symmetric: true, period: true},
	LinkPartOfProgramme:  {from: KindProject, to: KindProject},
	LinkLocatedIn:        {from: KindOrganisation, to: KindTerritory},
	LinkServes:           {from: KindOrganisation, to: KindTerritory},
	LinkWorksAt:          {from: KindPerson, to: KindOrganisation},
	LinkContactFor:       {from: KindPerson, to: KindProject},
	LinkCorrespondsTo:    {from: KindFunction, to: KindFunction, symmetric: true, sourced: true},
	LinkPrioritises:      {from: KindTerritory, to: KindTheme, period: true, sourced: true},
	LinkPrioritisesGroup: {from: KindTerritory, to: KindTargetGroup, period: true, sourced: true},
	LinkHoldsRole:        {from: KindOrganisation, to: KindTerritory, territoryRoles: true, period: true},
	LinkPersonHoldsRole:  {from: KindPerson, to: KindTerritory, territoryRoles: true, period: true},
	LinkForeseesRole:     {from: KindProject, to: KindTerritory, territoryRoles: true, period: true, sourced: true},
	LinkModerates:        {from: KindOrganisation, to: KindConsultation},
	LinkHeldIn:           {from: KindConsultation, to: KindTerritory},
	LinkCycleOf:          {from: KindCycle, to: KindConsultation, single: true},
	LinkMemberOf:         {from: KindOrganisation, to: KindCycle},
	LinkContactIn:        {from: KindPerson, to: KindCycle},
	LinkMeetingOf:        {from: KindMeeting, to: KindCycle, single: true},
	LinkOnTheme:          {from: KindMeeting, to: KindTheme, single: true},
	LinkConcerns:         {from: KindMeeting, to: KindTerritory, single: true},
}

// LinkKinds lists every kind of link, in a stable order.
var LinkKinds = []LinkKind{LinkPartOf, LinkOverlaps, LinkAdjacentTo, LinkParticipatesIn, LinkActiveIn, LinkFunds, LinkAddresses, LinkTargets, LinkWorksOn, LinkCollaboratesWith, LinkPartOfProgramme, LinkLocatedIn, LinkServes, LinkWorksAt, LinkContactFor,
	LinkModerates, LinkHeldIn, LinkCycleOf, LinkMemberOf, LinkContactIn, LinkMeetingOf, LinkOnTheme, LinkConcerns,
	LinkCorrespondsTo, LinkPrioritises, LinkPrioritisesGroup, LinkHoldsRole, LinkPersonHoldsRole, LinkForeseesRole}

// Endpoints returns the kinds of entity a link kind connects.
func (k LinkKind) Endpoints() (from, to Kind) { s := linkSpecs[k]; return s.from, s.to }

// Single reports whether an entity has at most one link of this kind from
// it (CYCLE_OF, MEETING_OF, ON_THEME, CONCERNS).
func (k LinkKind) Single() bool { return linkSpecs[k].single }

// CheckSingle refuses a new link of a single kind when its from end already
// has one (to other); other is "" when it has none.
func CheckSingle(k LinkKey, other string, field string) error {
	if !k.Kind.Single() || other == "" || other == k.To {
		return nil
	}
	return FieldError(ECONFLICT, field, "%s already has a %s link, to %s; unlink it first", k.From, k.Kind, other)
}

// Nests reports whether links of the kind build a nesting that a store must
// check before it adds one (TerritoryGraph.CheckNesting): PART_OF and
// PART_OF_PROGRAMME.
func (k LinkKind) Nests() bool { return k == LinkPartOf || k == LinkPartOfProgramme }

// Symmetric reports whether the link has no direction (OVERLAPS, ADJACENT_TO,
// COLLABORATES_WITH); such links are stored once, From < To.
func (k LinkKind) Symmetric() bool { return linkSpecs[k].symmetric }

// Role of an organisation in a project.
type Role string

const (
	RoleCoordinator Role = "COORDINATOR" // leads the project
	RolePartner     Role = "PARTNER"
	RoleAssociate   Role = "ASSOCIATE" // involved, not a formal partner
)

var Roles = []Role{RoleCoordinator, RolePartner, RoleAssociate}

// StakeholderLevel is the level of involvement from the stakeholder analysis
// of the caring-neighbourhoods framework, from least to most involved.
type StakeholderLevel string

const (
	LevelInform   StakeholderLevel = "INFORM"
	LevelConsult  StakeholderLevel = "CONSULT"
	LevelCoCreate StakeholderLevel = "CO_CREATE"
	LevelCoDecide StakeholderLevel = "CO_DECIDE"
)

var StakeholderLevels = []StakeholderLevel{LevelInform, LevelConsult, LevelCoCreate, LevelCoDecide}

// Coverage says whether a project covers a whole territory or part of it.
type Coverage string

const (
	CoverageWhole Coverage = "WHOLE"
	CoveragePart  Coverage = "PART"
)

var Coverages = []Coverage{CoverageWhole, CoveragePart}

// LinkKey identifies a link: there is at most one link of a kind between two
// entities.
type LinkKey struct {
	Kind LinkKind `json:"kind,omitempty" yaml:"kind"`
	From string   `json:"from,omitempty" yaml:"from"`
	To   string   `json:"to,omitempty" yaml:"to"`
}

// Normalized returns the key with a symmetric link's ends in canonical order.
func (k LinkKey) Normalized() LinkKey {
	if k.Kind.Symmetric() && k.To < k.From {
		k.From, k.To = k.To, k.From
	}
	return k
}

// Link is one relation of the graph, with the properties its kind takes.
type Link struct {
	LinkKey `yaml:",inline"`
	Role    Role             `json:"role,omitempty" yaml:"role,omitempty"`
	Level   StakeholderLevel `json:"level,omitempty" yaml:"level,omitempty"`
	Period  Period           `json:"period,omitzero" yaml:"period,omitempty"`
	// Amount granted, for FUNDS, where known.
	Amount   *Money   `json:"amount,omitempty" yaml:"amount,omitempty"`
	Coverage Coverage `json:"coverage,omitempty" yaml:"coverage,omitempty"`
	// TerritoryRoles held or foreseen, for HOLDS_ROLE, PERSON_HOLDS_ROLE and
	// FORESEES_ROLE: a list, because one holder often has several roles in
	// a territory and there is one link of a kind between two entities.
	TerritoryRoles []TerritoryRole `json:"territoryRoles,omitempty" yaml:"territoryRoles,omitempty"`
	Note           string          `json:"note,omitempty" yaml:"note,omitempty"`
	Source         string          `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp          `json:"stamp" yaml:"-"`
}

// Validate checks the link on its own: a known kind, ends of the right
// kinds, only the properties its kind takes. It normalizes symmetric links.
// Whether the ends exist, duplicates and cycles are checked by the store in
// the same transaction as the write (see ApplyPlan.Link and
// TerritoryGraph.CheckNesting).
func (l *Link) Validate() error {
	spec, ok := linkSpecs[l.Kind]
	if !ok {
		return FieldError(EINVALID, "kind", "%q is not a kind of link (one of %v)", l.Kind, LinkKinds)
	}
	if err := ValidateID("from", l.From, spec.from); err != nil {
		return err
	}
	if err := ValidateID("to", l.To, spec.to); err != nil {
		return err
	}
	if l.From == l.To {
		return FieldError(EINVALID, "to", "a %s link cannot connect %q to itself", l.Kind, l.From)
	}
	l.LinkKey = l.LinkKey.Normalized()
	if err := onlyIf(spec.role, "role", l.Role != ""); err != nil {
		return err
	}
	if err := onlyIf(spec.level, "level", l.Level != ""); err != nil {
		return err
	}
	if err := onlyIf(spec.period, "period", !l.Period.IsOpen()); err != nil {
		return err
	}
	if err := onlyIf(spec.amount, "amount", l.Amount != nil); err != nil {
		return err
	}
	if err := onlyIf(spec.coverage, "coverage", l.Coverage != ""); err != nil {
		return err
	}
	if err := onlyIf(spec.territoryRoles, "territoryRoles", len(l.TerritoryRoles) > 0); err != nil {
		return err
	}
	if spec.territoryRoles {
		if err := validateTerritoryRoles("territoryRoles", l.TerritoryRoles); err != nil {
			return err
		}
	}
	if spec.role {
		if l.Role == "" {
			l.Role = RolePartner
		}
		if err := validateOneOf("role", l.Role, Roles, false); err != nil {
			return err
		}
	}
	if err := validateOneOf("level", l.Level, StakeholderLevels, true); err != nil {
		return err
	}
	if spec.sourced && strings.TrimSpace(l.Source) == "" {
		return FieldError(EINVALID, "source", "a %s link needs a source: the document or decision it comes from", l.Kind)
	}
	if spec.coverage {
		if l.Coverage == "" {
			l.Coverage = CoverageWhole
		}
		if err := validateOneOf("coverage", l.Coverage, Coverages, false); err != nil {
			return err
		}
	}
	return l.Period.Validate("period")
}

func onlyIf(allowed bool, field string, given bool) error {
	if given && !allowed {
		return FieldError(EINVALID, field, "this kind of link has no %s", field)
	}
	return nil
}

// LinkUpdate changes the properties of an existing link; nil fields are left
// as they are.
type LinkUpdate struct {
	Role     *Role
	Level    *StakeholderLevel
	Period   *PeriodPatch // only the ends given change
	Amount   *Money
	Coverage *Coverage
	// TerritoryRoles replaces the list when given.
	TerritoryRoles *[]TerritoryRole
	Note           *string
	Source         *string
}

// Apply writes the given fields onto l and validates the result.
func (u LinkUpdate) Apply(l *Link) error {
	if u.Role != nil {
		l.Role = *u.Role
	}
	if u.Level != nil {
		l.Level = *u.Level
	}
	if u.Period != nil {
		l.Period = u.Period.Apply(l.Period)
	}
	if u.Amount != nil {
		l.Amount = u.Amount
	}
	if u.Coverage != nil {
		l.Coverage = *u.Coverage
	}
	if u.TerritoryRoles != nil {
		l.TerritoryRoles = *u.TerritoryRoles
	}
	if u.Note != nil {
		l.Note = *u.Note
	}
	if u.Source != nil {
		l.Source = *u.Source
	}
	return l.Validate()
}
