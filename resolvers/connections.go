package resolvers

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
	"github.com/buurtnet/buurtnet/resolvers/relay"
)

const (
	defaultPageSize = 50
	maxPageSize     = 500
	// maxSearch bounds filter.search: names are far shorter, and a long
	// pattern made SQLite fail with "pattern too complex".
	maxSearch = 200
)

// connection runs a list query: filter, sort, and offset paging with opaque
// cursors ("after" is the cursor of the last item seen). Every entity type's
// list is this one function; relay.Connection is the page it returns.
func connection[T buurtnet.Node](ctx context.Context, store buurtnet.Store, kind buurtnet.Kind, filter *buurtnet.NodeFilter, orderBy *model.OrderBy, first *int, after *string, lang *model.Language) (*relay.Connection[T], error) {
	f := buurtnet.NodeFilter{}
	if filter != nil {
		f = *filter
	}
	if n := utf8.RuneCountInString(f.Search); n > maxSearch {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "filter.search", "search is %d characters long; the limit is %d", n, maxSearch)
	}
	f.Kind = kind
	f.Lang = language(ctx, lang)
	if orderBy != nil {
		f.OrderBy = orderBy.Field
		f.Desc = orderBy.Direction != nil && *orderBy.Direction == model.SortDirectionDesc
	}
	f.Limit = defaultPageSize
	if first != nil {
		if *first < 0 || *first > maxPageSize {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 0 and %d", maxPageSize)
		}
		f.Limit = *first
	}
	if after != nil && *after != "" {
		offset, err := decodeCursor(*after)
		if err != nil {
			return nil, err
		}
		f.Offset = offset + 1
	}
	// first: 0 asks only for totalCount; the store reads Limit 0 as "all".
	limit := f.Limit
	if limit == 0 {
		f.Limit = 1
	}
	nodes, total, err := store.Find(ctx, f)
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		nodes = nil
	}
	c := &relay.Connection[T]{TotalCount: total, PageInfo: &relay.PageInfo{HasPreviousPage: f.Offset > 0, HasNextPage: f.Offset+len(nodes) < total}}
	for i, n := range nodes {
		t, ok := typed(n).(T)
		if !ok {
			return nil, fmt.Errorf("list %s: store returned a %T", kind, n)
		}
		c.Nodes = append(c.Nodes, t)
		c.Edges = append(c.Edges, &relay.Edge[T]{Cursor: encodeCursor(f.Offset + i), Node: t})
	}
	if len(c.Edges) > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[len(c.Edges)-1].Cursor
	}
	prime(ctx, c.Nodes)
	return c, nil
}

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if n, err := strconv.Atoi(strings.TrimPrefix(string(b), "offset:")); err == nil && n >= 0 && strings.HasPrefix(string(b), "offset:") {
			return n, nil
		}
	}
	return 0, buurtnet.FieldError(buurtnet.EINVALID, "after", "%q is not a cursor this service gave out", c)
}
