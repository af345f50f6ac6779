package storekit

import (
	"sync/atomic"
	"time"
)

// TimeText formats times in one layout, in UTC, and remembers the last it
// formatted: an import formats its own time twice for each of its hundreds
// of thousands of entities and links.
type TimeText struct {
	layout string
	last   atomic.Pointer[formattedTime]
}

type formattedTime struct {
	t    time.Time
	text string
}

// NewTimeText returns a TimeText for layout.
func NewTimeText(layout string) *TimeText { return &TimeText{layout: layout} }

// Format returns t in UTC in the layout.
func (f *TimeText) Format(t time.Time) string {
	if last := f.last.Load(); last != nil && last.t.Equal(t) {
		return last.text
	}
	text := t.UTC().Format(f.layout)
	f.last.Store(&formattedTime{t, text})
	return text
}
