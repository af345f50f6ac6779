package buurtnet

// StakeholderMap groups a project's organisations by the level at which they
// are involved (the stakeholder analysis of the caring-neighbourhoods
// framework). Organisations whose level is not recorded are listed apart, so
// the map shows what the analysis has yet to decide.
type StakeholderMap struct {
	Project *ProjectProfile
	Levels  []StakeholderGroup // INFORM, CONSULT, CO_CREATE, CO_DECIDE, in that order
	// Unassessed are participants with no level yet.
	Unassessed []*Link
}

// StakeholderGroup is one level and the participations at that level.
type StakeholderGroup struct {
	Level        StakeholderLevel
	Participants []*Link
}

// MapStakeholders builds the stakeholder map of a project.
func MapStakeholders(p *ProjectProfile) *StakeholderMap {
	m := &StakeholderMap{Project: p}
	for _, level := range StakeholderLevels {
		g := StakeholderGroup{Level: level}
		for _, l := range p.Participants {
			if l.Level == level {
				g.Participants = append(g.Participants, l)
			}
		}
		m.Levels = append(m.Levels, g)
	}
	for _, l := range p.Participants {
		if l.Level == "" {
			m.Unassessed = append(m.Unassessed, l)
		}
	}
	return m
}
