package buurtnet

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"
)

// Kind is the type of an entity in the graph. It is also the prefix of every
// id ("project:boost"), so that any id says what it points to; that is what
// lets GraphQL's node(id) and the link mutations work without a lookup.
type Kind string

const (
	KindOrganisation Kind = "org"
	KindProject      Kind = "project"
	KindTerritory    Kind = "territory"
	KindFunder       Kind = "funder"
	KindTheme        Kind = "theme"
	KindTargetGroup  Kind = "targetgroup"
	KindFunction     Kind = "function"
	// KindPerson: contact persons, personal data (see Person).
	KindPerson Kind = "person"
	// KindConsultation, KindCycle, KindMeeting: a recurring consultation,
	// its yearly cycles and their meetings (see Consultation).
	KindConsultation Kind = "consultation"
	KindCycle        Kind = "cycle"
	KindMeeting      Kind = "meeting"
)

// Kinds lists every entity kind, in the order exports and loaders use.
var Kinds = []Kind{KindTerritory, KindTheme, KindTargetGroup, KindFunction, KindFunder, KindOrganisation, KindProject, KindPerson, KindConsultation, KindCycle, KindMeeting}

// KindOf returns the kind an id belongs to, or "" for an id of no known kind.
func KindOf(id string) Kind {
	prefix, rest, ok := strings.Cut(id, ":")
	if !ok || rest == "" {
		return ""
	}
	for _, k := range Kinds {
		if Kind(prefix) == k {
			return k
		}
	}
	return ""
}

// NewID returns a fresh random id of kind k. Ids given by a user or an
// import (such as "project:boost") are kept as they are.
func NewID(k Kind) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return string(k) + ":" + hex.EncodeToString(b[:])
}

// ValidateID checks that id is well formed and of the wanted kind.
func ValidateID(field, id string, want Kind) error {
	if strings.TrimSpace(id) == "" {
		return FieldError(EINVALID, field, "an id is required")
	}
	k := KindOf(id)
	if k == "" {
		return FieldError(EINVALID, field, "%q is not an id this service knows (ids look like %q)", id, string(want)+":…")
	}
	if want != "" && k != want {
		return FieldError(EINVALID, field, "%q is a %s id, a %s id is needed here", id, k, want)
	}
	if len(id) > 200 || strings.ContainsAny(id, " \t\r\n") {
		return FieldError(EINVALID, field, "an id has no spaces and at most 200 characters")
	}
	return nil
}

// Stamp records when an entity or a link was created and last changed, and
// how many times it was written: an update that names an older version is
// refused (ECONFLICT), so concurrent edits never silently overwrite each other.
type Stamp struct {
	CreatedAt time.Time `json:"createdAt,omitzero" yaml:"-"`
	UpdatedAt time.Time `json:"updatedAt,omitzero" yaml:"-"`
	Version   int       `json:"version,omitempty" yaml:"-"`
}

// Next is the stamp after a change at now.
func (s Stamp) Next(now time.Time) Stamp {
	return Stamp{CreatedAt: s.CreatedAt, UpdatedAt: now, Version: s.Version + 1}
}

// SetStamp replaces n's stamp; stores own timestamps and versions.
func SetStamp(n Node, s Stamp) { *n.stamp() = s }

// CheckVersion refuses a change made against version want when n is at
// another version. want nil means no version was given: the change
// overwrites whatever is stored. Any version given is checked, 0 and
// negative ones too: no value may switch the check off.
func CheckVersion(n Node, want *int) error {
	if want == nil {
		return nil
	}
	if have := n.stamp().Version; *want != have {
		return FieldError(ECONFLICT, "version", "%s was changed meanwhile (version %d, not %d); reload it and apply your change again", n.NodeID(), have, *want)
	}
	return nil
}

// Node is any entity of the graph: *Organisation, *Project, *Territory,
// *Funder, *Term, *Person, *Consultation, *Cycle or *Meeting.
type Node interface {
	NodeID() string
	NodeKind() Kind
	// Names returns the (possibly multilingual) name, for search and sorting.
	Names() Text
	// Validate checks the entity on its own; references are the store's job.
	Validate() error
	stamp() *Stamp
}

// Timestamps returns n's created and updated times.
func Timestamps(n Node) Stamp { return *n.stamp() }

func validateName(field string, name Text) error {
	if name.IsEmpty() {
		return FieldError(EINVALID, field, "a name is required in at least one language (nl, fr or en)")
	}
	for _, l := range []struct {
		lang Lang
		s    string
	}{{NL, name.NL}, {FR, name.FR}, {EN, name.EN}} {
		if len(l.s) > 300 {
			return FieldError(EINVALID, field, "a name has at most 300 characters")
		}
		if l.s == "" {
			continue
		}
		if err := checkName(l.s); err != nil {
			return FieldError(EINVALID, field+"."+string(l.lang), "%v", err)
		}
	}
	return nil
}

// validateShortName checks a one-language name, such as an acronym or a
// person's name, by the same rule as names; "" passes (optional).
func validateShortName(field, s string) error {
	if s == "" {
		return nil
	}
	if err := checkName(s); err != nil {
		return FieldError(EINVALID, field, "%v", err)
	}
	return nil
}

func validateOneOf[T ~string](field string, v T, allowed []T, optional bool) error {
	if v == "" && optional {
		return nil
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return FieldError(EINVALID, field, "%q is not one of %v", string(v), allowed)
}
