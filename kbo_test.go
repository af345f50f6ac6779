package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

func TestNormalizeEnterpriseNumber(t *testing.T) {
	// Fictional numbers with correct check digits: 97 - (first 8 digits mod 97).
	for in, want := range map[string]string{
		"0123.456.749":    "0123.456.749",
		"0123456749":      "0123.456.749",
		"BE 0123 456 749": "0123.456.749",
		"be0123456749":    "0123.456.749",
		"123.456.749":     "0123.456.749", // old numbers without the leading zero
	} {
		got, err := buurtnet.NormalizeEnterpriseNumber(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "0123.456.748", "2123.456.749", "0123.456.74", "abc"} {
		_, err := buurtnet.NormalizeEnterpriseNumber(bad)
		assert.Error(t, err, bad)
	}
}
