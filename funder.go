package buurtnet

// Funder pays for projects: Innoviris, the GGC/COCOM, the Flemish government,
// the VGC, municipalities, private foundations (CERA, Porticus …).
type Funder struct {
	ID      string      `json:"id" yaml:"id"`
	Name    Text        `json:"name" yaml:"name"`
	Acronym string      `json:"acronym,omitempty" yaml:"acronym,omitempty"`
	Level   FunderLevel `json:"level,omitempty" yaml:"level,omitempty"`
	Website string      `json:"website,omitempty" yaml:"website,omitempty"`
	Source  string      `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp   `json:"stamp" yaml:"-"`
}

// FunderLevel is the level of government, or PRIVATE for foundations. In
// Brussels the community commissions (VGC, COCOF, GGC/COCOM) fund welfare
// and health: they are not the Communities themselves.
type FunderLevel string

const (
	FunderEuropean  FunderLevel = "EUROPEAN"
	FunderFederal   FunderLevel = "FEDERAL"
	FunderRegional  FunderLevel = "REGIONAL"
	FunderCommunity FunderLevel = "COMMUNITY"
	// FunderCommunityCommission: the VGC, COCOF or GGC/COCOM in Brussels.
	FunderCommunityCommission FunderLevel = "COMMUNITY_COMMISSION"
	FunderProvince            FunderLevel = "PROVINCIAL"
	FunderMunicipal           FunderLevel = "MUNICIPAL"
	FunderPrivate             FunderLevel = "PRIVATE"
)

var FunderLevels = []FunderLevel{FunderEuropean, FunderFederal, FunderRegional, FunderCommunity, FunderCommunityCommission, FunderProvince, FunderMunicipal, FunderPrivate}

func (f *Funder) NodeID() string { return f.ID }
func (f *Funder) NodeKind() Kind { return KindFunder }
func (f *Funder) Names() Text    { return f.Name }
func (f *Funder) stamp() *Stamp  { return &f.Stamp }

// Validate checks the funder's own fields.
func (f *Funder) Validate() error {
	f.Name = f.Name.Trimmed()
	if err := ValidateID("id", f.ID, KindFunder); err != nil {
		return err
	}
	if err := validateName("name", f.Name); err != nil {
		return err
	}
	if err := validateShortName("acronym", f.Acronym); err != nil {
		return err
	}
	var err error
	if f.Website, err = validateWebsite("website", f.Website); err != nil {
		return err
	}
	return validateOneOf("level", f.Level, FunderLevels, true)
}
