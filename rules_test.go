package buurtnet_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The rules answer from the territory index and compare candidates only;
// on many generated networks they must give exactly the answers of the
// plain reference implementations (reference_test.go).
func TestFastRulesAgreeWithReference(t *testing.T) {
	ctx := t.Context()
	seeds := 40
	if testing.Short() {
		seeds = 5
	}
	for seed := range uint64(seeds) {
		n := generate(genSmall, seed)
		g := n.Graph
		var territories []string
		for _, level := range n.Levels {
			territories = append(territories, level...)
		}
		territories = append(territories, "territory:lonely")
		days := []buurtnet.Date{{}, buurtnet.NewDate(2019, 6, 1)}

		for _, a := range territories {
			for _, b := range territories {
				wantRel, wantOK := refRelate(g, a, b)
				gotRel, gotOK := g.Relate(a, b)
				require.Equal(t, wantOK, gotOK, "seed %d: Relate(%s, %s)", seed, a, b)
				require.Equal(t, wantRel, gotRel, "seed %d: Relate(%s, %s)", seed, a, b)
			}
			require.Equal(t, refRelated(g, a), g.Related(a), "seed %d: Related(%s)", seed, a)
		}
		for i := 0; i+2 < len(territories); i += 5 {
			ids := territories[i : i+3]
			require.Equal(t, refRelated(g, ids...), g.Related(ids...), "seed %d: Related(%v)", seed, ids)
		}

		for _, on := range days {
			for _, tr := range territories {
				for _, p := range n.Profiles {
					require.Equal(t, refInTerritory(g, tr, p, on), buurtnet.InTerritory(g, tr, p, on), "seed %d: InTerritory(%s, %s, %v)", seed, tr, p.Project.ID, on)
				}
				report, err := buurtnet.FindGaps(ctx, g, tr, n.Profiles, nil, nil, on)
				require.NoError(t, err)
				var want []*buurtnet.ProjectProfile
				for _, p := range n.Profiles {
					if refInTerritory(g, tr, p, on) {
						want = append(want, p)
					}
				}
				require.Equal(t, want, report.Projects, "seed %d: FindGaps(%s)", seed, tr)
			}
			for _, p := range n.Profiles {
				got, err := buurtnet.FindOverlaps(ctx, g, p, n.Profiles, on)
				require.NoError(t, err)
				require.Equal(t, refFindOverlaps(g, p, n.Profiles, on), got, "seed %d: FindOverlaps(%s, %v)", seed, p.Project.ID, on)
			}
			theme := func(a, b *buurtnet.ProjectProfile) bool {
				return contains(a.Themes, "theme:t03") || contains(b.Themes, "theme:t03")
			}
			for _, first := range []int{0, 1, 5, 20} {
				for _, keep := range []func(a, b *buurtnet.ProjectProfile) bool{nil, theme} {
					got, err := buurtnet.RankSynergies(ctx, g, n.Profiles, n.Functions, on, keep, first)
					require.NoError(t, err)
					want := refRankSynergies(g, n.Profiles, n.Functions, on, keep, first)
					require.Equal(t, describe(want), describe(got), "seed %d: RankSynergies(first %d, on %v)", seed, first, on)
					require.Equal(t, want, got, "seed %d: RankSynergies(first %d, on %v)", seed, first, on)
					for _, kind := range buurtnet.SynergyKinds {
						got, err := buurtnet.RankSynergiesOf(ctx, g, n.Profiles, n.Functions, on, kind, keep, first)
						require.NoError(t, err)
						of := func(a, b *buurtnet.ProjectProfile) bool {
							return buurtnet.PairKind(a, b) == kind && (keep == nil || keep(a, b))
						}
						want := refRankSynergies(g, n.Profiles, n.Functions, on, of, first)
						require.Equal(t, describe(want), describe(got), "seed %d: RankSynergiesOf(%s, first %d, on %v)", seed, kind, first, on)
						for _, s := range got {
							require.Equal(t, kind, s.Kind)
						}
					}
					for _, s := range got {
						sum := 0
						for _, r := range s.Reasons {
							sum += r.Points
						}
						require.Equal(t, sum, s.Score, "seed %d: the score of %s %s is the sum of its reasons' points", seed, s.A.Project.ID, s.B.Project.ID)
					}
				}
			}
		}
	}
}

