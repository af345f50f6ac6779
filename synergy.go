package buurtnet

import (
	"fmt"
	"strings"
)

// Synergy is a pair of overlapping projects worth bringing together, with
// the reasons that make it so. Score is the sum of the reasons' points.
type Synergy struct {
	A, B    *ProjectProfile
	Overlap *Overlap // seen from A
	// Kind says what a facilitator can do about the pair: introduce them,
	// or strengthen a collaboration that exists.
	Kind    SynergyKind
	Score   int
	Reasons []Reason
}

// SynergyKind sorts synergies into the two lists a facilitator acts on.
type SynergyKind string

const (
	// Projects that do not work together yet: an introduction to make.
	SynergyIntroduction SynergyKind = "INTRODUCTION"
	// Projects that already work together, formally or because one's
	// coordinator takes part in the other: a collaboration to strengthen.
	SynergyStrengthen SynergyKind = "STRENGTHEN"
)

// SynergyKinds lists every kind of synergy.
var SynergyKinds = []SynergyKind{SynergyIntroduction, SynergyStrengthen}

// Reason explains one part of a synergy's score. Subjects are the ids the
// reason is about (partners, funders, themes, functions).
type Reason struct {
	Code     ReasonCode
	Points   int
	Subjects []string
}

// ReasonCode names a kind of reason. The codes, their points and their
// sentences are the scoring rule; README.md documents them.
type ReasonCode string

const (
	// Same target group on the same ground, and no organisation in both yet.
	ReasonSameTargetGroupNoSharedPartner ReasonCode = "SAME_TARGET_GROUP_NO_SHARED_PARTNER"
	// One project works on a function the other's work leads to (detection →
	// referral, analysis → policy advice).
	ReasonComplementaryFunctions ReasonCode = "COMPLEMENTARY_FUNCTIONS"
	// Both are funded, by different funders, who could pool means.
	ReasonDifferentFunders ReasonCode = "DIFFERENT_FUNDERS"
	// The funders of one or both are not recorded: whether they could pool
	// means cannot be said, so it earns nothing and is said out loud.
	ReasonFundersUnknown ReasonCode = "FUNDERS_UNKNOWN"
	// An organisation that coordinates neither project takes part in both
	// and can bridge them.
	ReasonBridgingOrganisation ReasonCode = "BRIDGING_ORGANISATION"
	// The coordinator of one project takes part in the other: the projects
	// already work together through it (it is no bridge to itself).
	ReasonCoordinatorTakesPart ReasonCode = "COORDINATOR_TAKES_PART"
	// They work on the same theme.
	ReasonSharedTheme ReasonCode = "SHARED_THEME"
	// How closely they meet: same territory, nested, or partly overlapping.
	ReasonSamePlace    ReasonCode = "SAME_TERRITORY"
	ReasonNestedPlace  ReasonCode = "NESTED_TERRITORY"
	ReasonPartialPlace ReasonCode = "PARTIAL_TERRITORY"
	// They already collaborate formally: a collaboration to strengthen, not
	// an introduction to make.
	ReasonAlreadyCollaborating ReasonCode = "ALREADY_COLLABORATING"
)

// ReasonCodes lists every reason code.
var ReasonCodes = []ReasonCode{ReasonSamePlace, ReasonNestedPlace, ReasonPartialPlace, ReasonSameTargetGroupNoSharedPartner, ReasonComplementaryFunctions, ReasonDifferentFunders, ReasonFundersUnknown, ReasonBridgingOrganisation, ReasonCoordinatorTakesPart, ReasonSharedTheme, ReasonAlreadyCollaborating}

// Points per reason. Kept together so the scoring can be read at a glance.
// An existing collaboration costs nothing: it decides the list a pair is
// in (SynergyKind), not how far down that list it ranks.
const (
	pointsSameTargetGroupNoPartner = 3
	pointsComplementaryPair        = 2 // per complementary pair
	pointsDifferentFunders         = 2
	pointsBridgePerOrganisation    = 1 // at most maxCounted organisations
	pointsPerSharedTheme           = 1 // at most maxCounted themes
	maxCounted                     = 3
)

// pairCounts are the numbers a pair's score is made of: ScoreSynergy counts
// them while spelling out the reasons, the ranking counts them on numbers
// alone, and points turns them into the one score both give.
type pairCounts struct {
	closeness      int // Overlap.closeness
	sharedPartners int // organisations in both, coordinators included
	bridges        int // organisations in both that coordinate neither
	sharedTargets  int
	complementary  int // complementary function pairs
	fundersA       int
	fundersB       int
	sharedFunders  int
	sharedThemes   int
}

