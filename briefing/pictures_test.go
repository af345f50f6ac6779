package briefing_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

func count(p briefing.Picture, class string) int {
	n := 0
	for _, s := range p.Shapes {
		if s.Class == class {
			n++
		}
	}
	return n
}

// inside checks that every shape lies within the picture and has no NaN:
// a picture that draws off its edge is cut off on paper.
func inside(t *testing.T, p briefing.Picture) {
	t.Helper()
	for _, s := range p.Shapes {
		for _, v := range []float64{s.X, s.Y, s.X2, s.Y2, s.R, s.W, s.H} {
			require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%+v", s)
		}
		switch s.Kind {
		case briefing.ShapeCircle:
			assert.True(t, s.X-s.R >= -0.5 && s.X+s.R <= p.W+0.5 && s.Y-s.R >= -0.5 && s.Y+s.R <= p.H+0.5, "circle outside %vx%v: %+v", p.W, p.H, s)
		case briefing.ShapeRect:
			assert.True(t, s.X >= -0.5 && s.X+s.W <= p.W+0.5 && s.Y >= -0.5 && s.Y+s.H <= p.H+0.5, "rect outside: %+v", s)
		case briefing.ShapeText, briefing.ShapeLine:
			assert.True(t, s.X >= -0.5 && s.X <= p.W+0.5 && s.Y >= -0.5 && s.Y <= p.H+0.5, "outside: %+v", s)
		}
	}
}

func TestGapPicture(t *testing.T) {
	b := build(t, demoStore(t), briefing.Scope{Territory: "territory:brabantwijk", Today: today}, buurtnet.NL)
	p := b.GapPicture()
	inside(t, p)
	assert.Equal(t, len(b.Gaps.MissingFunctions), count(p, "gap"), "every uncovered function is marked")
	require.NotZero(t, count(p, "gap"))
	inScope := map[string]bool{}
	for _, pr := range b.Projects {
		inScope[pr.ID] = true
	}
	ticks := 0
	for _, f := range b.Gaps.CoveredFunctions {
		for _, pr := range f.Projects {
			if inScope[pr.ID] {
				ticks++
			}
		}
	}
	assert.Equal(t, ticks, count(p, "tick"), "one tick per project and function it covers")
	assert.Equal(t, b.GapPicture(), p, "the same briefing draws the same picture")
}

func TestStakeholderPicture(t *testing.T) {
	b := build(t, demoStore(t), briefing.Scope{Territory: "territory:brussels-region", Today: today}, buurtnet.FR)
	drawn := 0
	for _, m := range b.Stakeholders {
		p := b.StakeholderPicture(m)
		inside(t, p)
		assessed := 0
		for _, g := range m.Levels {
			assessed += len(g.Members)
		}
		assert.Equal(t, assessed, count(p, "member"), m.Project.ID)
		assert.Equal(t, 4, count(p, "ring"), "four rings")
		drawn += assessed
	}
	require.Positive(t, drawn, "the demo network assesses some partners")
	svg := string(b.StakeholderPicture(b.Stakeholders[0]).SVG())
	assert.Contains(t, svg, "Co-décider", "ring names in the briefing's language")
}

func TestNetworkPicture(t *testing.T) {
	b := build(t, demoStore(t), briefing.Scope{Territory: "territory:brussels-region", Today: today}, buurtnet.NL)
	p := b.NetworkPicture()
	inside(t, p)
	assert.Equal(t, len(b.Projects), count(p, "project"))
	orgs := map[string]bool{}
	for _, pr := range b.Projects {
		for _, r := range append(append([]briefing.Ref{}, pr.Coordinators...), pr.Partners...) {
			orgs[r.ID] = true
		}
	}
	assert.Equal(t, len(orgs), count(p, "organisation"), "each organisation once, however many projects it is in")
}

func TestPictureSVGEscapes(t *testing.T) {
	p := briefing.Picture{Title: `a "title" <b>`, W: 10, H: 10, Shapes: []briefing.Shape{
		{Kind: briefing.ShapeText, X: 1, Y: 1, Text: "<script>alert(1)</script> & Co", Title: "x</title><script>", Fill: "#000000"}}}
	svg := string(p.SVG())
	assert.NotContains(t, svg, "<script>")
	assert.Contains(t, svg, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
	assert.Contains(t, svg, `aria-label="a &#34;title&#34; &lt;b&gt;"`)
	assert.True(t, strings.HasPrefix(svg, "<svg ") && strings.HasSuffix(svg, "</svg>"))
}

func TestHTMLHasPictures(t *testing.T) {
	b := build(t, demoStore(t), briefing.Scope{Territory: "territory:brussels-region", Today: today}, buurtnet.EN)
	var buf strings.Builder
	require.NoError(t, briefing.WriteHTML(&buf, b, briefing.Tables(b)))
	page := buf.String()
	assert.Contains(t, page, `<figure class="network"><svg`, "the network of projects and partners")
	assert.Contains(t, page, `class="gap"`, "the gap matrix")
	assert.Contains(t, page, `class="member"`, "stakeholder rings")
	assert.Equal(t, min(4, len(b.Synergies)), strings.Count(page, `<div class="card">`), "the top synergies as cards")
	assert.Contains(t, page, "break-before: page", "a page per part in print")
	assert.Contains(t, page, "size: A4")
}
