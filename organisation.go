package buurtnet

// Organisation is a partner in the network: a care or welfare provider, a
// public service, a mutual insurer, a school, an association, a residents'
// group, a knowledge centre or a network.
type Organisation struct {
	ID      string `json:"id" yaml:"id"`
	Name    Text   `json:"name" yaml:"name"`
	Acronym string `json:"acronym,omitempty" yaml:"acronym,omitempty"` // AKBru, BOT, FBHAV …
	// Kind says what sort of organisation it is (see OrganisationKinds).
	Kind OrganisationKind `json:"kind,omitempty" yaml:"kind,omitempty"`
	// Sectors it works in; an organisation may span several.
	Sectors []Sector `json:"sectors,omitempty" yaml:"sectors,omitempty"`
	// LanguageCommunity matters in Brussels, where networks are Dutch-,
	// French-speaking or bilingual.
	LanguageCommunity LanguageCommunity `json:"languageCommunity,omitempty" yaml:"languageCommunity,omitempty"`
	// Line is the line of care it works in: the BOOST leaflet's approach
	// "verenigt de 1e en de 2e lijn".
	Line CareLine `json:"line,omitempty" yaml:"line,omitempty"`
	// Care says whether it gives formal (professional) or informal care
	// (neighbours, volunteers, informal carers): caring neighbourhoods
	// connect the two (seed 003, pillar B).
	Care CareForm `json:"care,omitempty" yaml:"care,omitempty"`
	// EnterpriseNumber is the KBO/BCE number, canonical "0123.456.789"; it is
	// how re-imports and other directories recognise the same organisation.
	EnterpriseNumber string `json:"enterpriseNumber,omitempty" yaml:"enterpriseNumber,omitempty"`
	// SocialMapID is the organisation's id in the sociale kaart, when known.
	SocialMapID string `json:"socialMapId,omitempty" yaml:"socialMapId,omitempty"`
	Website     string `json:"website,omitempty" yaml:"website,omitempty"`
	Description Text   `json:"description,omitzero" yaml:"description,omitempty"`
	// Source names the document the facts come from (a seed file, an import).
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp  `json:"stamp" yaml:"-"`
}

type OrganisationKind string

const (
	OrgCareProvider    OrganisationKind = "CARE_PROVIDER"
	OrgWelfareService  OrganisationKind = "WELFARE_SERVICE"
	OrgPublicService   OrganisationKind = "PUBLIC_SERVICE"
	OrgMutualInsurer   OrganisationKind = "MUTUAL_INSURER"
	OrgHospital        OrganisationKind = "HOSPITAL"
	OrgSchool          OrganisationKind = "SCHOOL"
	OrgAssociation     OrganisationKind = "ASSOCIATION"
	OrgShop            OrganisationKind = "SHOP"
	OrgResidentsGroup  OrganisationKind = "RESIDENTS_GROUP"
	OrgKnowledgeCentre OrganisationKind = "KNOWLEDGE_CENTRE"
	OrgNetwork         OrganisationKind = "NETWORK"
	OrgProject         OrganisationKind = "PROJECT_TEAM"
	OrgOther           OrganisationKind = "OTHER"
)

var OrganisationKinds = []OrganisationKind{OrgCareProvider, OrgWelfareService, OrgPublicService, OrgMutualInsurer, OrgHospital, OrgSchool, OrgAssociation, OrgShop, OrgResidentsGroup, OrgKnowledgeCentre, OrgNetwork, OrgProject, OrgOther}

// Sector is a field of work, as facilitators sort partners at a meeting.
type Sector string

