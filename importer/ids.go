package importer

import (
	"strings"

	"github.com/buurtnet/buurtnet"
)

// giveID makes an id for an entity without one (see the package comment),
// so that the same file always gives the same ids.
func giveID(e *entry, rep *Report) {
	e.idFrom = "id"
	if strings.TrimSpace(e.node.NodeID()) != "" {
		return
	}
	kind := e.node.NodeKind()
	if o, ok := e.node.(*buurtnet.Organisation); ok && o.EnterpriseNumber != "" {
		if n, err := buurtnet.NormalizeEnterpriseNumber(o.EnterpriseNumber); err == nil {
			o.ID = "org:kbo-" + strings.ReplaceAll(n, ".", "")
			e.idFrom = "enterpriseNumber"
			return
		}
	}
	e.idFrom = "name"
	name := e.node.Names().Trimmed().In(buurtnet.NL)
	if s := slug(name); s != "" {
		setID(e.node, string(kind)+":"+s)
		return
	}
	// No id: the name is to blame, not the empty id column.
	e.excuse("id")
	if name != "" {
		e.blame(rep, "name", "no id can be made from this name: give the row an id")
	}
}

// setID gives node its id through the id column of its kind's sheet, where
// every field an import fills is set. A contact person (no sheet) keeps none.
func setID(node buurtnet.Node, id string) {
	for _, d := range sheetDefs {
		if d.kind != node.NodeKind() {
			continue
		}
		for _, c := range d.columns {
			if c.field == "id" {
				c.set(node, id)
				return
			}
		}
	}
}

// slug is the name folded to lower-case ASCII words joined by hyphens.
func slug(name string) string {
	if !ascii(name) {
		name = buurtnet.Fold(name) // costly: most names need only lower-casing
	}
	var b strings.Builder
	gap := false
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
			if b.Len() >= 60 {
				break
			}
		} else {
			gap = true
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// kboRef reads "kbo:0123.456.789" (or "bce:", any case, any notation).
func kboRef(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || s[3] != ':' {
		return "", false
	}
	switch strings.ToLower(s[:3]) {
	case "kbo", "bce":
		return strings.TrimSpace(s[4:]), true
	}
	return "", false
}
