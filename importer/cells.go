package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
)

// parseCell reads a cell as its column wants it: a string, []string, buurtnet.Date, buurtnet.Money or
// int. A value of a fixed list may be written in Dutch, French or English
// (buurtnet.ParseValue, the domain's one table of labels).
func parseCell(c *column, s string, t *table) (any, error) {
	switch c.typ {
	case tEnum:
		return enumValue(c.list, s)
	case tEnums:
		var out []string
		for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' }) {
			if strings.TrimSpace(v) == "" {
				continue
			}
			x, err := enumValue(c.list, v)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case tDate:
		return parseDate(s, t.xlsx, t.date1904)
	case tMoney:
		return parseAmount(s)
	case tInt:
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", s)
		}
		return n, nil
	}
	return s, nil
}

// enumValue turns "co-create", "co-créer", "Mee beslissen" into CO_CREATE,
// CO_CREATE, CO_DECIDE: a value of the fixed list its column names. A label
// two values share is refused here. Anything else that is no value, and a
// column with no list of labels (a pillar), is only upper-cased: Validate
// then decides, in the same words and order as for every other field.
func enumValue(list, s string) (string, error) {
	if list != "" {
		v, err := buurtnet.ParseValue(list, s)
		if !errors.Is(err, buurtnet.ErrNotAValue) {
			return v, err
		}
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s))), nil
}

var dayFirst = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// parseDate reads 2019-09-01, 1/9/2019 (day first, as Belgians write it) or,
// in an XLSX file, a date cell, which arrives as a serial day number.
func parseDate(s string, xlsx, date1904 bool) (buurtnet.Date, error) {
	// Every notation is turned into YYYY-MM-DD and read by the domain, so
	// that one rule decides what a valid date is.
	iso := s
	if m := dayFirst.FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		iso = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	} else if f, err := strconv.ParseFloat(s, 64); xlsx && err == nil && f >= 1 && f < 2958466 {
		if t, err := excelize.ExcelDateToTime(f, date1904); err == nil {
			iso = t.Format(time.DateOnly)
		}
	}
	d, err := buurtnet.ParseDate(iso)
	if err != nil {
		return buurtnet.Date{}, fmt.Errorf("%q is not a date (write 2019-09-01 or 01/09/2019)", s)
	}
	return d, nil
}

var belgianThousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+(,\d+)?$`)

// parseAmount reads an amount in euro: "125000", "125000,50", "125.000,50",
// "€ 125 000". Dots followed by groups of three digits are thousands, as in
// Belgium; otherwise a dot or a comma is the decimal mark.
func parseAmount(s string) (*buurtnet.Money, error) {
	s = strings.Map(func(r rune) rune {
		if r == '€' || r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	if belgianThousands.MatchString(s) {
		s = strings.ReplaceAll(s, ".", "")
	} else if strings.Contains(s, ".") && strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ",", "") // 125,000.50
	}
	m, err := buurtnet.ParseMoney(s)
	if err != nil {
		return nil, err
	}
	return &m, nil
}
