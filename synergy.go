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
	Score   int
	Reasons []Reason
}

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
	// An organisation already takes part in both and can bridge them.
	ReasonBridgingOrganisation ReasonCode = "BRIDGING_ORGANISATION"
	// They work on the same theme.
	ReasonSharedTheme ReasonCode = "SHARED_THEME"
	// How closely they meet: same territory, nested, or partly overlapping.
	ReasonSamePlace    ReasonCode = "SAME_TERRITORY"
	ReasonNestedPlace  ReasonCode = "NESTED_TERRITORY"
	ReasonPartialPlace ReasonCode = "PARTIAL_TERRITORY"
	// They already collaborate formally: less left to gain from an introduction.
	ReasonAlreadyCollaborating ReasonCode = "ALREADY_COLLABORATING"
)

// ReasonCodes lists every reason code.
var ReasonCodes = []ReasonCode{ReasonSamePlace, ReasonNestedPlace, ReasonPartialPlace, ReasonSameTargetGroupNoSharedPartner, ReasonComplementaryFunctions, ReasonDifferentFunders, ReasonBridgingOrganisation, ReasonSharedTheme, ReasonAlreadyCollaborating}

// Points per reason. Kept together so the scoring can be read at a glance.
const (
	pointsSameTargetGroupNoPartner = 3
	pointsComplementaryPair        = 2 // per complementary pair
	pointsDifferentFunders         = 2
	pointsBridgePerOrganisation    = 1 // at most maxCounted organisations
	pointsPerSharedTheme           = 1 // at most maxCounted themes
	pointsAlreadyCollaborating     = -2
	maxCounted                     = 3
)

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

// ScoreSynergy scores a pair that overlaps (ov is b seen from a). functions
// maps function ids to their terms, to recognise complementary functions.
func ScoreSynergy(a, b *ProjectProfile, ov *Overlap, functions map[string]*Term) *Synergy {
	s := &Synergy{A: a, B: b, Overlap: ov}
	add := func(code ReasonCode, points int, subjects ...string) {
		s.Reasons = append(s.Reasons, Reason{Code: code, Points: points, Subjects: subjects})
		s.Score += points
	}
	switch ov.closeness() {
	case 3:
		add(ReasonSamePlace, 2, placeSubjects(ov, SpatialSame)...)
	case 2:
		add(ReasonNestedPlace, 1, placeSubjects(ov, SpatialContains, SpatialWithin)...)
	default:
		add(ReasonPartialPlace, 0, placeSubjects(ov, SpatialPartial)...)
	}
	if len(ov.SharedTargetGroups) > 0 && len(ov.SharedPartners) == 0 {
		add(ReasonSameTargetGroupNoSharedPartner, pointsSameTargetGroupNoPartner, ov.SharedTargetGroups...)
	}
	for _, pair := range complementaryFunctions(a.Functions, b.Functions, functions) {
		add(ReasonComplementaryFunctions, pointsComplementaryPair, pair[0], pair[1])
	}
	fa, fb := a.Funders(), b.Funders()
	if len(fa) > 0 && len(fb) > 0 && len(intersect(fa, fb)) == 0 {
		add(ReasonDifferentFunders, pointsDifferentFunders, append(append([]string{}, fa...), fb...)...)
	}
	if n := len(ov.SharedPartners); n > 0 {
		add(ReasonBridgingOrganisation, pointsBridgePerOrganisation*min(n, maxCounted), ov.SharedPartners...)
	}
	if n := len(ov.SharedThemes); n > 0 {
		add(ReasonSharedTheme, pointsPerSharedTheme*min(n, maxCounted), ov.SharedThemes...)
	}
	for _, c := range a.Collaborators {
		if c == b.Project.ID {
			add(ReasonAlreadyCollaborating, pointsAlreadyCollaborating)
		}
	}
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
	ReasonBridgingOrganisation: {
		NL: "%s werkt al in beide projecten en kan de brug slaan.",
		FR: "%s travaille déjà dans les deux projets et peut faire le lien.",
		EN: "%s already takes part in both projects and can bridge them."},
	ReasonSharedTheme: {
		NL: "Zelfde thema: %s.",
		FR: "Même thématique : %s.",
		EN: "Same theme: %s."},
	ReasonAlreadyCollaborating: {
		NL: "Deze projecten werken al formeel samen%s.",
		FR: "Ces projets collaborent déjà formellement%s.",
		EN: "These projects already collaborate formally%s."},
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
		return fmt.Sprintf(tmpl, "")
	case r.Code == ReasonComplementaryFunctions && len(parts) == 2:
		return fmt.Sprintf(tmpl, parts[0], parts[1])
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