// describe lists a ranking compactly, for a readable diff.
func describe(ss []*buurtnet.Synergy) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%d %s %s", s.Score, s.A.Project.ID, s.B.Project.ID))
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// A question with a deadline far shorter than it needs stops at the
// deadline with ETIMEOUT, and does not go on computing: the call returns
// soon after the deadline (a bound for correctness, generous on a busy
// machine, not a speed target).
func TestRulesStopAtTheDeadline(t *testing.T) {
	n := generate(genRegion, 1)
	// Built here, so that the loops of the rules are what the deadline cuts.
	n.Graph.Related(n.Levels[0][0])
	for _, c := range []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"synergies of the whole region", func(ctx context.Context) error {
			_, err := buurtnet.RankSynergies(ctx, n.Graph, n.Profiles, n.Functions, buurtnet.Date{}, nil, 0)
			return err
		}},
		{"top synergies of the whole region", func(ctx context.Context) error {
			_, err := buurtnet.RankSynergies(ctx, n.Graph, n.Profiles, n.Functions, buurtnet.Date{}, nil, 20)
			return err
		}},
		{"overlaps of every project", func(ctx context.Context) error {
			for _, p := range n.Profiles {
				if _, err := buurtnet.FindOverlaps(ctx, n.Graph, p, n.Profiles, buurtnet.Date{}); err != nil {
					return err
				}
			}
			return nil
		}},
		{"gaps of every territory", func(ctx context.Context) error {
			for _, level := range n.Levels {
				for _, tr := range level {
					if _, err := buurtnet.FindGaps(ctx, n.Graph, tr, n.Profiles, nil, nil, buurtnet.Date{}); err != nil {
						return err
					}
				}
			}
			return nil
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			const deadline = 5 * time.Millisecond
			ctx, cancel := context.WithTimeout(t.Context(), deadline)
			defer cancel()
			start := time.Now()
			err := c.run(ctx)
			took := time.Since(start)
			require.Error(t, err)
			assert.Equal(t, buurtnet.ETIMEOUT, buurtnet.ErrorCode(err), "%v", err)
			assert.NotEqual(t, "Internal error.", buurtnet.ErrorMessage(err))
			assert.Less(t, took, deadline+500*time.Millisecond, "the computation went on after the deadline")
		})
	}
}

// The same on the generated city (tier S) of a few seeds: every pair of
// territories, and the questions of a sample of projects and of each
// province and a few municipalities.
func TestFastRulesAgreeWithReferenceOnTierS(t *testing.T) {
	ctx := t.Context()
	for seed := range int64(3) {
		n := synthetic.Network(synthetic.TierS, seed+1)
		g := refGraph(n.Links)
		profiles := buurtnet.BuildProfiles(n.Projects, n.Links)
		functions := map[string]*buurtnet.Term{}
		for _, f := range n.Functions {
			functions[f.ID] = f
		}
		var territories []string
		for _, tr := range n.Territories {
			territories = append(territories, tr.ID)
		}
		for _, a := range territories {
			for _, b := range territories {
				wantRel, wantOK := refRelate(g, a, b)
				gotRel, gotOK := g.Relate(a, b)
				require.Equal(t, wantOK, gotOK, "seed %d: Relate(%s, %s)", seed, a, b)
				require.Equal(t, wantRel, gotRel, "seed %d: Relate(%s, %s)", seed, a, b)
			}
		}
		for i := 0; i < len(profiles); i += 10 {
			p := profiles[i]
			got, err := buurtnet.FindOverlaps(ctx, g, p, profiles, buurtnet.Date{})
			require.NoError(t, err)
			require.Equal(t, refFindOverlaps(g, p, profiles, buurtnet.Date{}), got, "seed %d: FindOverlaps(%s)", seed, p.Project.ID)
		}
		scopes := []string{synthetic.ProvinceID(0), synthetic.MunicipalityID(0), synthetic.MunicipalityID(3), synthetic.MunicipalityID(7)}
		for _, scope := range scopes {
			var scoped []*buurtnet.ProjectProfile
			for _, p := range profiles {
				in := buurtnet.InTerritory(g, scope, p, buurtnet.Date{})
				require.Equal(t, refInTerritory(g, scope, p, buurtnet.Date{}), in, "seed %d: InTerritory(%s, %s)", seed, scope, p.Project.ID)
				if in {
					scoped = append(scoped, p)
				}
			}
			if scope == synthetic.ProvinceID(0) && len(scoped) > 150 {
				scoped = scoped[:150] // the reference compares every pair the slow way
			}
			for _, first := range []int{0, 20} {
				got, err := buurtnet.RankSynergies(ctx, g, scoped, functions, buurtnet.Date{}, nil, first)
				require.NoError(t, err)
				want := refRankSynergies(g, scoped, functions, buurtnet.Date{}, nil, first)
				if scope == synthetic.ProvinceID(0) {
					require.NotEmpty(t, want, "a province has synergies to compare")
				}
				require.Equal(t, describe(want), describe(got), "seed %d: RankSynergies(%s, first %d)", seed, scope, first)
				require.Equal(t, want, got, "seed %d: RankSynergies(%s, first %d)", seed, scope, first)
			}
		}
	}
}
