package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// How values look in a cell: shared by every rendering.

func (b *Briefing) role(r buurtnet.Role) string {
	if r == "" {
		return ""
	}
	return b.l("role." + string(r))
}

func (b *Briefing) sectors(ss []buurtnet.Sector) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = b.l("sector." + string(s))
	}
	return strings.Join(out, listSep)
}

func joinNames(rs []Ref) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return strings.Join(out, listSep)
}

// period writes a span of days; an open end shows as "…".
func period(p buurtnet.Period) string {
	if p.IsOpen() {
		return ""
	}
	start, end := p.Start.String(), p.End.String()
	if start == "" {
		start = "…"
	}
	if end == "" {
		end = "…"
	}
	return start + " – " + end
}

func amount(m *buurtnet.Money) any {
	if m == nil {
		return nil
	}
	return *m
}

// cellText writes a cell as text; decimalComma gives amounts the Belgian
// form ("1250,50") that a Dutch- or French-language spreadsheet reads as a
// number.
func cellText(v any, decimalComma bool) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case buurtnet.Money:
		s := x.String()
		if decimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	return fmt.Sprint(v)
}
