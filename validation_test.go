package buurtnet_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		name, field string // field "" when the name is fine
	}{
		{"Wijkhuis Noord", ""},
		{"Santé & Bien-être", ""},
		{"BOT", ""},
		{"€", ""}, // a symbol is visible
		{"Ж\u0301", ""},
		{"\u200b\u200c\u200d", "name.nl"},         // zero-width only
		{"\u0301\u0308", "name.nl"},               // combining marks only
		{"\u00ad", "name.nl"},                     // a soft hyphen only
		{"Wijk\x00huis", "name.nl"},               // NUL
		{"Wijk\thuis", "name.nl"},                 // tab
		{"Wijk\nhuis", "name.nl"},                 // line break
		{"\u202Egro.live", "name.nl"},             // right-to-left override
		{"Wijkhuis \u2066Noord\u2069", "name.nl"}, // isolate
		{"\u202A\u202B\u202C\u202D", "name.nl"},
		{"...", "name.nl"}, // punctuation alone names nothing
	} {
		o := &buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: tc.name}}
		err := o.Validate()
		if tc.field == "" {
			assert.NoError(t, err, "%q", tc.name)
			continue
		}
		require.Error(t, err, "%q", tc.name)
		assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%q", tc.name)
		assert.Equal(t, tc.field, buurtnet.ErrorField(err), "%q", tc.name)
	}

	// Every language and every kind of name goes through the same rule.
	bad := "\u202Eevil"
	for _, n := range []buurtnet.Node{
		&buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P", FR: bad}},
		&buurtnet.Territory{ID: "territory:t", Name: buurtnet.Text{EN: bad}, Kind: buurtnet.TerritorySite},
		&buurtnet.Funder{ID: "funder:f", Name: buurtnet.Text{NL: "\x00"}},
		&buurtnet.Term{ID: "theme:t", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "\u200b"}},
	} {
		err := n.Validate()
		assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), n.NodeID())
		assert.Contains(t, buurtnet.ErrorField(err), "name.", n.NodeID())
	}
	for _, n := range []buurtnet.Node{
		&buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}, Acronym: bad},
		&buurtnet.Funder{ID: "funder:f", Name: buurtnet.Text{NL: "F"}, Acronym: "\u200b"},
	} {
		err := n.Validate()
		assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), n.NodeID())
		assert.Equal(t, "acronym", buurtnet.ErrorField(err), n.NodeID())
	}
	err := (&buurtnet.Person{ID: "person:p", Name: "\u200b\u200b"}).Validate()
	assert.Equal(t, "name", buurtnet.ErrorField(err))
}

func TestWebsites(t *testing.T) {
	for _, tc := range []struct {
		website string
		ok      bool
	}{
		{"", true},
		{"https://www.boostbrussels.be", true},
		{"http://wijkhuis.example/over-ons?taal=nl#contact", true},
		{"HTTPS://WWW.EXAMPLE.BE", true},
		{"  https://www.example.be  ", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(document.cookie)//https://x", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox", false},
		{"file:///etc/passwd", false},
		{"ftp://files.example", false},
		{"www.example.be", false},
		{"//www.example.be", false},
		{"https://", false},
		{"https:///path", false},
		{"http:example.be", false},
		{"https://bank.example@evil.example", false},
		{"https://www.example.be/\x00", false},
		{"https://" + string(bytes.Repeat([]byte("a"), 2000)) + ".be", false},
	} {
		for _, n := range []buurtnet.Node{
			&buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}, Website: tc.website},
			&buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}, Website: tc.website},
			&buurtnet.Funder{ID: "funder:f", Name: buurtnet.Text{NL: "F"}, Website: tc.website},
		} {
			err := n.Validate()
			if tc.ok {
				assert.NoError(t, err, "%q", tc.website)
				continue
			}
			assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%q: %v", tc.website, err)
			assert.Equal(t, "website", buurtnet.ErrorField(err), "%q", tc.website)
		}
	}
	p := &buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}, Website: " https://p.example "}
	require.NoError(t, p.Validate())
	assert.Equal(t, "https://p.example", p.Website, "stored trimmed")
}

func TestDateScalar(t *testing.T) {
	var buf bytes.Buffer
	buurtnet.Date{}.MarshalGQL(&buf)
	assert.Equal(t, "null", buf.String(), "no date is null, not \"\"")
	buf.Reset()
	day("2021-12-31").MarshalGQL(&buf)
	assert.Equal(t, `"2021-12-31"`, buf.String())

	d := day("2020-01-01")
	require.NoError(t, d.UnmarshalGQL(nil))
	assert.True(t, d.IsZero(), "null reads as no date")
	require.NoError(t, d.UnmarshalGQL("2020-02-29"))
	assert.Equal(t, day("2020-02-29"), d)
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(d.UnmarshalGQL(20200229)))
}

func TestPeriodPatch(t *testing.T) {
	stored := buurtnet.Period{Start: day("2020-01-01"), End: day("2021-12-31")}
	start, end, none := day("2020-06-01"), day("2022-06-30"), buurtnet.Date{}
	for _, tc := range []struct {
		name  string
		patch buurtnet.PeriodPatch
		want  buurtnet.Period
	}{
		{"StartKeepsEnd", buurtnet.PeriodPatch{Start: &start}, buurtnet.Period{Start: start, End: stored.End}},
		{"EndKeepsStart", buurtnet.PeriodPatch{End: &end}, buurtnet.Period{Start: stored.Start, End: end}},
		{"Both", buurtnet.PeriodPatch{Start: &start, End: &end}, buurtnet.Period{Start: start, End: end}},
		{"Neither", buurtnet.PeriodPatch{}, stored},
		{"ClearEnd", buurtnet.PeriodPatch{End: &none}, buurtnet.Period{Start: stored.Start}},
	} {
		assert.Equal(t, tc.want, tc.patch.Apply(stored), tc.name)
	}
}
