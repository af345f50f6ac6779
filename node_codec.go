package buurtnet

import "fmt"

// NewNode returns an empty entity of kind k, for a store to decode into.
func NewNode(k Kind) (Node, error) {
	switch k {
	case KindOrganisation:
		return &Organisation{}, nil
	case KindProject:
		return &Project{}, nil
	case KindTerritory:
		return &Territory{}, nil
	case KindFunder:
		return &Funder{}, nil
	case KindTheme, KindTargetGroup, KindFunction:
		return &Term{Kind: k}, nil
	case KindPerson:
		return &Person{}, nil
	case KindConsultation:
		return &Consultation{}, nil
	case KindCycle:
		return &Cycle{}, nil
	case KindMeeting:
		return &Meeting{}, nil
	}
	return nil, fmt.Errorf("unknown kind of entity %q", k)
}
