package server

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCallerAddress(t *testing.T) {
	for remote, want := range map[string]string{
		"192.0.2.7:5000":              "192.0.2.7",
		"[::ffff:192.0.2.7]:5000":     "192.0.2.7",
		"[2001:db8:1:2:aaaa::1]:5000": "2001:db8:1:2::/64",
		"[2001:db8:1:2:bbbb::9]:443":  "2001:db8:1:2::/64",
		"[fe80::1%eth0]:5000":         "fe80::/64",
		"[2001:db8:1:3::1]:5000":      "2001:db8:1:3::/64",
		"not an address":              "not an address",
		"@":                           "@",
	} {
		assert.Equal(t, want, callerAddress(&http.Request{RemoteAddr: remote}), remote)
	}
}
