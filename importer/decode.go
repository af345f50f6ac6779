package importer

import (
	"bytes"
	"encoding/json"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/buurtnet/buurtnet"
)

// decodeNetwork decodes a JSON network document, as
// json.Decoder.Decode with DisallowUnknownFields does, on every core: a
// region's document (30 MB, 170,000 entries) took most of a second on one,
// and an import waits for it before it writes anything.
//
// The document is cut into pieces of whole entries of one section each
// (splitSections), and each piece is decoded as a document of its own,
// {"links": [ …some links… ]}, with the same checks; the pieces of a
// section are put back together in their order. A document that does not
// decode is decoded again in one piece, so that the error says what the
// decoder of the whole document says.
//
// The pieces go through the proposed encoding/json/v2 (go-json-experiment,
// already among this module's dependencies), set to behave as
// encoding/json: it decodes a region's document in half the time. The
// fuzz test FuzzDecodeInPieces holds the two to the same networks and the
// same errors.
func decodeNetwork(b []byte) (*buurtnet.Network, error) {
	return decodeInPieces(b, max(len(b)/(4*runtime.GOMAXPROCS(0)), minPiece))
}

// decodeInPieces is decodeNetwork with pieces of about size bytes. The
// pieces are decoded while the document is still being cut: the cutting
// reads every byte on one core, and the decoders need not wait for it.
func decodeInPieces(b []byte, size int) (*buurtnet.Network, error) {
	type piece struct {
		i int
		b []byte
	}
	type part struct {
		i   int
		n   *buurtnet.Network
		err error
	}
	// The cutter never waits: the pieces are in memory either way.
	work, decoded := make(chan piece, 256), make(chan part)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				n, err := decodePiece(p.b)
				decoded <- part{p.i, n, err}
			}
		}()
	}
	var parts []*buurtnet.Network
	failed := false
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for p := range decoded {
			if p.i >= len(parts) {
				parts = append(parts, make([]*buurtnet.Network, p.i+1-len(parts))...)
			}
			parts[p.i], failed = p.n, failed || p.err != nil
		}
	}()
	count := 0
	ok := splitSections(b, size, func(b []byte) {
		work <- piece{count, b}
		count++
	})
	close(work)
	wg.Wait()
	close(decoded)
	<-collected
	if !ok || failed {
		return decodeWhole(b)
	}
	return joinNetworks(parts), nil
}

// minPiece is the size below which a section is not cut further: a
// goroutine for less costs more than it saves.
const minPiece = 256 << 10

// decodePiece decodes a piece of a document as decodeWhole does, faster.
func decodePiece(b []byte) (*buurtnet.Network, error) {
	n := &buurtnet.Network{}
	if err := jsonv2.Unmarshal(b, n, jsonv1.DefaultOptionsV1(), jsonv2.RejectUnknownMembers(true)); err != nil {
		return nil, err
	}
	return n, nil
}

func decodeWhole(b []byte) (*buurtnet.Network, error) {
	n := &buurtnet.Network{}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields() // a misspelt key is reported, not ignored
	if err := dec.Decode(n); err != nil {
		return nil, err
	}
	return n, nil
}

// joinNetworks appends the sections of parts, in order, into one network.
func joinNetworks(parts []*buurtnet.Network) *buurtnet.Network {
	out := &buurtnet.Network{}
	o := reflect.ValueOf(out).Elem()
	for _, p := range parts {
		v := reflect.ValueOf(p).Elem()
		for i := range v.NumField() {
			f := v.Field(i)
			if f.Kind() != reflect.Slice || f.IsNil() {
				continue
			}
			if o.Field(i).IsNil() { // an empty section stays empty, not absent
				o.Field(i).Set(reflect.MakeSlice(f.Type(), 0, f.Len()))
			}
			o.Field(i).Set(reflect.AppendSlice(o.Field(i), f))
		}
	}
	return out
}

