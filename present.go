package buurtnet

import (
	"context"
	"fmt"
	"sort"
)

// UninvolvedReport answers the stakeholder analysis's first question (seed
// 003: "Wie is er — naast de buurtbewoners — allemaal aanwezig in de
// buurt?") for the partners a facilitator could still invite: the
// organisations located in or serving a territory (or one within it) that
// take part in no project working there, grouped by sector.
type UninvolvedReport struct {
	// Sectors in the order of Sectors; an organisation of several sectors is
	// in each. Sectors nobody is in are left out.
	Sectors []SectorOrganisations
	// WithoutSector are those whose sector is not known.
	WithoutSector []string
	// Total counts the organisations, each once, before any list is cut.
	Total int
}

// SectorOrganisations are the organisations of one sector, sorted by id.
type SectorOrganisations struct {
	Sector        Sector
	Organisations []string
}

// GroupBySector builds the report from the uninvolved organisations; first
// caps each list (0: all).
func GroupBySector(orgs []*Organisation, first int) *UninvolvedReport {
	r := &UninvolvedReport{Total: len(orgs)}
	bySector := map[Sector][]string{}
	for _, o := range orgs {
		if len(o.Sectors) == 0 {
			r.WithoutSector = append(r.WithoutSector, o.ID)
		}
		for _, s := range o.Sectors {
			if !contains(bySector[s], o.ID) {
				bySector[s] = append(bySector[s], o.ID)
			}
		}
	}
	cut := func(ids []string) []string {
		sort.Strings(ids)
		if first > 0 && len(ids) > first {
			return ids[:first]
		}
		return ids
	}
	for _, s := range Sectors {
		if ids := bySector[s]; len(ids) > 0 {
			r.Sectors = append(r.Sectors, SectorOrganisations{Sector: s, Organisations: cut(ids)})
		}
	}
	r.WithoutSector = cut(r.WithoutSector)
	return r
}

// Uninvolved returns who is present in the scope's territory but takes part
// in no project working there (InTerritory, on its day or in its period),
// by sector. It reads the same network as Isolation, and is bounded the
// same way. EINVALID for a scope without a territory or too large,
// ENOTFOUND for an unknown territory.
func (a *Analyst) Uninvolved(ctx context.Context, scope NetworkScope, first int) (*UninvolvedReport, error) {
	if scope.Territory == "" {
		return nil, FieldError(EINVALID, "territory", "who is present is asked of a territory")
	}
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n, err := a.PartnershipNetwork(ctx, scope, true)
	if err != nil {
		return nil, err
	}
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	absent := FindIsolated(n).AbsentOrganisations
	nodes, err := a.Store.Nodes(ctx, absent)
	if err != nil {
		return nil, fmt.Errorf("uninvolved: organisations: %w", err)
	}
	orgs := make([]*Organisation, 0, len(nodes))
	for _, node := range nodes {
		if o, ok := node.(*Organisation); ok {
			orgs = append(orgs, o)
		}
	}
	return GroupBySector(orgs, first), nil
}
