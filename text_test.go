package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

func TestPreferredLang(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   buurtnet.Lang // "" when none is spoken
	}{
		{"fr-BE,fr;q=0.9", buurtnet.FR},
		{"de-DE, en;q=0.5, nl;q=0.4", buurtnet.EN}, // the first one spoken
		{" NL ", buurtnet.NL},
		{"fr_BE", buurtnet.FR},
		{"de, it", ""},
		{"*", ""},
		{"", ""},
		{",,", ""},
	} {
		t.Run(tc.header, func(t *testing.T) {
			l, ok := buurtnet.PreferredLang(tc.header)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.want, l)
		})
	}
}
