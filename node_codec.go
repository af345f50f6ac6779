package buurtnet

import (
	"encoding/json"
	"fmt"
)

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
	}
	return nil, fmt.Errorf("unknown kind of entity %q", k)
}

// DecodeNode reads the JSON form of an entity of kind k, as stores keep it.
func DecodeNode(k Kind, data []byte) (Node, error) {
	n, err := NewNode(k)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, n); err != nil {
		return nil, fmt.Errorf("decode %s: %w", k, err)
	}
	if t, ok := n.(*Term); ok {
		t.normalizeApproach() // stored before the approach was told from the pillars
	}
	return n, nil
}

// SameContent reports whether two versions of an entity differ in nothing
// but their stamps: an unchanged entity is not written again, so importing
// the same file twice changes no timestamp and no version.
func SameContent(a, b Node) bool {
	return contentJSON(a) == contentJSON(b)
}

// SameLinkContent is SameContent for links.
func SameLinkContent(a, b *Link) bool {
	ca, cb := *a, *b
	ca.Stamp, cb.Stamp = Stamp{}, Stamp{}
	ja, _ := json.Marshal(ca)
	jb, _ := json.Marshal(cb)
	return string(ja) == string(jb)
}

func contentJSON(n Node) string {
	s := n.stamp()
	saved := *s
	*s = Stamp{}
	defer func() { *s = saved }()
	b, _ := json.Marshal(n) // domain structs always marshal
	return string(b)
}
