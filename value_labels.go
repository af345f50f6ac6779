package buurtnet

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// The values of the fixed lists (statuses, roles, levels, sectors …) in
// the facilitators' languages. This is the one table: exports and sentences
// show a value by its label (ValueLabel), spreadsheet imports accept a
// label in any of the three languages for the value (ParseValue). Labels
// are written as they read inside a sentence; a table cell capitalises them.

// The value lists, by the name exports and imports know them by.
const (
	ListStatus           = "status"
	ListRole             = "role"
	ListLevel            = "level"
	ListCoverage         = "coverage"
	ListCommunity        = "community"
	ListSector           = "sector"
	ListOrganisationKind = "organisationKind"
	ListTerritoryKind    = "territoryKind"
	ListFunderLevel      = "funderLevel"
	ListFramework        = "framework"
	ListLinkKind         = "linkKind"
	ListSpatial          = "spatial"
	ListSynergyKind      = "synergyKind"
	ListCareLine         = "careLine"
	ListCareForm         = "careForm"
)

var valueLabels = map[string]map[string]Text{
	ListStatus: {
		string(StatusConceptualisation): {NL: "conceptualisering", FR: "conceptualisation", EN: "conceptualisation"},
		string(StatusInDevelopment):     {NL: "in ontwikkeling", FR: "en développement", EN: "in development"},
		string(StatusPilot):             {NL: "proefproject", FR: "projet pilote", EN: "pilot"},
		string(StatusImplementation):    {NL: "implementatie", FR: "mise en œuvre", EN: "implementation"},
		string(StatusEnded):             {NL: "afgelopen", FR: "terminé", EN: "ended"},
	},
	ListRole: {
		string(RoleCoordinator): {NL: "coördinator", FR: "coordinateur", EN: "coordinator"},
		string(RolePartner):     {NL: "partner", FR: "partenaire", EN: "partner"},
		string(RoleAssociate):   {NL: "betrokken", FR: "associé", EN: "associate"},
	},
	ListLevel: {
		string(LevelInform):   {NL: "informeren", FR: "informer", EN: "inform"},
		string(LevelConsult):  {NL: "raadplegen", FR: "consulter", EN: "consult"},
		string(LevelCoCreate): {NL: "co-creëren", FR: "co-créer", EN: "co-create"},
		string(LevelCoDecide): {NL: "mee beslissen", FR: "co-décider", EN: "co-decide"},
	},
	ListCoverage: {
		string(CoverageWhole): {NL: "heel het gebied", FR: "tout le territoire", EN: "whole area"},
		string(CoveragePart):  {NL: "een deel van het gebied", FR: "une partie du territoire", EN: "part of the area"},
	},
	ListCommunity: {
		string(LangCommunityNL):        {NL: "Nederlandstalig", FR: "néerlandophone", EN: "Dutch-speaking"},
		string(LangCommunityFR):        {NL: "Franstalig", FR: "francophone", EN: "French-speaking"},
		string(LangCommunityBilingual): {NL: "tweetalig", FR: "bilingue", EN: "bilingual"},
	},
	ListSector: {
		string(SectorHealthCare):      {NL: "gezondheidszorg", FR: "soins de santé", EN: "health care"},
		string(SectorMentalHealth):    {NL: "geestelijke gezondheid", FR: "santé mentale", EN: "mental health"},
		string(SectorHomeCare):        {NL: "thuiszorg", FR: "soins à domicile", EN: "home care"},
		string(SectorPharmacy):        {NL: "apotheek", FR: "pharmacie", EN: "pharmacy"},
		string(SectorHospital):        {NL: "ziekenhuis", FR: "hôpital", EN: "hospital"},
		string(SectorWelfare):         {NL: "welzijn", FR: "bien-être", EN: "welfare"},
		string(SectorSocialServices):  {NL: "sociale diensten", FR: "services sociaux", EN: "social services"},
		string(SectorElderlyCare):     {NL: "ouderenzorg", FR: "aide aux personnes âgées", EN: "elderly care"},
		string(SectorInsurance):       {NL: "ziekenfonds", FR: "mutualité", EN: "health insurance"},
		string(SectorEducation):       {NL: "onderwijs", FR: "enseignement", EN: "education"},
		string(SectorResearch):        {NL: "onderzoek", FR: "recherche", EN: "research"},
		string(SectorHousing):         {NL: "wonen", FR: "logement", EN: "housing"},
		string(SectorSport):           {NL: "sport", FR: "sport", EN: "sport"},
		string(SectorCulture):         {NL: "cultuur", FR: "culture", EN: "culture"},
		string(SectorCommunity):       {NL: "buurtwerk", FR: "travail de quartier", EN: "community work"},
		string(SectorPublicAdmin):     {NL: "openbaar bestuur", FR: "administration publique", EN: "public administration"},
		string(SectorUserRights):      {NL: "patiëntenrechten", FR: "droits des patients", EN: "patient rights"},
		string(SectorYouth):           {NL: "jeugd", FR: "jeunesse", EN: "youth"},
		string(SectorWork):            {NL: "werk", FR: "emploi", EN: "work"},
		string(SectorSocialEconomy):   {NL: "sociale economie", FR: "économie sociale", EN: "social economy"},
		string(SectorSpatialPlanning): {NL: "ruimtelijke ordening", FR: "aménagement du territoire", EN: "spatial planning"},
	},
	ListOrganisationKind: {
		string(OrgCareProvider):    {NL: "zorgverlener", FR: "prestataire de soins", EN: "care provider"},
		string(OrgWelfareService):  {NL: "welzijnsdienst", FR: "service social", EN: "welfare service"},
		string(OrgPublicService):   {NL: "openbare dienst", FR: "service public", EN: "public service"},
		string(OrgMutualInsurer):   {NL: "ziekenfonds", FR: "mutualité", EN: "mutual insurer"},
		string(OrgHospital):        {NL: "ziekenhuis", FR: "hôpital", EN: "hospital"},
		string(OrgSchool):          {NL: "school", FR: "école", EN: "school"},
		string(OrgAssociation):     {NL: "vereniging", FR: "association", EN: "association"},
		string(OrgShop):            {NL: "winkel", FR: "commerce", EN: "shop"},
		string(OrgResidentsGroup):  {NL: "bewonersgroep", FR: "groupe d'habitants", EN: "residents' group"},
		string(OrgKnowledgeCentre): {NL: "kenniscentrum", FR: "centre d'expertise", EN: "knowledge centre"},
		string(OrgNetwork):         {NL: "netwerk", FR: "réseau", EN: "network"},
		string(OrgProject):         {NL: "projectteam", FR: "équipe de projet", EN: "project team"},
		string(OrgOther):           {NL: "andere", FR: "autre", EN: "other"},
	},
	ListTerritoryKind: {
		string(TerritoryRegion):             {NL: "gewest", FR: "région", EN: "region"},
		string(TerritoryProvince):           {NL: "provincie", FR: "province", EN: "province"},
		string(TerritoryMunicipality):       {NL: "gemeente", FR: "commune", EN: "municipality"},
		string(TerritoryFormerMunicipality): {NL: "deelgemeente", FR: "ancienne commune", EN: "former municipality"},
		string(TerritoryNeighbourhood):      {NL: "wijk", FR: "quartier", EN: "neighbourhood"},
		string(TerritoryZone):               {NL: "actiezone", FR: "zone d'action", EN: "zone"},
		string(TerritoryStatisticalSector):  {NL: "statistische sector", FR: "secteur statistique", EN: "statistical sector"},
		string(TerritoryStreet):             {NL: "straat", FR: "rue", EN: "street"},
		string(TerritorySite):               {NL: "plek", FR: "lieu", EN: "site"},
		string(TerritoryPrimaryCareZone):    {NL: "eerstelijnszone", FR: "zone de première ligne", EN: "primary care zone"},
	},
	ListFunderLevel: {
		string(FunderEuropean):            {NL: "Europees", FR: "européen", EN: "European"},
		string(FunderFederal):             {NL: "federaal", FR: "fédéral", EN: "federal"},
		string(FunderRegional):            {NL: "gewestelijk", FR: "régional", EN: "regional"},
		string(FunderCommunity):           {NL: "gemeenschap", FR: "communautaire", EN: "community"},
		string(FunderCommunityCommission): {NL: "gemeenschapscommissie", FR: "commission communautaire", EN: "community commission"},
		string(FunderProvince):            {NL: "provinciaal", FR: "provincial", EN: "provincial"},
		string(FunderMunicipal):           {NL: "gemeentelijk", FR: "communal", EN: "municipal"},
		string(FunderPrivate):             {NL: "privé", FR: "privé", EN: "private"},
	},
	ListFramework: {
		string(FrameworkVVSG):                 {NL: "VVSG-functie", FR: "fonction VVSG", EN: "VVSG function"},
		string(FrameworkCaringNeighbourhoods): {NL: "bouwsteen zorgzame buurten", FR: "brique « Zorgzame buurten »", EN: "caring-neighbourhoods building block"},
	},
	ListLinkKind: {
		string(LinkParticipatesIn):   {NL: "deelname", FR: "participation", EN: "participation"},
		string(LinkActiveIn):         {NL: "actief in gebied", FR: "actif sur le territoire", EN: "active in area"},
		string(LinkFunds):            {NL: "financiering", FR: "financement", EN: "funding"},
		string(LinkPartOf):           {NL: "deel van", FR: "fait partie de", EN: "part of"},
		string(LinkOverlaps):         {NL: "overlapt", FR: "chevauche", EN: "overlaps"},
		string(LinkAdjacentTo):       {NL: "grenst aan", FR: "jouxte", EN: "adjacent to"},
		string(LinkAddresses):        {NL: "thema", FR: "thématique", EN: "theme"},
		string(LinkTargets):          {NL: "doelgroep", FR: "public cible", EN: "target group"},
		string(LinkWorksOn):          {NL: "werkt aan functie", FR: "travaille à la fonction", EN: "works on function"},
		string(LinkCollaboratesWith): {NL: "samenwerking", FR: "collaboration", EN: "collaboration"},
		string(LinkPartOfProgramme):  {NL: "actiepakket van programma", FR: "volet du programme", EN: "action package of programme"},
		string(LinkLocatedIn):        {NL: "gevestigd in", FR: "situé à", EN: "located in"},
		string(LinkServes):           {NL: "bedient", FR: "dessert", EN: "serves"},
		string(LinkWorksAt):          {NL: "werkt bij", FR: "travaille chez", EN: "works at"},
		string(LinkContactFor):       {NL: "contactpersoon voor", FR: "personne de contact pour", EN: "contact for"},
		string(LinkModerates):        {NL: "modereert", FR: "anime", EN: "moderates"},
		string(LinkHeldIn):           {NL: "overleg voor gebied", FR: "concertation pour le territoire", EN: "held for area"},
		string(LinkCycleOf):          {NL: "jaarcyclus van", FR: "cycle annuel de", EN: "yearly cycle of"},
		string(LinkMemberOf):         {NL: "vaste deelnemer aan", FR: "participant fixe de", EN: "fixed participant of"},
		string(LinkContactIn):        {NL: "contactpersoon in cyclus", FR: "personne de contact dans le cycle", EN: "contact in cycle"},
		string(LinkMeetingOf):        {NL: "vergadering van", FR: "réunion de", EN: "meeting of"},
		string(LinkOnTheme):          {NL: "thema van de vergadering", FR: "thème de la réunion", EN: "meeting theme"},
		string(LinkConcerns):         {NL: "vergadering over gebied", FR: "réunion sur le territoire", EN: "meeting about area"},
		string(LinkCorrespondsTo):    {NL: "komt overeen met", FR: "correspond à", EN: "corresponds to"},
		string(LinkPrioritises):      {NL: "prioritair thema", FR: "thème prioritaire", EN: "priority theme"},
		string(LinkPrioritisesGroup): {NL: "prioritaire doelgroep", FR: "public cible prioritaire", EN: "priority target group"},
	},
	ListSpatial: {
		string(SpatialSame):     {NL: "zelfde gebied", FR: "même territoire", EN: "same area"},
		string(SpatialContains): {NL: "omvat", FR: "contient", EN: "contains"},
		string(SpatialWithin):   {NL: "ligt binnen", FR: "se trouve dans", EN: "lies within"},
		string(SpatialPartial):  {NL: "overlapt gedeeltelijk", FR: "chevauche partiellement", EN: "partly overlaps"},
	},
	ListCareLine: {
		string(LineFirst):  {NL: "eerste lijn", FR: "première ligne", EN: "first line"},
		string(LineSecond): {NL: "tweede lijn", FR: "deuxième ligne", EN: "second line"},
	},
	ListCareForm: {
		string(CareFormal):   {NL: "formele zorg", FR: "soins formels", EN: "formal care"},
		string(CareInformal): {NL: "informele zorg", FR: "soins informels", EN: "informal care"},
	},
	ListSynergyKind: {
		string(SynergyIntroduction): {NL: "kennismaking", FR: "mise en relation", EN: "introduction"},
		string(SynergyStrengthen):   {NL: "samenwerking versterken", FR: "collaboration à renforcer", EN: "collaboration to strengthen"},
	},
}

