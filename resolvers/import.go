package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
	"github.com/buurtnet/buurtnet/importer"
)

// importNetwork is the importNetwork mutation: read the upload, import it.
// A file that cannot be read is an INVALID error; problems in a readable
// file are the answer.
func importNetwork(ctx context.Context, store buurtnet.Store, file graphql.Upload, dryRun, validOnly *bool) (*model.ImportResult, error) {
	net, rep, err := importer.Read(ctx, file.Filename, file.File)
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
		Problems: make([]*model.ImportProblem, len(res.Problems)), ProblemCount: res.ProblemCount,
		Skipped: res.SkippedCount, DryRun: res.DryRun,
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