func placePoints(closeness int) int {
	switch closeness {
	case 3:
		return 2
	case 2:
		return 1
	}
	return 0
}

func (c pairCounts) sameTargetGroupNoPartner() bool {
	return c.sharedTargets > 0 && c.sharedPartners == 0
}

func (c pairCounts) differentFunders() bool {
	return c.fundersA > 0 && c.fundersB > 0 && c.sharedFunders == 0
}

// points is the pair's score: the sum of the points of its reasons.
func (c pairCounts) points() int {
	score := placePoints(c.closeness) + pointsComplementaryPair*c.complementary
	if c.sameTargetGroupNoPartner() {
		score += pointsSameTargetGroupNoPartner
	}
	if c.differentFunders() {
		score += pointsDifferentFunders
	}
	score += pointsBridgePerOrganisation * min(c.bridges, maxCounted)
	score += pointsPerSharedTheme * min(c.sharedThemes, maxCounted)
	return score
}

// complementaryPairs are function pairs where one project's work feeds the
// other's: (framework, number) of the first → of the second.
var complementaryPairs = []struct {
	framework Framework
	from, to  int
}{
	{FrameworkVVSG, 2, 3},                 // detectie → toeleiding
	{FrameworkVVSG, 1, 8},                 // buurtanalyse → beleidsadvisering
	{FrameworkCaringNeighbourhoods, 4, 5}, // detectie van zorgnoden → toeleiding naar zorg
	{FrameworkCaringNeighbourhoods, 7, 8}, // analyse, evaluatie en impact → beleidsadvisering
}

// PairKind says which list a pair of projects belongs in: STRENGTHEN when
// they collaborate formally or the coordinator of one takes part in the
// other, INTRODUCTION otherwise.
func PairKind(a, b *ProjectProfile) SynergyKind {
	// Called for every candidate pair of a ranking: it allocates nothing.
	if contains(a.Collaborators, b.Project.ID) || coordinatorTakesPart(a, b) || coordinatorTakesPart(b, a) {
		return SynergyStrengthen
	}
	return SynergyIntroduction
}

// coordinatorTakesPart reports whether an organisation coordinating x takes
// part in y.
func coordinatorTakesPart(x, y *ProjectProfile) bool {
	for _, c := range x.Participants {
		if c.Role != RoleCoordinator {
			continue
		}
		for _, p := range y.Participants {
			if p.From == c.From {
				return true
			}
		}
	}
	return false
}

// coordinators returns the ids of the organisations coordinating p.
func (p *ProjectProfile) coordinators() []string {
	var out []string
	for _, l := range p.Participants {
		if l.Role == RoleCoordinator {
			out = append(out, l.From)
		}
	}
	return out
}

// coordinatorsTakingPart returns, for each organisation coordinating one of
// the two projects and taking part in the other, the organisation, the
// project it coordinates and the other.
func coordinatorsTakingPart(a, b *ProjectProfile) [][3]string {
	var out [][3]string
	for _, dir := range [][2]*ProjectProfile{{a, b}, {b, a}} {
		in := dir[1].Partners()
		for _, c := range dir[0].coordinators() {
			if contains(in, c) {
				out = append(out, [3]string{c, dir[0].Project.ID, dir[1].Project.ID})
			}
		}
	}
	return out
}

// bridges returns the shared partners that coordinate neither project.
func bridges(a, b *ProjectProfile, shared []string) []string {
	ca, cb := a.coordinators(), b.coordinators()
	var out []string
	for _, o := range shared {
		if !contains(ca, o) && !contains(cb, o) {
			out = append(out, o)
		}
	}
	return out
}

