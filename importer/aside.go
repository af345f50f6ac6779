package importer

import (
	"encoding/json"

	"github.com/buurtnet/buurtnet"
)

// setAside returns a copy of v with field made harmless, so that Validate,
// which stops at the first problem, can be asked for the next one. Optional
// fields are cleared; required ones get a valid stand-in. nil when nothing
// can stand in (a link of unknown kind says nothing about its other fields).
// The copy goes through JSON, whose names are the ones Validate reports.
func setAside(v validatable, field string) validatable {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil
	}
	switch t := v.(type) {
	case buurtnet.Node:
		switch {
		case field == "id":
			m["id"] = string(t.NodeKind()) + ":stand-in"
		case field == "name":
			m["name"] = map[string]string{"nl": "stand-in"}
		case field == "kind" && t.NodeKind() == buurtnet.KindTerritory:
			m["kind"] = buurtnet.TerritorySite
		case field == "kind" && buurtnet.IsTermKind(t.NodeKind()):
			return nil
		case field == "framework" && t.NodeKind() == buurtnet.KindFunction:
			m["framework"] = buurtnet.FrameworkVVSG
		case field == "number" && t.NodeKind() == buurtnet.KindFunction:
			m["number"] = 1
		default:
			delete(m, field)
		}
	case *buurtnet.Link:
		from, to := t.Kind.Endpoints()
		switch field {
		case "kind":
			return nil
		case "from":
			m["from"] = string(from) + ":stand-in-from"
		case "to":
			m["to"] = string(to) + ":stand-in-to"
		default:
			delete(m, field)
		}
	}
	if b, err = json.Marshal(m); err != nil {
		return nil
	}
	out := fresh(v)
	if out == nil || json.Unmarshal(b, out) != nil {
		return nil
	}
	return out
}

// fresh returns a new zero value of v's type.
func fresh(v validatable) validatable {
	switch v.(type) {
	case *buurtnet.Organisation:
		return &buurtnet.Organisation{}
	case *buurtnet.Project:
		return &buurtnet.Project{}
	case *buurtnet.Territory:
		return &buurtnet.Territory{}
	case *buurtnet.Funder:
		return &buurtnet.Funder{}
	case *buurtnet.Term:
		return &buurtnet.Term{}
	case *buurtnet.Link:
		return &buurtnet.Link{}
	}
	return nil
}
