package briefing

import (
	"io"
	"strconv"

	"github.com/buurtnet/buurtnet"
)

// Events lists every kind of change, as the API's ChangeEvent enum.
var Events = []Event{EventStarted, EventEnded, EventAdded}

// MarshalGQL writes an event as its GraphQL enum value.
func (e Event) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(e))) }

// UnmarshalGQL reads a ChangeEvent; the API only ever returns them.
func (e *Event) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	for _, x := range Events {
		if Event(s) == x {
			*e = x
			return nil
		}
	}
	return buurtnet.Errorf(buurtnet.EINVALID, "%q is not one of %v", s, Events)
}
