package briefing

import (
	"strings"

	"github.com/buurtnet/buurtnet"
)

// Part names one part of a briefing: a sheet, a CSV file, a section.
type Part string

const (
	PartScope        Part = "scope"
	PartProjects     Part = "projects"
	PartFunding      Part = "funding"
	PartStakeholders Part = "stakeholders"
	PartOverlaps     Part = "overlaps"
	PartSynergies    Part = "synergies"
	PartGaps         Part = "gaps"
	PartParticipants Part = "participants"
	PartChanges      Part = "changes"
	PartNetwork      Part = "network"
)

// Parts lists every part, in the order a briefing presents them.
var Parts = []Part{PartScope, PartProjects, PartFunding, PartStakeholders, PartOverlaps, PartSynergies, PartGaps, PartNetwork, PartParticipants, PartChanges}

// ParsePart reads a part name; EINVALID (field "part") for an unknown one.
func ParsePart(s string) (Part, error) {
	for _, p := range Parts {
		if string(p) == strings.ToLower(strings.TrimSpace(s)) {
			return p, nil
		}
	}
	return "", buurtnet.FieldError(buurtnet.EINVALID, "part", "%q is not a part of a briefing (one of %v)", s, Parts)
}
