package buurtnet

import "encoding/json"

// Term is an entry of one of the shared vocabularies that projects are tagged
// with: a theme (need), a target group, or a function / building block. The
// three share one shape, so they share one type; Kind tells them apart.
type Term struct {
	ID          string `json:"id" yaml:"id"`
	Kind        Kind   `json:"kind" yaml:"-"` // KindTheme, KindTargetGroup or KindFunction
	Name        Text   `json:"name" yaml:"name"`
	Description Text   `json:"description,omitzero" yaml:"description,omitempty"`
	// Framework, Number and Pillar only apply to functions: which list of eight
	// the function belongs to, its place in it, and (building blocks) its pillar.
	Framework Framework `json:"framework,omitempty" yaml:"framework,omitempty"`
	Number    int       `json:"number,omitempty" yaml:"number,omitempty"`
	Pillar    string    `json:"pillar,omitempty" yaml:"pillar,omitempty"`
	// Approach marks building blocks 7 and 8: seed 003 has three pillars
	// (A, B, C) and an approach (D) that works with them, not a fourth pillar.
	Approach bool   `json:"approach,omitempty" yaml:"approach,omitempty"`
	Source   string `json:"source,omitempty" yaml:"source,omitempty"`
	// Crosswalk holds, for a function, the ids of the functions of the other
	// framework it corresponds to (CORRESPONDS_TO links). It is not stored
	// with the term: the Analyst fills it in from the links for the rules
	// (see WithCrosswalk).
	Crosswalk []string `json:"-" yaml:"-"`
	Stamp     `json:"stamp" yaml:"-"`
}

// Framework is the list of eight a function belongs to.
type Framework string

const (
	// FrameworkVVSG: VVSG's eight functions of neighbourhood-oriented care.
	FrameworkVVSG Framework = "VVSG_FUNCTIONS"
	// FrameworkCaringNeighbourhoods: the eight building blocks of the Flemish
	// caring-neighbourhoods framework (Zorgzame buurten).
	FrameworkCaringNeighbourhoods Framework = "CARING_NEIGHBOURHOODS"
)

var Frameworks = []Framework{FrameworkVVSG, FrameworkCaringNeighbourhoods}

// Pillars of the caring-neighbourhoods framework: A participation and
// inclusion, B connecting informal and formal care, C intersectoral
// collaboration in a network. "D" is the approach (see Term.Approach).
var Pillars = []string{"A", "B", "C"}

func (t *Term) NodeID() string { return t.ID }
func (t *Term) NodeKind() Kind { return t.Kind }
func (t *Term) Names() Text    { return t.Name }
func (t *Term) stamp() *Stamp  { return &t.Stamp }

// IsTermKind reports whether k is one of the vocabulary kinds.
func IsTermKind(k Kind) bool {
	return k == KindTheme || k == KindTargetGroup || k == KindFunction
}

// Validate checks the term's own fields. A pillar "D", as earlier versions
// stored and spreadsheets may still say, is read as the approach.
func (t *Term) Validate() error {
	t.Name = t.Name.Trimmed()
	t.normalizeApproach()
	if !IsTermKind(t.Kind) {
		return FieldError(EINVALID, "kind", "%q is not a theme, target group or function", t.Kind)
	}
	if err := ValidateID("id", t.ID, t.Kind); err != nil {
		return err
	}
	if err := validateName("name", t.Name); err != nil {
		return err
	}
	if t.Kind != KindFunction {
		if t.Framework != "" || t.Number != 0 || t.Pillar != "" || t.Approach {
			return FieldError(EINVALID, "framework", "only functions belong to a framework")
		}
		return nil
	}
	if err := validateOneOf("framework", t.Framework, Frameworks, false); err != nil {
		return err
	}
	if t.Number < 1 || t.Number > 8 {
		return FieldError(EINVALID, "number", "a function is number 1 to 8 of its framework, not %d", t.Number)
	}
	if (t.Pillar != "" || t.Approach) && t.Framework != FrameworkCaringNeighbourhoods {
		return FieldError(EINVALID, "pillar", "only building blocks of the caring-neighbourhoods framework have a pillar or belong to the approach")
	}
	if t.Pillar != "" && t.Approach {
		return FieldError(EINVALID, "approach", "a building block belongs to a pillar or to the approach, not both")
	}
	return validateOneOf("pillar", t.Pillar, Pillars, true)
}

// Theme, TargetGroup and Function are a Term of one vocabulary each. They
// exist so that an API can tell the three apart by type (GraphQL's node(id)
// must); stores and rules work on *Term.
type (
	Theme       struct{ *Term }
	TargetGroup struct{ *Term }
	Function    struct{ *Term }
)

// Typed returns t wrapped in the type of its vocabulary.
func (t *Term) Typed() Node {
	switch t.Kind {
	case KindTheme:
		return &Theme{t}
	case KindTargetGroup:
		return &TargetGroup{t}
	case KindFunction:
		return &Function{t}
	}
	return t
}

// pillarApproach is how earlier versions wrote the approach: as a pillar.
const pillarApproach = "D"

// normalizeApproach reads pillar "D" as the approach (see Term.Approach).
func (t *Term) normalizeApproach() {
	if t.Pillar == pillarApproach && t.Framework == FrameworkCaringNeighbourhoods {
		t.Pillar, t.Approach = "", true
	}
}

// UnmarshalJSON reads a term as stored or exported, with a pillar "D" from
// before the approach was told from the pillars read as the approach, so
// every store and every import reads it the same way.
func (t *Term) UnmarshalJSON(data []byte) error {
	type plain Term // without this method, so no recursion
	if err := json.Unmarshal(data, (*plain)(t)); err != nil {
		return err
	}
	t.normalizeApproach()
	return nil
}
