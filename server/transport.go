package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
)

// Media types of a GraphQL answer. application/graphql-response+json is the
// GraphQL-over-HTTP specification's: with it, the status code tells a
// request error (400, no data) from an executed operation (200).
// application/json is kept for clients that ask for it or for nothing; they
// get 200 for every well-formed request, as the specification says.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// responseType picks the answer's media type from the Accept header: the
// first the service speaks, application/json when there is none or only
// wildcards.
func responseType(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		media, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || params["q"] == "0" {
			continue
		}
		switch media {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			return mediaJSON
		}
	}
	return mediaJSON
}

// httpTransport serves GraphQL over HTTP: GET (queries only), POST with a
// JSON body, and POST multipart/form-data for file uploads (the GraphQL
// multipart request specification). It replaces gqlgen's transports so that
// every malformed request is a 400 INVALID that neither echoes nor logs the
// body, and every part but the files obeys the request body limit.
type httpTransport struct {
	maxBody   int64
	maxUpload int64
	// maxMemory is how much of an upload is kept in memory; larger files
	// go to a temporary file.
	maxMemory int64
	log       *slog.Logger
}

var _ graphql.Transport = httpTransport{}

// Supports every request but a WebSocket upgrade (the service has no
// subscriptions); OPTIONS goes to gqlgen's transport, added first.
func (httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == ""
}

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		w.Header().Set("Content-Type", responseType(r)+"; charset=utf-8")
		writeGraphQL(w, http.StatusMethodNotAllowed, requestError{Errors: gqlerror.List{{
			Message:    "Send GraphQL requests with POST (or GET, for queries).",
			Extensions: map[string]any{"code": buurtnet.EINVALID, "requestId": requestID(r.Context())},
		}}})
		return
	}
	var params *graphql.RawParams
	var err error
	switch {
	case r.Method == http.MethodGet:
		params, err = paramsFromURL(r)
	case isMultipart(r):
		var cleanup func()
		params, cleanup, err = t.paramsFromMultipart(w, r)
		defer cleanup()
	default:
		params, err = paramsFromBody(r)
	}
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = buurtnet.Errorf(buurtnet.EINVALID, "The request body is larger than %d bytes, the limit.", tooLarge.Limit)
		}
		writeError(w, r, t.log, err)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	ctx := r.Context()
	media := responseType(r)
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		if len(errs) > maxValidationErrors+1 {
			// gqlgen adds two rules of its own outside validationRules' budget.
			note := gqlerror.Errorf("There are more than %d errors; only the first %d are listed.", maxValidationErrors, maxValidationErrors)
			note.Extensions = map[string]any{"code": errs[0].Extensions["code"]}
			errs = append(errs[:maxValidationErrors:maxValidationErrors], note)
		}
		for _, e := range errs {
			// Nothing ran: every error here is the request's (gqlgen's own
			// automatic persisted query errors come without a code).
			if e.Extensions["code"] == nil {
				if e.Extensions == nil {
					e.Extensions = map[string]any{}
				}
				e.Extensions["code"] = buurtnet.EINVALID
			}
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		writeGraphQL(w, status, requestError{Errors: resp.Errors, Extensions: resp.Extensions})
		return
	}
	if r.Method == http.MethodGet && oc.Operation.Operation != ast.Query {
		// A GET may be sent by a link or an image on any page: it must not write.
		w.Header().Set("Allow", http.MethodPost)
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), gqlerror.List{{
			Message:    fmt.Sprintf("A %s must be sent with POST.", oc.Operation.Operation),
			Extensions: map[string]any{"code": buurtnet.EINVALID},
		}})
		writeGraphQL(w, http.StatusMethodNotAllowed, requestError{Errors: resp.Errors})
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeGraphQL(w, http.StatusOK, responses(ctx))
}