// ScoreSynergy scores a pair that overlaps (ov is b seen from a). functions
// maps function ids to their terms, to recognise complementary functions.
func ScoreSynergy(a, b *ProjectProfile, ov *Overlap, functions map[string]*Term) *Synergy {
	s := &Synergy{A: a, B: b, Overlap: ov, Kind: PairKind(a, b)}
	add := func(code ReasonCode, points int, subjects ...string) {
		s.Reasons = append(s.Reasons, Reason{Code: code, Points: points, Subjects: subjects})
	}
	fa, fb := a.Funders(), b.Funders()
	complementary := complementaryFunctions(a.Functions, b.Functions, functions)
	bridging := bridges(a, b, ov.SharedPartners)
	c := pairCounts{
		closeness: ov.closeness(), sharedPartners: len(ov.SharedPartners), bridges: len(bridging),
		sharedTargets: len(ov.SharedTargetGroups), complementary: len(complementary),
		fundersA: len(fa), fundersB: len(fb), sharedFunders: len(intersect(fa, fb)), sharedThemes: len(ov.SharedThemes),
	}
	if contains(a.Collaborators, b.Project.ID) {
		add(ReasonAlreadyCollaborating, 0)
	}
	for _, t := range coordinatorsTakingPart(a, b) {
		add(ReasonCoordinatorTakesPart, 0, t[0], t[1], t[2])
	}
	switch c.closeness {
	case 3:
		add(ReasonSamePlace, placePoints(3), placeSubjects(ov, SpatialSame)...)
	case 2:
		add(ReasonNestedPlace, placePoints(2), placeSubjects(ov, SpatialContains, SpatialWithin)...)
	default:
		add(ReasonPartialPlace, placePoints(1), placeSubjects(ov, SpatialPartial)...)
	}
	if c.sameTargetGroupNoPartner() {
		add(ReasonSameTargetGroupNoSharedPartner, pointsSameTargetGroupNoPartner, ov.SharedTargetGroups...)
	}
	for _, pair := range complementary {
		add(ReasonComplementaryFunctions, pointsComplementaryPair, pair[0], pair[1])
	}
	switch {
	case c.differentFunders():
		add(ReasonDifferentFunders, pointsDifferentFunders, append(append([]string{}, fa...), fb...)...)
	case len(fa) == 0 || len(fb) == 0:
		var unknown []string
		for _, p := range []*ProjectProfile{a, b} {
			if len(p.Fundings) == 0 {
				unknown = append(unknown, p.Project.ID)
			}
		}
		add(ReasonFundersUnknown, 0, unknown...)
	}
	if len(bridging) > 0 {
		add(ReasonBridgingOrganisation, pointsBridgePerOrganisation*min(len(bridging), maxCounted), bridging...)
	}
	if n := len(ov.SharedThemes); n > 0 {
		add(ReasonSharedTheme, pointsPerSharedTheme*min(n, maxCounted), ov.SharedThemes...)
	}
	s.Score = c.points()
	return s
}

func placeSubjects(ov *Overlap, rels ...Spatial) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ov.Places {
		for _, r := range rels {
			if p.Relation == r {
				for _, t := range []string{p.Territory, p.OtherTerritory} {
					if !seen[t] {
						seen[t] = true
						out = append(out, t)
					}
				}
			}
		}
	}
	return out
}

// complementaryFunctions returns the (function of one, function of other)
// pairs that complement each other, in either direction, where the two
// projects do not both already do both. A function matches through the
// crosswalk too, and pairs the crosswalk makes one count once.
func complementaryFunctions(fa, fb []string, functions map[string]*Term) [][2]string {
	has := func(ids []string, fw Framework, n int) string { return worksOnFunction(ids, functions, fw, n) }
	direct := func(id string, fw Framework, n int) bool {
		t := functions[id]
		return t.Framework == fw && t.Number == n
	}
	classes := pairClasses(functions)
	// Per pair class and direction, the pair found: one both projects are
	// tagged with under its own names reads best, so it wins over one found
	// through the crosswalk.
	type found struct {
		pair   [2]string
		direct bool
	}
	chosen := map[[2]int]found{}
	var order [][2]int
	for k, p := range complementaryPairs {
		for d, dir := range [][2][]string{{fa, fb}, {fb, fa}} {
			x, y := has(dir[0], p.framework, p.from), has(dir[1], p.framework, p.to)
			// Only complementary when each brings what the other lacks.
			if x == "" || y == "" || has(dir[1], p.framework, p.from) != "" || has(dir[0], p.framework, p.to) != "" {
				continue
			}
			key := [2]int{classes[k], d}
			f := found{pair: [2]string{x, y}, direct: direct(x, p.framework, p.from) && direct(y, p.framework, p.to)}
			prev, seen := chosen[key]
			if !seen {
				order = append(order, key)
			}
			if !seen || (f.direct && !prev.direct) {
				chosen[key] = f
			}
		}
	}
	out := make([][2]string, 0, len(order))
	for _, key := range order {
		out = append(out, chosen[key].pair)
	}
	return out
}

