package briefing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/buurtnet/buurtnet"
)

// labels are the words of the renderings, in Dutch, French and English.
// Names of things come from the store; these are only headings, column
// titles and the values of the enums. Sheet titles stay within the 31
// characters a spreadsheet allows.
var labels = map[string][3]string{ // nl, fr, en
	"title":     {"Briefing voor het overleg", "Briefing pour la concertation", "Meeting briefing"},
	"none":      {"Geen.", "Aucun.", "None."},
	"all":       {"(alle)", "(tous)", "(all)"},
	"noDate":    {"(geen beperking)", "(sans restriction)", "(no restriction)"},
	"noChanges": {"(geen vorige bijeenkomst opgegeven)", "(pas de réunion précédente indiquée)", "(no previous meeting given)"},
	"colon":     {":", "\u00a0:", ":"}, // French sets a (no-break) space before a colon
	"madeBy":    {"Opgemaakt met buurtnet op", "Établi avec buurtnet le", "Made with buurtnet on"},

	// parts
	"part.scope":        {"Overzicht", "Aperçu", "Overview"},
	"part.projects":     {"Projecten", "Projets", "Projects"},
	"part.funding":      {"Financiering", "Financement", "Funding"},
	"part.stakeholders": {"Stakeholders", "Parties prenantes", "Stakeholders"},
	"part.overlaps":     {"Overlappingen", "Chevauchements", "Overlaps"},
	"part.synergies":    {"Synergieën", "Synergies", "Synergies"},
	"part.gaps":         {"Hiaten", "Lacunes", "Gaps"},
	"part.participants": {"Deelnemers", "Participants", "Participants"},
	"part.changes":      {"Wijzigingen", "Changements", "Changes"},
	"part.network":      {"Netwerk", "Réseau", "Network"},

	// columns
	"col.field":              {"Veld", "Champ", "Field"},
	"col.value":              {"Waarde", "Valeur", "Value"},
	"col.territory":          {"Gebied", "Territoire", "Area"},
	"col.theme":              {"Thema", "Thématique", "Theme"},
	"col.on":                 {"Op datum", "À la date du", "On"},
	"col.since":              {"Sinds de vorige bijeenkomst", "Depuis la réunion précédente", "Since the previous meeting"},
	"col.made":               {"Opgemaakt op", "Établi le", "Made on"},
	"col.project":            {"Project", "Projet", "Project"},
	"col.status":             {"Status", "Statut", "Status"},
	"col.period":             {"Periode", "Période", "Period"},
	"col.coordinators":       {"Coördinator", "Coordinateur", "Coordinator"},
	"col.partners":           {"Partners", "Partenaires", "Partners"},
	"col.funders":            {"Financiers", "Financeurs", "Funders"},
	"col.territories":        {"Werkgebied", "Territoires", "Areas"},
	"col.themes":             {"Thema's", "Thématiques", "Themes"},
	"col.targetGroups":       {"Doelgroepen", "Publics cibles", "Target groups"},
	"col.functions":          {"Functies", "Fonctions", "Functions"},
	"col.funder":             {"Financier", "Financeur", "Funder"},
	"col.funderLevel":        {"Niveau", "Niveau", "Level"},
	"col.amount":             {"Bedrag (EUR)", "Montant (EUR)", "Amount (EUR)"},
	"col.level":              {"Betrokkenheid", "Implication", "Involvement"},
	"col.organisation":       {"Organisatie", "Organisation", "Organisation"},
	"col.role":               {"Rol", "Rôle", "Role"},
	"col.sectors":            {"Sectoren", "Secteurs", "Sectors"},
	"col.projectA":           {"Project A", "Projet A", "Project A"},
	"col.projectB":           {"Project B", "Projet B", "Project B"},
	"col.places":             {"Waar", "Où", "Where"},
	"col.sharedPartners":     {"Gedeelde partners", "Partenaires communs", "Shared partners"},
	"col.sharedThemes":       {"Gedeelde thema's", "Thématiques communes", "Shared themes"},
	"col.sharedTargetGroups": {"Gedeelde doelgroepen", "Publics cibles communs", "Shared target groups"},
	"col.sharedFunctions":    {"Gedeelde functies", "Fonctions communes", "Shared functions"},
	"col.fundersA":           {"Financiers A", "Financeurs A", "Funders A"},
	"col.fundersB":           {"Financiers B", "Financeurs B", "Funders B"},
	"col.rank":               {"Rang", "Rang", "Rank"},
	"col.score":              {"Score", "Score", "Score"},
	"col.reasons":            {"Waarom", "Pourquoi", "Why"},
	"col.coverage":           {"Dekking", "Couverture", "Coverage"},
	"col.kind":               {"Soort", "Type", "Kind"},
	"col.number":             {"Nr.", "N°", "No."},
	"col.name":               {"Naam", "Nom", "Name"},
	"col.coveredBy":          {"Gedekt door", "Couvert par", "Covered by"},
	"col.acronym":            {"Afkorting", "Sigle", "Acronym"},
	"col.languageCommunity":  {"Taalgemeenschap", "Communauté linguistique", "Language community"},
	"col.involvement":        {"Projecten (rol)", "Projets (rôle)", "Projects (role)"},
	"col.date":               {"Datum", "Date", "Date"},
	"col.event":              {"Gebeurtenis", "Événement", "Event"},
	"col.what":               {"Wat", "Quoi", "What"},
	"col.with":               {"Met", "Avec", "With"},
	"col.detail":             {"Detail", "Détail", "Detail"},
	"col.pairs":              {"Paren", "Paires", "Pairs"},

	// the network part
	"net.refused":                       {"Dit gebied is te groot voor een netwerkanalyse", "Ce territoire est trop grand pour une analyse du réseau", "This territory is too large for a network analysis"},
	"net.broker":                        {"Verbinder", "Courtier", "Broker"},
	"net.isolated":                      {"Geïsoleerd project", "Projet isolé", "Isolated project"},
	"net.isolatedWhy":                   {"Deelt geen partner met een ander project hier.", "Ne partage aucun partenaire avec un autre projet ici.", "Shares no partner with another project here."},
	"net.sideA.LANGUAGE":                {"Nederlandstalig", "Néerlandophones", "Dutch-speaking"},
	"net.sideB.LANGUAGE":                {"Franstalig", "Francophones", "French-speaking"},
	"net.sideA.HEALTH_WELFARE":          {"Zorg", "Santé", "Health"},
	"net.sideB.HEALTH_WELFARE":          {"Welzijn", "Social", "Welfare"},
	"net.bridge.LANGUAGE.project":       {"Ontmoetingsplaats over de taalgrens", "Lieu de rencontre par-delà la frontière linguistique", "Meeting place across the language line"},
	"net.bridge.LANGUAGE.org":           {"Tussenpersoon over de taalgrens", "Intermédiaire par-delà la frontière linguistique", "Go-between across the language line"},
	"net.bridge.HEALTH_WELFARE.project": {"Ontmoetingsplaats van zorg en welzijn", "Lieu de rencontre santé-social", "Meeting place of health and welfare"},
	"net.bridge.HEALTH_WELFARE.org":     {"Tussenpersoon tussen zorg en welzijn", "Intermédiaire entre santé et social", "Go-between of health and welfare"},

	// values
	"pic.network":          {"De projecten en hun partners", "Les projets et leurs partenaires", "The projects and their partners"},
	"pic.networkLegend":    {"In het midden het gebied, errond de projecten (vierkant), buiten de organisaties (bolletje); een dikke lijn is een coördinator.", "Au centre le territoire, autour les projets (carrés), à l'extérieur les organisations (points) ; un trait épais est un coordinateur.", "The territory in the centre, the projects around it (squares), the organisations outside (dots); a thick line is a coordinator."},
	"pic.rings":            {"Binnenin mee beslissen, buiten informeren; de kleur is de sector.", "Au centre co-décider, à l'extérieur informer ; la couleur est le secteur.", "Co-decide in the centre, inform outside; the colour is the sector."},
	"pic.gaps":             {"Een vinkje: het project neemt de functie op. Rood: niemand.", "Une coche : le projet assure la fonction. En rouge : personne.", "A tick: the project covers the function. Red: nobody does."},
	"pic.top":              {"De beste kansen", "Les meilleures occasions", "The best opportunities"},
	"gap.missing":          {"Niet gedekt", "Non couvert", "Not covered"},
	"gap.covered":          {"Gedekt", "Couvert", "Covered"},
	"gap.partly":           {"Niet gedekt, deels aanwezig", "Non couvert, présence partielle", "Not covered, partly present"},
	"gap.priority.missing": {"Prioriteit, niet gedekt", "Priorité non couverte", "Priority, not covered"},
	"gap.priority.covered": {"Prioriteit, gedekt", "Priorité couverte", "Priority, covered"},
	"kind.targetgroup":     {"Doelgroep", "Public cible", "Target group"},

	"level.": {"Nog niet bepaald", "Pas encore déterminé", "Not yet assessed"},

	"framework.": {"Thema", "Thématique", "Theme"},

	"event.STARTED": {"Gestart", "Commencé", "Started"},
	"event.ENDED":   {"Afgelopen", "Terminé", "Ended"},
	"event.ADDED":   {"Toegevoegd", "Ajouté", "Added"},

	"link.":   {"Project", "Projet", "Project"},
	"sector.": {"Sector onbekend", "Secteur inconnu", "Sector unknown"},
}