// ValueLists lists the names of the value lists, sorted.
func ValueLists() []string {
	out := make([]string, 0, len(valueLabels))
	for l := range valueLabels {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// ListValues returns the values of a list, sorted.
func ListValues(list string) []string {
	out := make([]string, 0, len(valueLabels[list]))
	for v := range valueLabels[list] {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// ValueLabel names value of list in lang, or returns it as it is when the
// table has no label for it.
func ValueLabel(list, value string, lang Lang) string {
	if t, ok := valueLabels[list][value]; ok {
		return t.In(lang)
	}
	return value
}

// Label names the sector in lang.
func (s Sector) Label(lang Lang) string { return ValueLabel(ListSector, string(s), lang) }

// Label names the language community in lang.
func (c LanguageCommunity) Label(lang Lang) string {
	return ValueLabel(ListCommunity, string(c), lang)
}

// valueIndex finds the value a written form stands for: the value itself
// or one of its labels, compared by valueKey. A key two values share is
// ambiguous, and finds neither.
type valueIndex struct {
	values    []string
	byKey     map[string]string
	ambiguous map[string][]string
}

func newValueIndex(labels map[string]Text) *valueIndex {
	x := &valueIndex{byKey: map[string]string{}, ambiguous: map[string][]string{}}
	add := func(key, value string) {
		if key == "" {
			return
		}
		if other, ok := x.byKey[key]; ok && other != value {
			delete(x.byKey, key)
			x.ambiguous[key] = []string{other, value}
			return
		}
		if amb, ok := x.ambiguous[key]; ok {
			if !contains(amb, value) {
				x.ambiguous[key] = append(amb, value)
			}
			return
		}
		x.byKey[key] = value
	}
	for v := range labels {
		x.values = append(x.values, v)
	}
	sort.Strings(x.values)
	// The values themselves first: a label never hides one.
	own := map[string]bool{}
	for _, v := range x.values {
		add(valueKey(v), v)
		own[valueKey(v)] = true
	}
	for _, v := range x.values {
		t := labels[v]
		for _, l := range []string{t.NL, t.FR, t.EN} {
			if k := valueKey(l); !own[k] {
				add(k, v)
			}
		}
	}
	for _, amb := range x.ambiguous {
		sort.Strings(amb)
	}
	return x
}

// valueKey is how written values compare: case, accents, spaces and
// punctuation ignored ("Co-créer", "co creer" and "CO_CREATE" differ only
// in these from "cocreer" / "cocreate").
func valueKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, Fold(s))
}

var valueIndexes = func() map[string]*valueIndex {
	out := map[string]*valueIndex{}
	for list, labels := range valueLabels {
		out[list] = newValueIndex(labels)
	}
	return out
}()

// ParseValue reads a value of list as people write it: the value itself
// ("CO_CREATE", "co-create") or its label in Dutch, French or English
// ("co-creëren", "Co-créer"), case, accents, spaces and punctuation
// ignored. An unknown value (ErrNotAValue), or a label two values share,
// is refused.
func ParseValue(list, s string) (string, error) {
	x, ok := valueIndexes[list]
	if !ok {
		return "", fmt.Errorf("%q is not a list of values", list)
	}
	return x.parse(s)
}

// ErrNotAValue is ParseValue's error for a value that is none of the list's.
var ErrNotAValue = errors.New("not a value of the list")

func (x *valueIndex) parse(s string) (string, error) {
	k := valueKey(s)
	if v, ok := x.byKey[k]; ok {
		return v, nil
	}
	if amb, ok := x.ambiguous[k]; ok {
		return "", fmt.Errorf("%q could be any of %v: write the value itself", s, amb)
	}
	return "", fmt.Errorf("%q is not one of %v (nor their names in Dutch, French or English): %w", s, x.values, ErrNotAValue)
}