// reasonSentences are the sentences per reason and language; %s is the list
// of subject names.
var reasonSentences = map[ReasonCode]map[Lang]string{
	ReasonSamePlace: {
		NL: "Beide projecten werken in hetzelfde gebied: %s.",
		FR: "Les deux projets travaillent sur le même territoire : %s.",
		EN: "Both projects work in the same area: %s."},
	ReasonNestedPlace: {
		NL: "Het ene project werkt binnen het gebied van het andere: %s.",
		FR: "Un projet travaille à l'intérieur du territoire de l'autre : %s.",
		EN: "One project works within the other's area: %s."},
	ReasonPartialPlace: {
		NL: "Hun gebieden overlappen gedeeltelijk: %s.",
		FR: "Leurs territoires se chevauchent partiellement : %s.",
		EN: "Their areas partly overlap: %s."},
	ReasonSameTargetGroupNoSharedPartner: {
		NL: "Zelfde doelgroep in dezelfde buurt (%s), maar nog geen gemeenschappelijke partner.",
		FR: "Même public cible dans le même quartier (%s), mais encore aucun partenaire commun.",
		EN: "Same target group in the same neighbourhood (%s), but no shared partner yet."},
	ReasonComplementaryFunctions: {
		NL: "Complementaire functies: %s bij het ene project sluit aan op %s bij het andere.",
		FR: "Fonctions complémentaires : %s dans un projet rejoint %s dans l'autre.",
		EN: "Complementary functions: %s in one project leads into %s in the other."},
	ReasonDifferentFunders: {
		NL: "Verschillende financiers (%s) die hun middelen kunnen bundelen.",
		FR: "Des financeurs différents (%s) qui pourraient mutualiser leurs moyens.",
		EN: "Different funders (%s) who could pool their means."},
	ReasonFundersUnknown: {
		NL: "Financiers onbekend (%s): of ze middelen kunnen bundelen, valt nog niet te zeggen.",
		FR: "Financeurs inconnus (%s) : impossible de dire encore s'ils pourraient mutualiser leurs moyens.",
		EN: "Funders unknown (%s): whether they could pool means cannot be said yet."},
	ReasonBridgingOrganisation: {
		NL: "%s werkt al in beide projecten en kan de brug slaan.",
		FR: "%s travaille déjà dans les deux projets et peut faire le lien.",
		EN: "%s already takes part in both projects and can bridge them."},
	ReasonCoordinatorTakesPart: {
		NL: "%s, coördinator van %s, neemt al deel aan %s.",
		FR: "%s, coordinateur de %s, participe déjà à %s.",
		EN: "%s, the coordinator of %s, already takes part in %s."},
	ReasonSharedTheme: {
		NL: "Zelfde thema: %s.",
		FR: "Même thématique : %s.",
		EN: "Same theme: %s."},
	ReasonAlreadyCollaborating: {
		NL: "Deze projecten werken al formeel samen: een samenwerking om te versterken.",
		FR: "Ces projets collaborent déjà formellement : une collaboration à renforcer.",
		EN: "These projects already collaborate formally: a collaboration to strengthen."},
}

// Sentence renders the reason in lang, naming its subjects with names.
func (r Reason) Sentence(lang Lang, names map[string]Text) string {
	tmpl := reasonSentences[r.Code][lang]
	if tmpl == "" {
		tmpl = reasonSentences[r.Code][NL]
	}
	parts := make([]string, 0, len(r.Subjects))
	for _, id := range r.Subjects {
		if n, ok := names[id]; ok && !n.IsEmpty() {
			parts = append(parts, n.In(lang))
		} else {
			parts = append(parts, id)
		}
	}
	switch {
	case r.Code == ReasonAlreadyCollaborating:
		return tmpl
	case r.Code == ReasonComplementaryFunctions && len(parts) == 2:
		return fmt.Sprintf(tmpl, parts[0], parts[1])
	case r.Code == ReasonCoordinatorTakesPart && len(parts) == 3:
		return fmt.Sprintf(tmpl, parts[0], parts[1], parts[2])
	}
	return fmt.Sprintf(tmpl, joinList(parts, lang))
}

func joinList(parts []string, lang Lang) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	and := map[Lang]string{NL: " en ", FR: " et ", EN: " and "}[lang]
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}
