// Package briefing prepares what facilitators take to a consultation meeting
// (the "Overleg buurtprojecten"): a briefing for one territory and theme,
// computed through buurtnet.Analyst, and its renderings as spreadsheet, CSV,
// printable HTML, PDF and Markdown. Every answer comes from the Analyst and
// the Store: this package selects, names and lays out, it decides nothing.
// Package export turns a request into a briefing file, or a file of the
// network itself.
package briefing

import "github.com/buurtnet/buurtnet"

// Briefing is everything a facilitator needs before a meeting, as plain data
// with names already resolved in Lang, ready for any renderer. Ids stay next
// to names so that tests and machine readers can follow them.
type Briefing struct {
	Lang      buurtnet.Lang `json:"lang"`
	Territory Ref           `json:"territory"`
	// Theme is empty (zero Ref) when the briefing covers every theme.
	Theme Ref `json:"theme,omitzero"`
	// On is the day the questions are asked for; zero means no date restriction.
	On buurtnet.Date `json:"on,omitzero"`
	// Since is the previous meeting's date, Until the end of the changes
	// window (On, or the day the briefing was made).
	Since buurtnet.Date `json:"since,omitzero"`
	Until buurtnet.Date `json:"until,omitzero"`
	// Made is the day the briefing was made.
	Made buurtnet.Date `json:"made"`

	Projects     []Project        `json:"projects"`
	Funding      []Funding        `json:"funding"`
	Stakeholders []StakeholderMap `json:"stakeholders"`
	Overlaps     []Overlap        `json:"overlaps"`
	Synergies    []Synergy        `json:"synergies"`
	Gaps         Gaps             `json:"gaps"`
	Network      Network          `json:"network"`
	Participants []Participant    `json:"participants"`
	// Changes is empty when no Since is given.
	Changes []Change `json:"changes"`
}

// Ref is an entity by id and by its name in the briefing's language.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Project is one project working in the territory (and on the theme).
type Project struct {
	Ref
	Status       buurtnet.ProjectStatus `json:"status,omitempty"`
	Period       buurtnet.Period        `json:"period,omitzero"`
	Coordinators []Ref                  `json:"coordinators"`
	Partners     []Ref                  `json:"partners"` // every other participant
	Funders      []Ref                  `json:"funders"`
	Territories  []Ref                  `json:"territories"` // where it is active
	Themes       []Ref                  `json:"themes"`
	TargetGroups []Ref                  `json:"targetGroups"`
	Functions    []Ref                  `json:"functions"`
}

// Funding is one funder paying for one project in scope.
type Funding struct {
	Project Ref                  `json:"project"`
	Funder  Ref                  `json:"funder"`
	Level   buurtnet.FunderLevel `json:"level,omitempty"`
	Amount  *buurtnet.Money      `json:"amount,omitempty"`
	Period  buurtnet.Period      `json:"period,omitzero"`
}

// StakeholderMap is a project's organisations by level of involvement, as
// Analyst.StakeholderMap groups them.
type StakeholderMap struct {
	Project    Ref                `json:"project"`
	Levels     []StakeholderGroup `json:"levels"`
	Unassessed []Member           `json:"unassessed"`
}

// StakeholderGroup is one level, the sectors present at it and its members.
type StakeholderGroup struct {
	Level   buurtnet.StakeholderLevel `json:"level"`
	Sectors []buurtnet.Sector         `json:"sectors"`
	Members []Member                  `json:"members"`
}

// Member is an organisation taking part in a project, with its role.
type Member struct {
	Ref
	Role    buurtnet.Role     `json:"role,omitempty"`
	Sectors []buurtnet.Sector `json:"sectors,omitempty"`
}

// Overlap is a pair of projects in scope that work on the same ground at the
// same time (Analyst.Overlaps seen from A), listed once per pair.
type Overlap struct {
	A                  Ref             `json:"a"`
	B                  Ref             `json:"b"`
	Places             []Place         `json:"places"`
	Period             buurtnet.Period `json:"period,omitzero"`
	SharedPartners     []Ref           `json:"sharedPartners"`
	SharedThemes       []Ref           `json:"sharedThemes"`
	SharedTargetGroups []Ref           `json:"sharedTargetGroups"`
	SharedFunctions    []Ref           `json:"sharedFunctions"`
	FundersA           []Ref           `json:"fundersA"`
	FundersB           []Ref           `json:"fundersB"`
}

