package buurtnet

import (
	"net/url"
	"strings"
)

// validateWebsite accepts an empty website or an absolute http(s) address
// with a host, and returns it trimmed. Websites become links in the
// playground, pages and briefings: "javascript:…" or "data:…" there would
// run in the reader's browser, and "https://bank.example@evil.example"
// shows one host while going to another, so neither is a website.
func validateWebsite(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	switch {
	case len(s) > 2000:
		return s, FieldError(EINVALID, field, "a website address has at most 2000 characters")
	case err != nil, u.Scheme != "http" && u.Scheme != "https", u.Opaque != "":
		return s, FieldError(EINVALID, field, "%q is not a website address: give one starting with https:// or http://", s)
	case u.Hostname() == "":
		return s, FieldError(EINVALID, field, "%q names no host: give an address such as https://www.example.be", s)
	case u.User != nil:
		return s, FieldError(EINVALID, field, "%q holds a user name before the host; give the address without it", s)
	}
	return s, nil
}
