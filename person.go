package buurtnet

import (
	"net/mail"
	"strings"
)

// Person is a contact person of an organisation or a project. Everything
// about a person is personal data: the API shows persons to authenticated
// callers only, and no export for anonymous readers contains them.
type Person struct {
	ID   string `json:"id" yaml:"id"`
	Name string `json:"name" yaml:"name"`
	// Function is the person's job or role ("coördinator", "maatschappelijk werker").
	Function string `json:"function,omitempty" yaml:"function,omitempty"`
	Email    string `json:"email,omitempty" yaml:"email,omitempty"`
	Phone    string `json:"phone,omitempty" yaml:"phone,omitempty"`
	Source   string `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp    `json:"stamp" yaml:"-"`
}

func (p *Person) NodeID() string { return p.ID }
func (p *Person) NodeKind() Kind { return KindPerson }

// Names gives the person's name in every language, for search and sorting.
func (p *Person) Names() Text   { return Text{NL: p.Name} }
func (p *Person) stamp() *Stamp { return &p.Stamp }

// Validate checks the person's fields: a name, and an e-mail address and a
// phone number that look like one when given.
func (p *Person) Validate() error {
	p.Name = strings.TrimSpace(p.Name)
	p.Email = strings.TrimSpace(p.Email)
	p.Phone = strings.TrimSpace(p.Phone)
	if err := ValidateID("id", p.ID, KindPerson); err != nil {
		return err
	}
	if p.Name == "" || len(p.Name) > 200 {
		return FieldError(EINVALID, "name", "a person needs a name of at most 200 characters")
	}
	if err := validateShortName("name", p.Name); err != nil {
		return err
	}
	if p.Email != "" {
		if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
			return FieldError(EINVALID, "email", "%q is not an e-mail address", p.Email)
		}
	}
	if p.Phone != "" {
		digits := 0
		for _, r := range p.Phone {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune(" +()./-", r):
			default:
				return FieldError(EINVALID, "phone", "a phone number has digits, spaces and + ( ) . / - only")
			}
		}
		if digits < 6 || digits > 20 {
			return FieldError(EINVALID, "phone", "a phone number has 6 to 20 digits, %q has %d", p.Phone, digits)
		}
	}
	return nil
}
