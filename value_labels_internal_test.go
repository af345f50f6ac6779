package buurtnet

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A label two values share finds neither: the importer refuses it rather
// than guess.
func TestValueIndexAmbiguous(t *testing.T) {
	x := newValueIndex(map[string]Text{
		"MUTUAL_INSURER": {NL: "ziekenfonds", FR: "mutualité"},
		"INSURANCE":      {NL: "ziekenfonds", FR: "assurance"},
	})
	_, err := x.parse("Ziekenfonds")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "[INSURANCE MUTUAL_INSURER]")
	v, err := x.parse("mutualité")
	require.NoError(t, err)
	assert.Equal(t, "MUTUAL_INSURER", v)
	// The value itself always wins over another value's label.
	x = newValueIndex(map[string]Text{"PILOT": {NL: "proef"}, "TEST": {EN: "pilot"}})
	v, err = x.parse("pilot")
	require.NoError(t, err)
	assert.Equal(t, "PILOT", v)
}
