package buurtnet

import "sort"

// IsolationReport lists who stands apart in a network.
type IsolationReport struct {
	// IsolatedProjects share no partner with any other project in scope
	// (those without partners included).
	IsolatedProjects []string
	// PeripheralProjects share partners with exactly one other project.
	PeripheralProjects []string
	// AbsentOrganisations are located in or serve the territory but take
	// part in no project in scope.
	AbsentOrganisations []string
}

// FindIsolated builds the isolation report of a network.
func FindIsolated(n *PartnershipNetwork) *IsolationReport {
	r := &IsolationReport{}
	for _, p := range n.Projects {
		others := set{}
		for _, o := range n.partners[p.Project.ID] {
			for _, q := range n.projectsOf[o] {
				if q != p.Project.ID {
					others.add(q)
				}
			}
		}
		switch len(others) {
		case 0:
			r.IsolatedProjects = append(r.IsolatedProjects, p.Project.ID)
		case 1:
			r.PeripheralProjects = append(r.PeripheralProjects, p.Project.ID)
		}
	}
	for _, o := range n.present {
		if len(n.projectsOf[o]) == 0 {
			r.AbsentOrganisations = append(r.AbsentOrganisations, o)
		}
	}
	sort.Strings(r.AbsentOrganisations)
	return r
}