const (
	SectorHealthCare     Sector = "HEALTH_CARE"
	SectorMentalHealth   Sector = "MENTAL_HEALTH"
	SectorHomeCare       Sector = "HOME_CARE"
	SectorPharmacy       Sector = "PHARMACY"
	SectorHospital       Sector = "HOSPITAL"
	SectorWelfare        Sector = "WELFARE"
	SectorSocialServices Sector = "SOCIAL_SERVICES"
	SectorElderlyCare    Sector = "ELDERLY_CARE"
	SectorInsurance      Sector = "INSURANCE"
	SectorEducation      Sector = "EDUCATION"
	SectorResearch       Sector = "RESEARCH"
	SectorHousing        Sector = "HOUSING"
	SectorSport          Sector = "SPORT"
	SectorCulture        Sector = "CULTURE"
	SectorCommunity      Sector = "COMMUNITY"
	SectorPublicAdmin    Sector = "PUBLIC_ADMINISTRATION"
	SectorUserRights     Sector = "PATIENT_RIGHTS"
	// The other domains seed 003 names for intersectoral collaboration:
	// "jeugd, cultuur, sport, werk, sociale economie", "ruimtelijke ordening".
	SectorYouth           Sector = "YOUTH"
	SectorWork            Sector = "WORK"
	SectorSocialEconomy   Sector = "SOCIAL_ECONOMY"
	SectorSpatialPlanning Sector = "SPATIAL_PLANNING"
)

var Sectors = []Sector{SectorHealthCare, SectorMentalHealth, SectorHomeCare, SectorPharmacy, SectorHospital, SectorWelfare, SectorSocialServices, SectorElderlyCare, SectorInsurance, SectorEducation, SectorResearch, SectorHousing, SectorSport, SectorCulture, SectorCommunity, SectorPublicAdmin, SectorUserRights, SectorYouth, SectorWork, SectorSocialEconomy, SectorSpatialPlanning}

// LanguageCommunity is the community an organisation belongs to.
type LanguageCommunity string

const (
	LangCommunityNL        LanguageCommunity = "NL"
	LangCommunityFR        LanguageCommunity = "FR"
	LangCommunityBilingual LanguageCommunity = "BILINGUAL"
)

var LanguageCommunities = []LanguageCommunity{LangCommunityNL, LangCommunityFR, LangCommunityBilingual}

// CareLine is the line of care: first line (general practitioners, home
// care, social services close to home) or second line (hospitals,
// specialised care).
type CareLine string

const (
	LineFirst  CareLine = "FIRST_LINE"
	LineSecond CareLine = "SECOND_LINE"
)

var CareLines = []CareLine{LineFirst, LineSecond}

// CareForm is whether care is given by professionals or by neighbours,
// volunteers and informal carers.
type CareForm string

const (
	CareFormal   CareForm = "FORMAL"
	CareInformal CareForm = "INFORMAL"
)

var CareForms = []CareForm{CareFormal, CareInformal}

func (o *Organisation) NodeID() string { return o.ID }
func (o *Organisation) NodeKind() Kind { return KindOrganisation }
func (o *Organisation) Names() Text    { return o.Name }
func (o *Organisation) stamp() *Stamp  { return &o.Stamp }

// Validate checks the organisation's own fields and puts the enterprise
// number in its canonical form.
func (o *Organisation) Validate() error {
	o.Name = o.Name.Trimmed()
	if err := ValidateID("id", o.ID, KindOrganisation); err != nil {
		return err
	}
	if err := validateName("name", o.Name); err != nil {
		return err
	}
	if err := validateShortName("acronym", o.Acronym); err != nil {
		return err
	}
	var err error
	if o.Website, err = validateWebsite("website", o.Website); err != nil {
		return err
	}
	if err := validateOneOf("kind", o.Kind, OrganisationKinds, true); err != nil {
		return err
	}
	if err := validateOneOf("languageCommunity", o.LanguageCommunity, LanguageCommunities, true); err != nil {
		return err
	}
	if err := validateOneOf("line", o.Line, CareLines, true); err != nil {
		return err
	}
	if err := validateOneOf("care", o.Care, CareForms, true); err != nil {
		return err
	}
	for _, s := range o.Sectors {
		if err := validateOneOf("sectors", s, Sectors, false); err != nil {
			return err
		}
	}
	if o.EnterpriseNumber != "" {
		n, err := NormalizeEnterpriseNumber(o.EnterpriseNumber)
		if err != nil {
			return FieldError(EINVALID, "enterpriseNumber", "%v", err)
		}
		o.EnterpriseNumber = n
	}
	return nil
}
