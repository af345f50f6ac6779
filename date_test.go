package buurtnet_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
)

func day(s string) buurtnet.Date {
	d, err := buurtnet.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPeriod(t *testing.T) {
	boost := buurtnet.Period{Start: day("2019-09-01"), End: day("2021-12-31")}
	ggc := buurtnet.Period{Start: day("2019-01-01"), End: day("2022-12-31")}
	open := buurtnet.Period{}

	got, ok := boost.Intersect(ggc)
	assert.True(t, ok)
	assert.Equal(t, boost, got)
	got, ok = open.Intersect(boost)
	assert.True(t, ok)
	assert.Equal(t, boost, got)
	_, ok = boost.Intersect(buurtnet.Period{Start: day("2022-01-01")})
	assert.False(t, ok)
	_, ok = boost.Intersect(buurtnet.Period{End: day("2021-12-31")})
	assert.True(t, ok, "ends are inclusive")

	assert.True(t, boost.Contains(day("2021-12-31")))
	assert.False(t, boost.Contains(day("2022-01-01")))
	assert.True(t, open.Contains(buurtnet.NewDate(1830, time.October, 4)))

	err := buurtnet.Period{Start: day("2021-01-01"), End: day("2020-01-01")}.Validate("period")
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	assert.Equal(t, "period.end", buurtnet.ErrorField(err))
}

func TestDateBefore1800IsRefused(t *testing.T) {
	// Found by FuzzParseDate: 0001-01-01 is Go's zero time, read as "no date".
	_, err := buurtnet.ParseDate("0001-01-01")
	assert.Error(t, err)
	d, err := buurtnet.ParseDate("1800-01-01")
	assert.NoError(t, err)
	assert.Equal(t, "1800-01-01", d.String())
}

func TestMoney(t *testing.T) {
	for in, cents := range map[string]int64{"125000": 12500000, "125000,50": 12500050, "0.015": 2} {
		m, err := buurtnet.ParseMoney(in)
		assert.NoError(t, err, in)
		assert.Equal(t, buurtnet.Money(cents), m, in)
	}
	_, err := buurtnet.ParseMoney("-5")
	assert.Error(t, err)
	_, err = buurtnet.ParseMoney("NaN")
	assert.Error(t, err)
}

func TestTextAndSearch(t *testing.T) {
	name := buurtnet.Text{NL: "Brabantwijk", FR: "Quartier Brabant"}
	assert.Equal(t, "Quartier Brabant", name.In(buurtnet.FR))
	assert.Equal(t, "Brabantwijk", name.In(buurtnet.EN), "falls back to Dutch")
	assert.Equal(t, "Santé", buurtnet.Text{FR: "Santé"}.In(buurtnet.NL), "falls back to any language")
	assert.Contains(t, buurtnet.Text{FR: "Maison médicale Santé Plurielle"}.SearchKey(), buurtnet.Fold("SANTE plurielle"))
	l, ok := buurtnet.ParseLang("fr-BE")
	assert.True(t, ok)
	assert.Equal(t, buurtnet.FR, l)
}