// requestError is the answer to a request that did not run: errors and no
// data entry at all (the specification's request error).
type requestError struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func writeGraphQL(w http.ResponseWriter, status int, body any) {
	var b []byte
	var err error
	if resp, ok := body.(*graphql.Response); ok {
		b, err = encodeResponse(resp)
	} else {
		b, err = json.Marshal(body)
	}
	if err != nil {
		// Every value in a response comes from a marshaller of ours; this is a bug.
		panic(fmt.Errorf("encode a GraphQL response: %w", err))
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// wireParams is a request's parameters as sent, decoded in one pass and
// then each checked for its type.
type wireParams struct {
	Query         any `json:"query"`
	OperationName any `json:"operationName"`
	Variables     any `json:"variables"`
	Extensions    any `json:"extensions"`
	// DocumentID names a trusted document instead of sending its text.
	DocumentID any `json:"documentId"`
}

func (p wireParams) decode() (*graphql.RawParams, error) {
	out := &graphql.RawParams{}
	var err error
	if out.Query, err = paramString(p.Query, "query"); err != nil {
		return nil, err
	}
	if out.OperationName, err = paramString(p.OperationName, "operationName"); err != nil {
		return nil, err
	}
	if out.Variables, err = paramObject(p.Variables, "variables"); err != nil {
		return nil, err
	}
	if n := countValues(out.Variables, maxVariableValues); n > maxVariableValues {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "variables", "variables hold more than %d values; the limit is %d", maxVariableValues, maxVariableValues)
	}
	if out.Extensions, err = paramObject(p.Extensions, "extensions"); err != nil {
		return nil, err
	}
	documentID, err := paramString(p.DocumentID, "documentId")
	if err != nil {
		return nil, err
	}
	if documentID != "" {
		// Carried to the trusted documents extension, which reads extensions.
		if out.Extensions == nil {
			out.Extensions = map[string]any{}
		}
		out.Extensions["documentId"] = documentID
	}
	if out.Query == "" && documentID == "" && out.Extensions["persistedQuery"] == nil {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "query", "the request has no query")
	}
	return out, nil
}

// paramString is a parameter that must be a string, or missing or null.
func paramString(v any, name string) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", buurtnet.FieldError(buurtnet.EINVALID, name, "%s must be a string", name)
}

// paramObject is a parameter that must be an object, or missing or null.
func paramObject(v any, name string) (map[string]any, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return v, nil
	}
	return nil, buurtnet.FieldError(buurtnet.EINVALID, name, "%s must be an object", name)
}

// decodeJSON decodes with numbers kept exact, as gqlgen expects.
func decodeJSON(b []byte, dst any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(dst); err != nil {
		return err
	}
	if d.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

// maxVariableValues bounds the values (list items and object fields, nested
// ones included) of a request's variables: gqlgen checks each against the
// schema before anything else can refuse the request, and 40,000 node ids
// took 40 ms of that. No input of the schema needs more.
const maxVariableValues = 5000

// countValues counts the values in v, stopping past limit.
func countValues(vars map[string]any, limit int) int {
	n := 0
	var walk func(v any)
	walk = func(v any) {
		if n > limit {
			return
		}
		n++
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, x := range vars {
		walk(x)
	}
	return n
}

func paramsFromBody(r *http.Request) (*graphql.RawParams, error) {
	media, ctParams, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || media != mediaJSON {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "Send the request as Content-Type: application/json (or multipart/form-data for an upload).")
	}
	if cs := ctParams["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "Send the request in UTF-8.")
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, fmt.Errorf("read the request body: %w", err)
	}
	return paramsFromJSON(body)
}

func paramsFromJSON(body []byte) (*graphql.RawParams, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "The request has no body; send {\"query\": …}.")
	}
	if body[0] == '[' {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "Batches are not accepted; send one operation per request.")
	}
	var p wireParams
	if err := decodeJSON(body, &p); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, buurtnet.Errorf(buurtnet.EINVALID, "The request body is not valid JSON (at byte %d).", syntax.Offset)
		}
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "The request body must be a JSON object: {\"query\": …, \"variables\": {…}}.")
	}
	return p.decode()
}

// paramsFromURL reads a GET request's parameters; variables and extensions
// are JSON in the query string.
func paramsFromURL(r *http.Request) (*graphql.RawParams, error) {
	q := r.URL.Query()
	p := wireParams{}
	if v, ok := q["query"]; ok {
		p.Query = v[0]
	}
	if v := q.Get("operationName"); v != "" {
		p.OperationName = v
	}
	if v := q.Get("documentId"); v != "" {
		p.DocumentID = v
	}
	for name, dst := range map[string]*any{"variables": &p.Variables, "extensions": &p.Extensions} {
		if v := q.Get(name); v != "" {
			if err := decodeJSON([]byte(v), dst); err != nil {
				return nil, buurtnet.FieldError(buurtnet.EINVALID, name, "%s must be a JSON object", name)
			}
		}
	}
	return p.decode()
}

