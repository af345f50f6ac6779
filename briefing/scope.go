package briefing

import (
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
)

// Scope is what a briefing is about: one meeting's territory and theme.
type Scope struct {
	// Territory the meeting is about (required): the briefing covers the
	// projects working in it, by the rule of buurtnet.InTerritory.
	Territory string
	// Theme, when given, keeps the projects addressing it.
	Theme string
	// On restricts every question to projects running that day; zero means
	// no date restriction, as in the API.
	On buurtnet.Date
	// Since is the previous meeting's date; when given, the briefing lists
	// what changed after it.
	Since buurtnet.Date
	// Lang is the language of names and sentences; Dutch when empty.
	Lang buurtnet.Lang
	// Today is the day the briefing is made: it ends the changes window when
	// On is not given and dates file names. Zero means today (UTC); tests fix it.
	Today buurtnet.Date
}

// Normalize fills the defaults and checks a briefing's scope: a territory
// is required. Whether the territory and theme exist is for the Analyst to
// say (ENOTFOUND).
func (s *Scope) Normalize() error {
	if strings.TrimSpace(s.Territory) == "" {
		return buurtnet.FieldError(buurtnet.EINVALID, "territory", "a briefing needs a territory")
	}
	return s.NormalizeFields()
}

// NormalizeFields is Normalize with the territory optional, for a scope
// that only dates and words a file (a network export of the whole graph).
// Bare slugs ("brabantwijk") are read as ids of the expected kind, so that
// a command line or URL need not spell the prefix.
func (s *Scope) NormalizeFields() error {
	s.Territory = withKind(s.Territory, buurtnet.KindTerritory)
	s.Theme = withKind(s.Theme, buurtnet.KindTheme)
	if s.Territory != "" {
		if err := buurtnet.ValidateID("territory", s.Territory, buurtnet.KindTerritory); err != nil {
			return err
		}
	}
	if s.Theme != "" {
		if err := buurtnet.ValidateID("theme", s.Theme, buurtnet.KindTheme); err != nil {
			return err
		}
	}
	if s.Lang == "" {
		s.Lang = buurtnet.NL
	}
	lang, ok := buurtnet.ParseLang(string(s.Lang))
	if !ok {
		return buurtnet.FieldError(buurtnet.EINVALID, "lang", "%q is not a language of this service (nl, fr or en)", s.Lang)
	}
	s.Lang = lang
	if s.Today.IsZero() {
		s.Today = buurtnet.DateOf(time.Now())
	}
	if !s.Since.IsZero() && s.Since.After(s.Until()) {
		return buurtnet.FieldError(buurtnet.EINVALID, "since", "the previous meeting (%s) is after the day of this briefing (%s)", s.Since, s.Until())
	}
	return nil
}

// Until ends the changes window and dates the files: the meeting day when
// given, else today.
func (s *Scope) Until() buurtnet.Date {
	if !s.On.IsZero() {
		return s.On
	}
	return s.Today
}

func withKind(id string, k buurtnet.Kind) string {
	id = strings.TrimSpace(id)
	if id != "" && buurtnet.KindOf(id) == "" && !strings.Contains(id, ":") {
		return string(k) + ":" + id
	}
	return id
}
