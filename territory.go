package buurtnet

// Territory is a place a project works in or an organisation serves: from a
// region down to a street or a meeting site. Territories nest (PART_OF, and
// a territory may be part of several others, such as the half of Stalingrad
// that is part of both the Stalingrad neighbourhood and a Zoom Seniors zone)
// and may overlap without nesting (OVERLAPS, such as Brabantwijk with
// Schaarbeek and Sint-Joost-ten-Node).
type Territory struct {
	ID   string        `json:"id" yaml:"id"`
	Name Text          `json:"name" yaml:"name"`
	Kind TerritoryKind `json:"kind" yaml:"kind"`
	// Code is an official code where one exists (NIS code of a municipality
	// or statistical sector).
	Code   string `json:"code,omitempty" yaml:"code,omitempty"`
	Note   string `json:"note,omitempty" yaml:"note,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp  `json:"stamp" yaml:"-"`
}

type TerritoryKind string

const (
	TerritoryRegion             TerritoryKind = "REGION"
	TerritoryProvince           TerritoryKind = "PROVINCE"
	TerritoryMunicipality       TerritoryKind = "MUNICIPALITY"
	TerritoryFormerMunicipality TerritoryKind = "FORMER_MUNICIPALITY"
	TerritoryNeighbourhood      TerritoryKind = "NEIGHBOURHOOD"
	// TerritoryZone is an action zone drawn by a project across neighbourhoods.
	TerritoryZone              TerritoryKind = "ZONE"
	TerritoryStatisticalSector TerritoryKind = "STATISTICAL_SECTOR"
	TerritoryStreet            TerritoryKind = "STREET"
	TerritorySite              TerritoryKind = "SITE"
	// TerritoryPrimaryCareZone is an eerstelijnszone (BRUZEL for Brussels),
	// where questions beyond a municipality go (seed 003, building block 8).
	TerritoryPrimaryCareZone TerritoryKind = "PRIMARY_CARE_ZONE"
)

var TerritoryKinds = []TerritoryKind{TerritoryRegion, TerritoryProvince, TerritoryMunicipality, TerritoryFormerMunicipality, TerritoryNeighbourhood, TerritoryZone, TerritoryStatisticalSector, TerritoryStreet, TerritorySite, TerritoryPrimaryCareZone}

func (t *Territory) NodeID() string { return t.ID }
func (t *Territory) NodeKind() Kind { return KindTerritory }
func (t *Territory) Names() Text    { return t.Name }
func (t *Territory) stamp() *Stamp  { return &t.Stamp }

// Validate checks the territory's own fields.
func (t *Territory) Validate() error {
	t.Name = t.Name.Trimmed()
	if err := ValidateID("id", t.ID, KindTerritory); err != nil {
		return err
	}
	if err := validateName("name", t.Name); err != nil {
		return err
	}
	return validateOneOf("kind", t.Kind, TerritoryKinds, false)
}
