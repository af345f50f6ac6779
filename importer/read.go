package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// Read reads a file by the type its name says: .xlsx, .csv (the file name
// says which sheet it is, see ReadCSV), .json (a buurtnet.Network, as
// exports write it) or .yaml / .yml (the demo-network format). It returns
// the network of the rows without problems and a report of the problems;
// pass both to Import. Spreadsheets are read a row at a time, within the
// limits (MaxRows and the others) and ctx's deadline. The error is for a
// file that cannot be read at all or is past a limit (EINVALID, Field
// "file"), for the deadline, or for a reader that fails.
func Read(ctx context.Context, name string, r io.Reader) (*buurtnet.Network, *Report, error) {
	return ReadWithin(ctx, name, r, UploadDocumentLimits)
}

// ReadWithin is Read with the bounds of a network document given.
func ReadWithin(ctx context.Context, name string, r io.Reader, limits DocumentLimits) (*buurtnet.Network, *Report, error) {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := strings.ToLower(filepath.Ext(base))
	switch ext {
	case ".xlsx":
		tables, close, err := readXLSX(r)
		if err != nil {
			return nil, nil, err
		}
		defer close()
		return readTables(ctx, tables)
	case ".csv":
		return ReadCSV(ctx, strings.TrimSuffix(base, filepath.Ext(base)), r)
	case ".json", ".yaml", ".yml":
		b, err := readAll(r, limits.Bytes)
		if errors.Is(err, errOverBudget) {
			return nil, nil, tooLarge("%s is larger than %d MiB, the most one import takes", base, limits.Bytes>>20)
		} else if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", name, err)
		}
		var n *buurtnet.Network
		if ext == ".json" {
			if n, err = decodeNetwork(b); err != nil {
				return nil, nil, unreadable("not a network document: %v", err)
			}
		} else if n, err = buurtnet.ReadNetworkYAML(b); err != nil {
			return nil, nil, err
		}
		return readDocument(ctx, n, limits.Entries)
	}
	return nil, nil, unreadable("%s: not a file type the importer reads (.xlsx, .csv, .json, .yaml)", base)
}

// ReadCSV reads one CSV file as the named sheet ("organisations",
// "links" …; see the package comment), a row at a time, as Read does.
func ReadCSV(ctx context.Context, sheet string, r io.Reader) (*buurtnet.Network, *Report, error) {
	return readTables(ctx, []*table{readCSV(sheet, r)})
}

func readTables(ctx context.Context, tables []*table) (*buurtnet.Network, *Report, error) {
	rep := newReport()
	var entries []*entry
	cells := 0
	for _, t := range tables {
		es, err := readTable(ctx, t, rep, &cells)
		if err != nil {
			return nil, nil, err
		}
		entries = append(entries, es...)
	}
	net, err := check(ctx, entries, rep)
	if err != nil {
		return nil, nil, err
	}
	return net, rep, nil
}

// readDocument checks a network document entry by entry, as rows: the
// section is the sheet, the position in it the row, the field the column.
// A section may hold maxEntries entries, as a sheet may hold rows.
func readDocument(ctx context.Context, n *buurtnet.Network, maxEntries int) (*buurtnet.Network, *Report, error) {
	rep := newReport()
	var entries []*entry
	var tooMany error
	section := func(name string, count int) *source {
		rep.addSheet(name)
		if count > maxEntries && tooMany == nil {
			tooMany = tooLarge("the %s section has %d entries, more than the %d one import takes", name, count, maxEntries)
		}
		return &source{name: name, column: func(field string) string { return field }}
	}
	add := func(src *source, nodes []buurtnet.Node) {
		for i, node := range nodes {
			if reflect.ValueOf(node).IsNil() {
				rep.addProblem(Problem{Sheet: src.name, Row: i + 1, Message: "an empty entry"})
				continue
			}
			clearStamp(node)
			entries = append(entries, &entry{at: place{sheet: src, row: i + 1}, node: node})
		}
	}
	add(section("territories", len(n.Territories)), nodesOf(n.Territories))
	for _, s := range []struct {
		name  string
		kind  buurtnet.Kind
		terms []*buurtnet.Term
	}{{"themes", buurtnet.KindTheme, n.Themes}, {"targetGroups", buurtnet.KindTargetGroup, n.TargetGroups}, {"functions", buurtnet.KindFunction, n.Functions}} {
		for _, t := range s.terms {
			if t != nil {
				t.Kind = s.kind // the section says what a term is
			}
		}
		add(section(s.name, len(s.terms)), nodesOf(s.terms))
	}
	add(section("funders", len(n.Funders)), nodesOf(n.Funders))
	add(section("organisations", len(n.Organisations)), nodesOf(n.Organisations))
	add(section("projects", len(n.Projects)), nodesOf(n.Projects))
	add(section("persons", len(n.Persons)), nodesOf(n.Persons))
	add(section("consultations", len(n.Consultations)), nodesOf(n.Consultations))
	add(section("cycles", len(n.Cycles)), nodesOf(n.Cycles))
	add(section("meetings", len(n.Meetings)), nodesOf(n.Meetings))
	links := section("links", len(n.Links))
	if tooMany != nil {
		return nil, nil, tooMany
	}
	for i, l := range n.Links {
		if l == nil {
			rep.addProblem(Problem{Sheet: links.name, Row: i + 1, Message: "an empty entry"})
			continue
		}
		l.Stamp = buurtnet.Stamp{}
		entries = append(entries, &entry{at: place{sheet: links, row: i + 1}, link: l})
	}
	net, err := check(ctx, entries, rep)
	if err != nil {
		return nil, nil, err
	}
	return net, rep, nil
}

func nodesOf[T buurtnet.Node](xs []T) []buurtnet.Node {
	out := make([]buurtnet.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// clearStamp drops the timestamps a document may carry: they are another
// store's record of its own changes, and this store keeps its own.
func clearStamp(n buurtnet.Node) {
	switch t := n.(type) {
	case *buurtnet.Organisation:
		t.Stamp = buurtnet.Stamp{}
	case *buurtnet.Project:
		t.Stamp = buurtnet.Stamp{}
	case *buurtnet.Territory:
		t.Stamp = buurtnet.Stamp{}
	case *buurtnet.Funder:
		t.Stamp = buurtnet.Stamp{}
	case *buurtnet.Term:
		t.Stamp = buurtnet.Stamp{}
	}
}

// readAll reads r within budget bytes. The buffer of a file, or of a
// reader of bytes in memory, is made its size at once, rather than doubled
// some twenty times over a region's document.
func readAll(r io.Reader, budget int64) ([]byte, error) {
	var buf bytes.Buffer
	size := int64(-1)
	switch r := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := r.Stat(); err == nil {
			size = st.Size()
		}
	case interface{ Len() int }:
		size = int64(r.Len())
	}
	if size > 0 && size <= budget {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(newBudgetReader(r, budget))
	return buf.Bytes(), err
}
