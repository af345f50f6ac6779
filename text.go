package buurtnet

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Lang is a language a client can ask for. Brussels is officially bilingual
// (Dutch, French); English is offered for visitors and reports.
type Lang string

const (
	NL Lang = "nl"
	FR Lang = "fr"
	EN Lang = "en"
)

// ParseLang reads a language tag such as "fr-BE" or "NL"; ok is false for
// languages the service does not speak.
func ParseLang(tag string) (Lang, bool) {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_;"); i >= 0 {
		tag = tag[:i]
	}
	switch Lang(tag) {
	case NL, FR, EN:
		return Lang(tag), true
	}
	return "", false
}

// PreferredLang reads an Accept-Language header: the first language listed
// that the service speaks, in the order the reader listed them (quality
// values are not weighed: browsers list by preference already). ok is false
// when the reader speaks none of them, so that the caller keeps its default.
// GraphQL names and the exports both read the header through this.
func PreferredLang(header string) (Lang, bool) {
	for _, part := range strings.Split(header, ",") {
		if l, ok := ParseLang(part); ok {
			return l, true
		}
	}
	return "", false
}

// Text is a name or description in the languages it is known in.
// At least one language must be given for a name.
type Text struct {
	NL string `json:"nl,omitempty" yaml:"nl,omitempty"`
	FR string `json:"fr,omitempty" yaml:"fr,omitempty"`
	EN string `json:"en,omitempty" yaml:"en,omitempty"`
}

// In returns the text in lang, falling back to the other languages so that a
// French reader still sees a Dutch-only name rather than nothing.
func (t Text) In(lang Lang) string {
	order := []string{t.NL, t.FR, t.EN}
	switch lang {
	case FR:
		order = []string{t.FR, t.NL, t.EN}
	case EN:
		order = []string{t.EN, t.NL, t.FR}
	}
	for _, s := range order {
		if s != "" {
			return s
		}
	}
	return ""
}

// IsEmpty reports whether no language has any non-blank text.
func (t Text) IsEmpty() bool {
	return strings.TrimSpace(t.NL+t.FR+t.EN) == ""
}

// Trimmed returns t with surrounding white space removed in every language.
func (t Text) Trimmed() Text {
	return Text{NL: strings.TrimSpace(t.NL), FR: strings.TrimSpace(t.FR), EN: strings.TrimSpace(t.EN)}
}

// SearchKey folds all languages of t (and any extra strings, such as an
// acronym) into one lower-case, accent-free string for substring search,
// so "societe" finds "Société" and "sint-gillis" finds "Sint-Gillis".
func (t Text) SearchKey(extra ...string) string {
	parts := append([]string{t.NL, t.FR, t.EN}, extra...)
	return Fold(strings.Join(parts, " | "))
}

// Fold lower-cases s and strips accents; the same function folds stored names
// and search terms, so both sides of a comparison agree.
func Fold(s string) string {
	if isASCII(s) { // most names; skip building a transformer
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// checkName refuses a name that cannot be read or that can pass for another:
// control characters (NUL, tab, line breaks), bidirectional overrides and
// isolates (U+202A–U+202E, U+2066–U+2069: they make "gro.live" display as
// "evil.org"), and names without a single visible letter, digit or symbol,
// such as one made only of zero-width or combining characters. Names are
// shown in lists, briefings and spreadsheets, where such a name is a blank
// line or a lie.
func checkName(s string) error {
	visible := false
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return fmt.Errorf("a name cannot hold control characters such as NUL, tab or a line break (found U+%04X)", r)
		case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
			return fmt.Errorf("a name cannot hold bidirectional overrides or isolates (found U+%04X), which make text display as something else", r)
		case unicode.In(r, unicode.L, unicode.N, unicode.S):
			visible = true
		}
	}
	if !visible {
		return fmt.Errorf("a name needs at least one visible letter, digit or symbol")
	}
	return nil
}
