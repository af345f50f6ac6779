package buurtnet_test

import (
	"strings"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
)

// Inputs that come from outside — ids, dates, amounts, enterprise numbers —
// must never panic, and what they accept must be stable.

func FuzzValidateID(f *testing.F) {
	for _, s := range []string{"project:boost", "territory:", ":x", "org:a b", "theme:é", "project:" + strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		err := buurtnet.ValidateID("id", id, "")
		if err == nil && buurtnet.KindOf(id) == "" {
			t.Fatalf("%q accepted without a kind", id)
		}
		if err != nil && buurtnet.ErrorCode(err) != buurtnet.EINVALID {
			t.Fatalf("%q: code %s", id, buurtnet.ErrorCode(err))
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019-09-01", "2021-13-01", "2020-02-30", "", "0000-01-01", "9999-12-31T00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := buurtnet.ParseDate(s)
		if err != nil {
			return
		}
		again, err := buurtnet.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q → %s does not read back (%v)", s, d, err)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"125000", "125000,50", "-1", "1e400", "NaN", "0x10", " 12.5 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := buurtnet.ParseMoney(s)
		if err != nil {
			return
		}
		if m < 0 {
			t.Fatalf("%q gave a negative amount %v", s, m)
		}
		again, err := buurtnet.ParseMoney(m.String())
		if err != nil || again != m {
			t.Fatalf("%q → %s does not read back (%v)", s, m, err)
		}
	})
}

func FuzzEnterpriseNumber(f *testing.F) {
	for _, s := range []string{"0123.456.749", "BE 0123 456 749", "123456749", "0123.456.748", "BE", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := buurtnet.NormalizeEnterpriseNumber(s)
		if err != nil {
			return
		}
		again, err := buurtnet.NormalizeEnterpriseNumber(n)
		if err != nil || again != n {
			t.Fatalf("%q → %q is not canonical (%v)", s, n, err)
		}
	})
}

func FuzzReadNetworkYAML(f *testing.F) {
	f.Add([]byte(demo.YAML()[:2000]))
	f.Add([]byte("territories: [~]\nlinks: [{kind: PART_OF, from: a, to: b}]"))
	f.Add([]byte("projects:\n  - id: project:x\n    name: {nl: X}\n    period: {start: 2021-01-01, end: 2020-01-01}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := buurtnet.ReadNetworkYAML(b)
		if err != nil {
			if buurtnet.ErrorCode(err) != buurtnet.EINVALID {
				t.Fatalf("code %s for an unreadable file", buurtnet.ErrorCode(err))
			}
			return
		}
		_ = n.Validate(nil) // must not panic, whatever the file holds
	})
}
