package buurtnet

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// Date is a calendar day, without time zone: project periods are agreed in
// days ("September 2019 – December 2021"), not instants.
type Date struct{ t time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf returns the calendar day of t in UTC.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return NewDate(y, m, d)
}

// ParseDate reads an ISO 8601 day, "2019-09-01".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	// Year 1 would be Go's zero time, which means "no date" here; no
	// partnership predates 1800 anyway.
	if t.Year() < 1800 {
		return Date{}, fmt.Errorf("%q is before 1800; give a date from 1800 on", s)
	}
	return Date{t}, nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// String formats d as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText and UnmarshalText make Date readable from JSON and YAML.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalGQL and UnmarshalGQL make Date a GraphQL scalar. No date is null,
// not "": "" is not a date of the scalar's form, and clients test for null.
func (d Date) MarshalGQL(w io.Writer) {
	if d.IsZero() {
		_, _ = io.WriteString(w, "null")
		return
	}
	_, _ = io.WriteString(w, strconv.Quote(d.String()))
}

// UnmarshalGQL reads "YYYY-MM-DD"; null and "" are no date.
func (d *Date) UnmarshalGQL(v any) error {
	if v == nil {
		*d = Date{}
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return Errorf(EINVALID, "a date must be a string of the form YYYY-MM-DD")
	}
	if err := d.UnmarshalText([]byte(s)); err != nil {
		return Errorf(EINVALID, "%v", err)
	}
	return nil
}

// Period is a span of days; a zero Start means "since always", a zero End
// "open-ended". Both ends are inclusive.
type Period struct {
	Start Date `json:"start,omitzero" yaml:"start,omitempty"`
	End   Date `json:"end,omitzero" yaml:"end,omitempty"`
}

// Validate reports a period that ends before it starts. field is the input
// path used in the error, e.g. "input.period".
func (p Period) Validate(field string) error {
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		return FieldError(EINVALID, field+".end", "the period ends (%s) before it starts (%s)", p.End, p.Start)
	}
	return nil
}

// PeriodPatch changes a period as a patch does: only the ends given change.
// A nil end is left as it is; a zero one (given as "") is cleared, making
// that end open.
type PeriodPatch struct {
	Start *Date `json:"start,omitempty"`
	End   *Date `json:"end,omitempty"`
}

// Apply returns p with the given ends of pp.
func (pp PeriodPatch) Apply(p Period) Period {
	if pp.Start != nil {
		p.Start = *pp.Start
	}
	if pp.End != nil {
		p.End = *pp.End
	}
	return p
}

// Contains reports whether day d falls in p.
func (p Period) Contains(d Date) bool {
	return (p.Start.IsZero() || !d.Before(p.Start)) && (p.End.IsZero() || !d.After(p.End))
}

// Intersect returns the days p and q share; ok is false when they share none.
func (p Period) Intersect(q Period) (Period, bool) {
	r := Period{Start: laterStart(p.Start, q.Start), End: earlierEnd(p.End, q.End)}
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		return Period{}, false
	}
	return r, true
}

// IsOpen reports whether p has neither start nor end.
func (p Period) IsOpen() bool { return p.Start.IsZero() && p.End.IsZero() }

func laterStart(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.After(a)) {
		return b
	}
	return a
}

func earlierEnd(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}
