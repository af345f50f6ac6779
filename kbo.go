package buurtnet

import (
	"fmt"
	"strconv"
	"strings"
)

// NormalizeEnterpriseNumber checks a Belgian enterprise number (KBO/BCE) and
// returns it in its canonical form "0123.456.789". It accepts the usual ways
// people write it: with or without dots, spaces, a "BE" prefix, or the
// leading zero of old numbers. The last two digits are a check: 97 minus the
// first eight digits modulo 97.
func NormalizeEnterpriseNumber(s string) (string, error) {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "BE"))
	if len(digits) == 9 {
		digits = "0" + digits
	}
	if len(digits) != 10 {
		return "", fmt.Errorf("an enterprise number has 10 digits, %q has %d", s, len(digits))
	}
	if digits[0] != '0' && digits[0] != '1' {
		return "", fmt.Errorf("an enterprise number starts with 0 or 1, %q does not", s)
	}
	base, _ := strconv.Atoi(digits[:8])
	check, _ := strconv.Atoi(digits[8:])
	if 97-base%97 != check {
		return "", fmt.Errorf("%q fails the enterprise number check digits (mod 97)", s)
	}
	return digits[:4] + "." + digits[4:7] + "." + digits[7:], nil
}
