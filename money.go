package buurtnet

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in euro cents. Cents, not floats, so that sums of grants
// add up to the cent in exports.
type Money int64

// ParseMoney reads "125000", "125000.50" or "125000,50" (Belgian notation).
func ParseMoney(s string) (Money, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not an amount in euro", s)
	}
	return MoneyFromEuro(f)
}

// MoneyFromEuro converts a euro amount, refusing negative and absurd values.
func MoneyFromEuro(f float64) (Money, error) {
	if f < 0 {
		return 0, fmt.Errorf("an amount cannot be negative")
	}
	if f > 1e12 {
		return 0, fmt.Errorf("an amount above a thousand billion euro is not plausible")
	}
	return Money(math.Round(f * 100)), nil
}

// Euro returns m in euro.
func (m Money) Euro() float64 { return float64(m) / 100 }

func (m Money) String() string { return strconv.FormatFloat(m.Euro(), 'f', 2, 64) }

// MarshalGQL writes the amount in euro as a number.
func (m Money) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, m.String()) }

// UnmarshalGQL accepts a number or a numeric string in euro.
func (m *Money) UnmarshalGQL(v any) error {
	var err error
	switch x := v.(type) {
	case string:
		*m, err = ParseMoney(x)
	case json.Number:
		*m, err = ParseMoney(x.String())
	case int:
		*m, err = MoneyFromEuro(float64(x))
	case int64:
		*m, err = MoneyFromEuro(float64(x))
	case float64:
		*m, err = MoneyFromEuro(x)
	default:
		err = fmt.Errorf("an amount must be a number in euro")
	}
	if err != nil {
		return Errorf(EINVALID, "%v", err)
	}
	return nil
}

// MarshalText and UnmarshalText keep euro (not cents) in YAML and JSON files.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