// Place is where the two projects of an overlap meet.
type Place struct {
	Territory      Ref              `json:"territory"` // of A
	OtherTerritory Ref              `json:"otherTerritory"`
	Relation       buurtnet.Spatial `json:"relation"`
	Period         buurtnet.Period  `json:"period,omitzero"`
}

// Synergy is one ranked pair from Analyst.Synergies.
type Synergy struct {
	Rank int `json:"rank"`
	A    Ref `json:"a"`
	B    Ref `json:"b"`
	// Kind: an introduction to make, or a collaboration to strengthen.
	Kind    buurtnet.SynergyKind `json:"kind"`
	Score   int                  `json:"score"`
	Reasons []Reason             `json:"reasons"`
}

// Reason is one part of a synergy's score, with its sentence in the
// briefing's language.
type Reason struct {
	Code     buurtnet.ReasonCode `json:"code"`
	Points   int                 `json:"points"`
	Sentence string              `json:"sentence"`
}

// Gaps is the gap report of the territory (Analyst.Gaps): what no project
// working there covers, and who covers the rest. Functions come in the
// report's order (VVSG first, then building blocks, by number).
type Gaps struct {
	// Priorities are the territory's own priorities, answered for first.
	Priorities       []Priority     `json:"priorities"`
	MissingFunctions []Term         `json:"missingFunctions"`
	MissingThemes    []Term         `json:"missingThemes"`
	CoveredFunctions []TermCoverage `json:"coveredFunctions"`
	CoveredThemes    []TermCoverage `json:"coveredThemes"`
	// PartlyPresent are the projects on ground the territory only partly
	// shares; PartlyCovered the missing terms they work on.
	PartlyPresent          []Ref          `json:"partlyPresent"`
	PartlyCoveredFunctions []TermCoverage `json:"partlyCoveredFunctions"`
	PartlyCoveredThemes    []TermCoverage `json:"partlyCoveredThemes"`
}

// Priority is a theme or target group the territory chose, and who covers
// it there.
type Priority struct {
	Ref
	// TargetGroup is true for a target group, false for a theme.
	TargetGroup bool            `json:"targetGroup,omitempty"`
	Period      buurtnet.Period `json:"period,omitzero"`
	Source      string          `json:"source,omitempty"`
	Missing     bool            `json:"missing"`
	Projects    []Ref           `json:"projects"`
}

// Term is a function, building block or theme.
type Term struct {
	Ref
	Framework buurtnet.Framework `json:"framework,omitempty"`
	Number    int                `json:"number,omitempty"`
}

// TermCoverage is a covered term and the projects covering it there.
type TermCoverage struct {
	Term
	Projects []Ref `json:"projects"`
}

// Participant is one organisation to invite, with what it does in scope.
type Participant struct {
	Ref
	Acronym           string                     `json:"acronym,omitempty"`
	Sectors           []buurtnet.Sector          `json:"sectors"`
	LanguageCommunity buurtnet.LanguageCommunity `json:"languageCommunity,omitempty"`
	Roles             []Involvement              `json:"roles"`
}

// Involvement is an organisation's part in one project.
type Involvement struct {
	Project Ref                       `json:"project"`
	Role    buurtnet.Role             `json:"role,omitempty"`
	Level   buurtnet.StakeholderLevel `json:"level,omitempty"`
}

// Event is what happened to a project or partnership.
type Event string

const (
	EventStarted Event = "STARTED"
	EventEnded   Event = "ENDED"
	EventAdded   Event = "ADDED" // recorded in the store
)

// Change is one thing that started, ended or was recorded after Since.
// Link is the kind of partnership, or empty for the project itself.
type Change struct {
	Date    buurtnet.Date     `json:"date"`
	Event   Event             `json:"event"`
	Link    buurtnet.LinkKind `json:"link,omitempty"`
	Project Ref               `json:"project"`
	// Other is the other end of the link (organisation, territory, funder,
	// project); zero for a project change.
	Other  Ref             `json:"other,omitzero"`
	Role   buurtnet.Role   `json:"role,omitempty"`
	Amount *buurtnet.Money `json:"amount,omitempty"`
}