// paramsFromMultipart reads an upload: the operations and map parts, each
// within the request body limit, then the files, within the upload limit
// all together. cleanup removes temporary files.
func (t httpTransport) paramsFromMultipart(w http.ResponseWriter, r *http.Request) (_ *graphql.RawParams, cleanup func(), _ error) {
	var temps []*os.File
	cleanup = func() {
		for _, f := range temps {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}
	if err := checkUploadOrigin(r); err != nil {
		return nil, cleanup, err
	}
	r.Body = http.MaxBytesReader(w, r.Body, t.maxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, cleanup, buurtnet.Errorf(buurtnet.EINVALID, "The multipart request cannot be read: %v.", err)
	}
	readPart := func(name string) ([]byte, error) {
		part, err := mr.NextPart()
		if err != nil || part.FormName() != name {
			return nil, buurtnet.Errorf(buurtnet.EINVALID, "The multipart request must send the parts operations, map, then the files.")
		}
		b, err := io.ReadAll(io.LimitReader(part, t.maxBody+1))
		if err != nil {
			return nil, fmt.Errorf("read the %s part: %w", name, err)
		}
		if int64(len(b)) > t.maxBody {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, name, "The %s part is larger than %d bytes, the limit.", name, t.maxBody)
		}
		return b, nil
	}
	operations, err := readPart("operations")
	if err != nil {
		return nil, cleanup, err
	}
	params, err := paramsFromJSON(operations)
	if err != nil {
		return nil, cleanup, err
	}
	mapPart, err := readPart("map")
	if err != nil {
		return nil, cleanup, err
	}
	var uploads map[string][]string
	if err := json.Unmarshal(mapPart, &uploads); err != nil {
		return nil, cleanup, buurtnet.FieldError(buurtnet.EINVALID, "map", "map must be a JSON object of file names to lists of variable paths")
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, cleanup, fmt.Errorf("read an uploaded file: %w", err)
		}
		key := part.FormName()
		paths := uploads[key]
		if len(paths) == 0 {
			return nil, cleanup, buurtnet.FieldError(buurtnet.EINVALID, "map", "the file part %q is not in the map", key)
		}
		delete(uploads, key)
		open, size, tmp, err := t.keepFile(part)
		if tmp != nil {
			temps = append(temps, tmp)
		}
		if err != nil {
			return nil, cleanup, err
		}
		for _, path := range paths {
			f, err := open()
			if err != nil {
				return nil, cleanup, err
			}
			if f, ok := f.(*os.File); ok {
				temps = append(temps, f)
			}
			upload := graphql.Upload{File: f, Size: size, Filename: part.FileName(), ContentType: part.Header.Get("Content-Type")}
			if gerr := params.AddUpload(upload, key, path); gerr != nil {
				return nil, cleanup, buurtnet.FieldError(buurtnet.EINVALID, "map", "%s", gerr.Message)
			}
		}
	}
	for key := range uploads {
		return nil, cleanup, buurtnet.FieldError(buurtnet.EINVALID, "map", "the map names the file %q, which was not sent", key)
	}
	return params, cleanup, nil
}

// keepFile keeps an uploaded file, in memory up to maxMemory, else in a
// temporary file; open gives a fresh reader of it for each variable it
// fills.
func (t httpTransport) keepFile(part *multipart.Part) (open func() (io.ReadSeeker, error), size int64, tmp *os.File, err error) {
	head, err := io.ReadAll(io.LimitReader(part, t.maxMemory+1))
	if err != nil {
		return nil, 0, nil, fmt.Errorf("read an uploaded file: %w", err)
	}
	if int64(len(head)) <= t.maxMemory {
		return func() (io.ReadSeeker, error) { return bytes.NewReader(head), nil }, int64(len(head)), nil, nil
	}
	tmp, err = os.CreateTemp("", "buurtnet-upload-")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("keep an uploaded file: %w", err)
	}
	n, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(head), part))
	if err != nil {
		return nil, 0, tmp, fmt.Errorf("keep an uploaded file: %w", err)
	}
	return func() (io.ReadSeeker, error) {
		f, err := os.Open(tmp.Name())
		if err != nil {
			return nil, fmt.Errorf("reopen an uploaded file: %w", err)
		}
		return f, nil
	}, n, tmp, nil
}
