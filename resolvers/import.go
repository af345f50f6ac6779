package resolvers

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
	"github.com/buurtnet/buurtnet/importer"
)

// importNetwork is the importNetwork mutation: read the upload, import it.
// A file that cannot be read is an INVALID error; problems in a readable
// file are the answer.
func importNetwork(ctx context.Context, store buurtnet.Store, file graphql.Upload, dryRun, validOnly *bool) (*model.ImportResult, error) {
	net, rep, err := importer.Read(file.Filename, file.File)
	if err != nil {
		return nil, err
	}
	res, err := importer.Import(ctx, store, net, rep, importer.Options{
		DryRun:    dryRun != nil && *dryRun,
		ValidOnly: validOnly != nil && *validOnly,
	})
	if err != nil {
		return nil, err
	}
	out := &model.ImportResult{
		Created: len(res.Created), Updated: len(res.Updated), Unchanged: res.Unchanged,
		CreatedIds: nonNil(res.Created), UpdatedIds: nonNil(res.Updated),
		Problems: make([]*model.ImportProblem, len(res.Problems)),
		Skipped:  len(res.Skipped), DryRun: res.DryRun,
	}
	for i, p := range res.Problems {
		out.Problems[i] = &model.ImportProblem{Sheet: p.Sheet, Row: p.Row, Message: p.Message}
		if p.Column != "" {
			out.Problems[i].Column = &p.Column
		}
	}
	return out, nil
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// UploadTransport is gqlgen's multipart transport (file uploads, for
// importNetwork) that refuses what a browser sends cross-site without
// asking. multipart/form-data is a content type any web page may POST
// without a CORS preflight, so without this check a page a facilitator
// visits could make their browser import a file into, or run any other
// mutation on, the service on their machine. A cross-site request must carry
// a header no form can set — Apollo-Require-Preflight or
// X-Apollo-Operation-Name, as upload clients send — which makes the browser
// ask first, and CORS then decides. Requests without an Origin (curl,
// scripts) and same-origin pages need nothing.
type UploadTransport struct{ transport.MultipartForm }

func (t UploadTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if crossSite(r) && r.Header.Get("Apollo-Require-Preflight") == "" && r.Header.Get("X-Apollo-Operation-Name") == "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
			Message:    "A cross-site upload must carry the header Apollo-Require-Preflight.",
			Extensions: map[string]any{"code": buurtnet.EINVALID},
		}}})
		return
	}
	t.MultipartForm.Do(w, r, exec)
}

func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || u.Host != r.Host
}