// splitSections cuts a document {"key": [entry, …], …} into documents of
// one key each, {"key": [entries]}, of about size bytes of entries or one
// entry more, and gives each to emit as soon as it is cut. It only finds
// the boundaries (strings, nesting); the decoder checks everything. ok is
// false for a document of another shape (a section that is not a list, a
// key met twice, anything before or after the object), which is then
// decoded whole; some pieces may have been emitted before that was found.
func splitSections(b []byte, size int, emit func(piece []byte)) (ok bool) {
	s := scanner{b: b}
	if !s.skipSpace() || s.next() != '{' {
		return false
	}
	seen := map[string]bool{}
	for first := true; ; first = false {
		if !s.skipSpace() {
			return false
		}
		if s.peek() == '}' {
			s.i++
			break
		}
		if !first {
			if s.next() != ',' || !s.skipSpace() {
				return false
			}
		}
		keyStart := s.i
		if !s.skipString() {
			return false
		}
		key := b[keyStart:s.i]
		// Only the sections' own names, each once: what another key means
		// (a name in other capitals, a repeated one, an unknown one) is for
		// the decoder of the whole document to say.
		if !sectionKeys[string(key)] || seen[string(key)] {
			return false
		}
		seen[string(key)] = true
		if !s.skipSpace() || s.next() != ':' || !s.skipSpace() {
			return false
		}
		if s.peek() == 'n' { // "key": null
			if !bytes.HasPrefix(b[s.i:], []byte("null")) {
				return false
			}
			s.i += len("null")
			continue
		}
		if s.next() != '[' {
			return false
		}
		start := s.i
		for {
			if !s.skipSpace() {
				return false
			}
			if s.peek() == ']' {
				break
			}
			if !s.skipValue() || !s.skipSpace() {
				return false
			}
			if s.peek() == ']' {
				break
			}
			if s.next() != ',' || !s.skipSpace() || s.peek() == ']' {
				return false
			}
			if s.i-start >= size {
				emit(sectionPiece(key, b[start:s.i-1]))
				start = s.i
			}
		}
		emit(sectionPiece(key, b[start:s.i]))
		s.i++ // ]
	}
	if s.skipSpace() {
		return false // something after the document
	}
	return true
}

// sectionKeys are the quoted names of the sections of a network document.
var sectionKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[buurtnet.Network]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		keys[strconv.Quote(name)] = true
	}
	return keys
}()

// sectionPiece is the document {key: [entries]}.
func sectionPiece(key, entries []byte) []byte {
	out := make([]byte, 0, len(key)+len(entries)+5)
	out = append(out, '{')
	out = append(out, key...)
	out = append(out, ':', '[')
	out = append(out, entries...)
	return append(out, ']', '}')
}

// scanner walks JSON text far enough to find where values end.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) peek() byte { return s.b[s.i] }

func (s *scanner) next() byte {
	if s.i >= len(s.b) {
		return 0
	}
	c := s.b[s.i]
	s.i++
	return c
}

// skipSpace skips white space and reports whether anything follows.
func (s *scanner) skipSpace() bool {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return true
		}
	}
	return false
}

// skipString skips a string, its opening quote at s.i.
func (s *scanner) skipString() bool {
	if s.next() != '"' {
		return false
	}
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '\\':
			s.i += 2
		case '"':
			s.i++
			return true
		default:
			s.i++
		}
	}
	return false
}

// skipValue skips one value of any kind.
func (s *scanner) skipValue() bool {
	if s.i >= len(s.b) || bytes.IndexByte([]byte(",:]} \t\n\r"), s.b[s.i]) >= 0 {
		return false // no value starts here
	}
	depth := 0
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '"':
			if !s.skipString() {
				return false
			}
			if depth == 0 {
				return true
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return true // a number, true, false or null ends here
			}
			depth--
			if depth == 0 {
				s.i++
				return true
			}
		case ',':
			if depth == 0 {
				return true // a number, true, false or null ends here
			}
		case ' ', '\t', '\n', '\r':
			if depth == 0 {
				return true
			}
		}
		s.i++
	}
	return depth == 0
}
