package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Answers renders every answer of the questions on what s holds (meant for
// the demo network) as one stable text: the overlaps of every project, the
// synergies overall and in every territory, the gaps of every territory and
// the stakeholder map of every project, with the reasons read out in Dutch
// and French. Two stores holding the same network must give the same text,
// byte for byte.
func Answers(t testing.TB, s buurtnet.Store) string {
	t.Helper()
	ctx := t.Context()
	a := &buurtnet.Analyst{Store: s}
	n, err := s.Snapshot(ctx)
	require.NoError(t, err)
	names := map[string]buurtnet.Text{}
	for _, node := range n.Nodes() {
		names[node.NodeID()] = node.Names()
	}

	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	list := func(xs []string) string {
		if len(xs) == 0 {
			return "-"
		}
		return strings.Join(xs, ", ")
	}

	w("# overlaps")
	for _, p := range n.Projects {
		_, os, err := a.Overlaps(ctx, p.ID, buurtnet.Date{})
		require.NoError(t, err, "overlaps of %s", p.ID)
		w("%s (%d)", p.ID, len(os))
		for _, o := range viewOverlaps(os) {
			w("  %s %s", o.Project, o.Period)
			for _, pl := range o.Places {
				w("    at %s", pl)
			}
			w("    partners %s", list(o.SharedPartners))
			w("    themes %s", list(o.SharedThemes))
			w("    target groups %s", list(o.SharedTargetGroups))
			w("    functions %s", list(o.SharedFunctions))
			w("    funders %s | %s", list(o.SubjectFunders), list(o.OtherFunders))
		}
	}

	synergies := func(title string, q buurtnet.SynergyQuery) {
		ss, err := a.Synergies(ctx, q)
		require.NoError(t, err, "synergies %s", title)
		w("%s (%d)", title, len(ss))
		for i, sy := range ss {
			v := viewSynergy(sy)
			w("  %d. %s %s score %d", i+1, v.Pair, v.Kind, v.Score)
			for j, r := range sy.Reasons {
				w("    %s", v.Reasons[j])
				w("      nl: %s", r.Sentence(buurtnet.NL, names))
				w("      fr: %s", r.Sentence(buurtnet.FR, names))
			}
		}
	}
	w("# synergies")
	synergies("all", buurtnet.SynergyQuery{})
	for _, k := range buurtnet.SynergyKinds {
		synergies("all "+string(k), buurtnet.SynergyQuery{Kind: k})
	}
	for _, tr := range n.Territories {
		synergies(tr.ID, buurtnet.SynergyQuery{Territory: tr.ID})
	}

	w("# gaps")
	for _, tr := range n.Territories {
		r, err := a.Gaps(ctx, tr.ID, buurtnet.Date{})
		require.NoError(t, err, "gaps of %s", tr.ID)
		v := viewGaps(r)
		w("%s", tr.ID)
		w("  projects %s", list(v.Projects))
		w("  missing functions %s", list(v.MissingFunctions))
		w("  missing themes %s", list(v.MissingThemes))
		for _, c := range v.CoveredFunctions {
			w("  covered %s", c)
		}
		for _, c := range v.CoveredThemes {
			w("  covered %s", c)
		}
	}

	w("# stakeholders")
	for _, p := range n.Projects {
		m, err := a.StakeholderMap(ctx, p.ID)
		require.NoError(t, err, "stakeholder map of %s", p.ID)
		v := viewStakeholders(m)
		w("%s", p.ID)
		for _, l := range v.Levels {
			w("  %s", l)
		}
		w("  unassessed: %s", list(v.Unassessed))
	}
	networkAnswers(t, a, n, w, list)
	return b.String()
}

// networkAnswers renders the network questions: brokers, clusters,
// isolation and bridges of every territory, and introductions from every
// organisation to the first one.
func networkAnswers(t testing.TB, a *buurtnet.Analyst, n *buurtnet.Network, w func(string, ...any), list func([]string) string) {
	ctx := t.Context()
	names := map[string]buurtnet.Text{}
	for _, o := range n.Organisations {
		names[o.ID] = o.Name
	}
	w("# network")
	for _, tr := range n.Territories {
		scope := buurtnet.NetworkScope{Territory: tr.ID}
		bs, err := a.Brokers(ctx, scope, 10)
		require.NoError(t, err, "brokers of %s", tr.ID)
		w("%s brokers (%d)", tr.ID, len(bs))
		for _, b := range bs {
			w("  %s %g %g %g %g partners %d projects %s sectors %v communities %v", b.Organisation, b.Betweenness, b.BetweennessShare,
				b.PartnerBetweenness, b.PartnerBetweennessShare, len(b.Partners), list(b.Projects), b.Sectors, b.LanguageCommunities)
			for _, f := range buurtnet.BrokerFigures {
				w("    fr: %s", b.Sentence(f, buurtnet.FR, names))
			}
		}
		cr, err := a.Clusters(ctx, scope, 0)
		require.NoError(t, err, "clusters of %s", tr.ID)
		w("%s clusters Q=%g", tr.ID, cr.Modularity)
		for _, c := range cr.Clusters {
			w("  %d: %s | projects %s | sectors %v | territories %s | linked %v by %s", c.Number, list(c.Members), list(c.Projects), c.Sectors,
				list(c.Territories), c.Linked, list(c.Linkers))
		}
		ir, err := a.Isolation(ctx, scope, 0)
		require.NoError(t, err, "isolation of %s", tr.ID)
		w("%s isolated %s peripheral %s absent %s", tr.ID, list(ir.IsolatedProjects), list(ir.PeripheralProjects), list(ir.AbsentOrganisations))
		for _, d := range buurtnet.Divides {
			br, err := a.Bridges(ctx, scope, d, 0)
			require.NoError(t, err, "bridges of %s", tr.ID)
			for _, x := range append(append([]*buurtnet.Bridge{}, br.Organisations...), br.Projects...) {
				w("%s bridge %s %s: %s | %s (%d) via %s", tr.ID, d, x.Node, list(x.SideA), list(x.SideB), x.Pairs, list(x.Via))
			}
		}
	}
	if len(n.Organisations) == 0 {
		return
	}
	to := n.Organisations[0].ID
	for _, o := range n.Organisations[1:] {
		in, err := a.Introductions(ctx, o.ID, to, buurtnet.NetworkScope{}, buurtnet.MaxIntroductionLength, 5)
		require.NoError(t, err, "introductions of %s", o.ID)
		for _, i := range in {
			w("introduce %s → %s: %s", o.ID, to, strings.Join(i.Chain, " "))
		}
	}
}
