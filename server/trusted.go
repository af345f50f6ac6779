package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
)

// TrustedDocuments are the only GraphQL documents a production service
// runs (trusted documents, or persisted queries): the SHA-256 of each
// document, in lower-case hex, to its text. A client sends a document's
// hash instead of its text — as documentId "sha256:<hash>" or, as Apollo
// clients do, extensions.persistedQuery.sha256Hash — or the text itself,
// which runs only if its hash is in the set. Every other document is
// refused before it is parsed: no query the service's own clients do not
// send can cost it anything.
type TrustedDocuments map[string]string

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// LoadTrustedDocuments reads manifests: JSON objects of SHA-256 hex to
// document text (the format of GraphQL Code Generator's persisted
// documents). Every hash must be the document's, and every document valid
// against the schema, so that a stale manifest fails at start-up and not
// at a facilitator's click.
func LoadTrustedDocuments(paths ...string) (TrustedDocuments, error) {
	var files []ManifestFile
	for _, path := range paths {
		files = append(files, DiskManifest(path))
	}
	return ReadTrustedDocuments(files...)
}

// DiskManifest is the manifest at path on disk.
func DiskManifest(path string) ManifestFile {
	return ManifestFile{FS: os.DirFS(filepath.Dir(path)), Name: filepath.Base(path)}
}

// ManifestFile names a manifest in a file system: a file on disk, or one
// embedded in the binary (the explorer's own operations).
type ManifestFile struct {
	FS   fs.FS
	Name string
}

// ReadTrustedDocuments reads manifests from file systems, with the checks of
// LoadTrustedDocuments.
func ReadTrustedDocuments(files ...ManifestFile) (TrustedDocuments, error) {
	docs := TrustedDocuments{}
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, f := range files {
		path := f.Name
		b, err := fs.ReadFile(f.FS, f.Name)
		if err != nil {
			return nil, fmt.Errorf("read trusted documents: %w", err)
		}
		var manifest map[string]string
		if err := json.Unmarshal(b, &manifest); err != nil {
			return nil, fmt.Errorf("trusted documents %s: a manifest is a JSON object of SHA-256 hex to document text: %w", path, err)
		}
		for hash, doc := range manifest {
			hash = strings.ToLower(hash)
			if !sha256Hex.MatchString(hash) {
				return nil, fmt.Errorf("trusted documents %s: %q is not a SHA-256 in hex", path, hash)
			}
			if got := documentHash(doc); got != hash {
				return nil, fmt.Errorf("trusted documents %s: the document under %s has the hash %s", path, hash, got)
			}
			if _, errs := gqlparser.LoadQuery(schema, doc); len(errs) > 0 {
				return nil, fmt.Errorf("trusted documents %s: the document %s is not valid against the schema: %w", path, hash, errs)
			}
			docs[hash] = doc
		}
	}
	return docs, nil
}

func documentHash(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

// Error codes of trusted documents, as Apollo clients know the first.
const (
	// EPERSISTEDNOTFOUND: a hash that is not one of the trusted documents.
	EPERSISTEDNOTFOUND = "PERSISTED_QUERY_NOT_FOUND"
	// ENOTTRUSTED: a document sent in full that is not a trusted one.
	ENOTTRUSTED = "OPERATION_NOT_TRUSTED"
)

// trustedDocuments is the extension that replaces a hash by its document and
// refuses any other document; with docs nil it only refuses a documentId
// (the service then takes any document, and the hashes of automatic
// persisted queries).
type trustedDocuments struct{ docs TrustedDocuments }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = trustedDocuments{}

func (trustedDocuments) ExtensionName() string                   { return "TrustedDocuments" }
func (trustedDocuments) Validate(graphql.ExecutableSchema) error { return nil }

func (t trustedDocuments) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	hash, given, err := requestedHash(p.Extensions)
	if err != nil {
		return err
	}
	if t.docs == nil {
		if given == "documentId" {
			return codedError(buurtnet.EINVALID, "documentId", "This service has no trusted documents; send the query itself.")
		}
		return nil
	}
	if hash == "" {
		if p.Query == "" {
			return codedError(buurtnet.EINVALID, "query", "The request has no query and no documentId.")
		}
		if _, ok := t.docs[documentHash(p.Query)]; !ok {
			return codedError(ENOTTRUSTED, "query", "This service runs only its trusted documents, and this query is not one of them.")
		}
		return nil
	}
	doc, ok := t.docs[hash]
	if !ok {
		return codedError(EPERSISTEDNOTFOUND, given, "No trusted document has this hash.")
	}
	if p.Query != "" && p.Query != doc {
		return codedError(buurtnet.EINVALID, given, "The query sent is not the document of this hash.")
	}
	p.Query = doc
	// Resolved here: the automatic persisted query extension has nothing to do.
	delete(p.Extensions, "persistedQuery")
	return nil
}

// requestedHash is the document hash a request names, and where it named it.
func requestedHash(ext map[string]any) (hash, given string, _ *gqlerror.Error) {
	if id, ok := ext["documentId"]; ok {
		s, _ := id.(string)
		hex, ok := strings.CutPrefix(s, "sha256:")
		if hex = strings.ToLower(hex); !ok || !sha256Hex.MatchString(hex) {
			return "", "documentId", codedError(buurtnet.EINVALID, "documentId", "documentId must be sha256:<64 hex digits>.")
		}
		return hex, "documentId", nil
	}
	pq, ok := ext["persistedQuery"].(map[string]any)
	if !ok {
		return "", "", nil
	}
	s, _ := pq["sha256Hash"].(string)
	if s = strings.ToLower(s); !sha256Hex.MatchString(s) {
		return "", "", codedError(buurtnet.EINVALID, "extensions.persistedQuery.sha256Hash", "sha256Hash must be 64 hex digits.")
	}
	return s, "extensions.persistedQuery.sha256Hash", nil
}

func codedError(code, field, message string) *gqlerror.Error {
	return &gqlerror.Error{Message: message, Extensions: map[string]any{"code": code, "field": field}}
}