// valueLists are the prefixes of the keys that name a value of a fixed
// list ("status.PILOT"), and the domain's list of labels for each: the one
// table imports read and exports show.
var valueLists = map[string]string{
	"status": buurtnet.ListStatus, "role": buurtnet.ListRole, "level": buurtnet.ListLevel,
	"spatial": buurtnet.ListSpatial, "community": buurtnet.ListCommunity, "funderLevel": buurtnet.ListFunderLevel,
	"framework": buurtnet.ListFramework, "sector": buurtnet.ListSector, "link": buurtnet.ListLinkKind,
	"synergyKind": buurtnet.ListSynergyKind,
}

// label returns the word for key in lang; a missing key shows as itself,
// which the tests forbid for every enum value. A value of a fixed list
// comes from the domain's table, capitalised as a cell starts (roles and
// spatial relations are written within a sentence: "partner", "omvat").
func label(lang buurtnet.Lang, key string) string {
	if prefix, value, ok := strings.Cut(key, "."); ok && value != "" {
		if list, ok := valueLists[prefix]; ok {
			word := buurtnet.ValueLabel(list, value, lang)
			if word == value {
				return key
			}
			if prefix == "role" || prefix == "spatial" {
				return word
			}
			r, size := utf8.DecodeRuneInString(word)
			return string(unicode.ToUpper(r)) + word[size:]
		}
	}
	l, ok := labels[key]
	if !ok {
		return key
	}
	switch lang {
	case buurtnet.FR:
		return l[1]
	case buurtnet.EN:
		return l[2]
	}
	return l[0]
}
