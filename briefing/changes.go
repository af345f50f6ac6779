package briefing

import (
	"sort"
	"time"

	"github.com/buurtnet/buurtnet"
)

// changes lists what happened after the previous meeting (since) up to and
// including until: projects and partnerships (participations, territories,
// fundings, collaborations) whose period started or ended then, or that were
// recorded then. A link without a period of its own runs with its project,
// whose start and end are already listed, so it adds nothing. Deletions
// leave no trace in the store and cannot be listed.
func (n *names) changes(projects []*buurtnet.ProjectProfile, collaborations []*buurtnet.Link, since, until buurtnet.Date) []Change {
	inWindow := func(d buurtnet.Date) bool { return !d.IsZero() && d.After(since) && !d.After(until) }
	var out []Change
	add := func(c Change, period buurtnet.Period, created time.Time) {
		for _, e := range []struct {
			event Event
			day   buurtnet.Date
		}{{EventStarted, period.Start}, {EventEnded, period.End}, {EventAdded, dateOf(created)}} {
			if inWindow(e.day) {
				c.Date, c.Event = e.day, e.event
				out = append(out, c)
			}
		}
	}
	inScope := map[string]bool{}
	for _, p := range projects {
		inScope[p.Project.ID] = true
		project := n.ref(p.Project.ID)
		add(Change{Project: project}, p.Project.Period, p.Project.CreatedAt)
		for _, l := range p.Participants {
			add(Change{Link: l.Kind, Project: project, Other: n.ref(l.From), Role: l.Role}, l.Period, l.CreatedAt)
		}
		for _, l := range p.Territories {
			add(Change{Link: l.Kind, Project: project, Other: n.ref(l.To)}, l.Period, l.CreatedAt)
		}
		for _, l := range p.Fundings {
			add(Change{Link: l.Kind, Project: project, Other: n.ref(l.From), Amount: l.Amount}, l.Period, l.CreatedAt)
		}
	}
	for _, l := range collaborations {
		// Seen from the end in scope; a collaboration inside the scope once.
		project, other := l.From, l.To
		if !inScope[project] {
			project, other = other, project
		}
		add(Change{Link: l.Kind, Project: n.ref(project), Other: n.ref(other)}, l.Period, l.CreatedAt)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if da, db := a.Date.String(), b.Date.String(); da != db {
			return da < db // ISO days sort as text
		}
		if a.Project != b.Project {
			return lessRef(a.Project, b.Project)
		}
		if a.Link != b.Link {
			return a.Link < b.Link // the project itself ("") first
		}
		if a.Other != b.Other {
			return lessRef(a.Other, b.Other)
		}
		return a.Event < b.Event
	})
	if out == nil {
		out = []Change{}
	}
	return out
}

func dateOf(t time.Time) buurtnet.Date {
	if t.IsZero() {
		return buurtnet.Date{}
	}
	return buurtnet.DateOf(t)
}
