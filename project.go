package buurtnet

// Project is an initiative that works in one or more territories: BOOST,
// Citisen, MaN'Aige, Zoom Seniors, the RIMO pilots …
type Project struct {
	ID          string        `json:"id" yaml:"id"`
	Name        Text          `json:"name" yaml:"name"`
	Description Text          `json:"description,omitzero" yaml:"description,omitempty"`
	Status      ProjectStatus `json:"status,omitempty" yaml:"status,omitempty"`
	// Period the project runs; overlaps only count while both projects run.
	Period Period `json:"period,omitzero" yaml:"period,omitempty"`
	// LanguageCommunity of the project: Dutch-, French-speaking or
	// bilingual networks (BOOST integrates both).
	LanguageCommunity LanguageCommunity `json:"languageCommunity,omitempty" yaml:"languageCommunity,omitempty"`
	Website           string            `json:"website,omitempty" yaml:"website,omitempty"`
	Source            string            `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp             `json:"stamp" yaml:"-"`
}

// ProjectStatus follows the stages of the BOOST leaflet, plus ENDED.
type ProjectStatus string

const (
	StatusConceptualisation ProjectStatus = "CONCEPTUALISATION"
	StatusInDevelopment     ProjectStatus = "IN_DEVELOPMENT"
	StatusPilot             ProjectStatus = "PILOT"
	StatusImplementation    ProjectStatus = "IMPLEMENTATION"
	StatusEnded             ProjectStatus = "ENDED"
)

var ProjectStatuses = []ProjectStatus{StatusConceptualisation, StatusInDevelopment, StatusPilot, StatusImplementation, StatusEnded}

func (p *Project) NodeID() string { return p.ID }
func (p *Project) NodeKind() Kind { return KindProject }
func (p *Project) Names() Text    { return p.Name }
func (p *Project) stamp() *Stamp  { return &p.Stamp }

// Validate checks the project's own fields.
func (p *Project) Validate() error {
	p.Name = p.Name.Trimmed()
	if err := ValidateID("id", p.ID, KindProject); err != nil {
		return err
	}
	if err := validateName("name", p.Name); err != nil {
		return err
	}
	var err error
	if p.Website, err = validateWebsite("website", p.Website); err != nil {
		return err
	}
	if err := validateOneOf("status", p.Status, ProjectStatuses, true); err != nil {
		return err
	}
	if err := validateOneOf("languageCommunity", p.LanguageCommunity, LanguageCommunities, true); err != nil {
		return err
	}
	return p.Period.Validate("period")
}

// ActiveOn reports whether the project runs on day d (a zero d means "at any
// time": the question is then only about place).
func (p *Project) ActiveOn(d Date) bool {
	return d.IsZero() || p.Period.Contains(d)
}
