package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// Read reads a file by the type its name says: .xlsx, .csv (the file name
// says which sheet it is, see ReadCSV), .json (a buurtnet.Network, as
// exports write it) or .yaml / .yml (the demo-network format). It returns
// the network of the rows without problems and a report of the problems;
// pass both to Import. The error is for a file that cannot be read at all
// (EINVALID, Field "file"), or for a reader that fails.
func Read(name string, r io.Reader) (*buurtnet.Network, *Report, error) {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := strings.ToLower(filepath.Ext(base))
	switch ext {
	case ".xlsx":
		tables, err := readXLSX(r)
		if err != nil {
			return nil, nil, err
		}
		return readTables(tables)
	case ".csv":
		return ReadCSV(strings.TrimSuffix(base, filepath.Ext(base)), r)
	case ".json":
		var n buurtnet.Network
		dec := json.NewDecoder(r)
		dec.DisallowUnknownFields() // a misspelt key is reported, not ignored
		if err := dec.Decode(&n); err != nil {
			return nil, nil, unreadable("not a network document: %v", err)
		}
		return readDocument(&n)
	case ".yaml", ".yml":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", name, err)
		}
		n, err := buurtnet.ReadNetworkYAML(b)
		if err != nil {
			return nil, nil, err
		}
		return readDocument(n)
	}
	return nil, nil, unreadable("%s: not a file type the importer reads (.xlsx, .csv, .json, .yaml)", base)
}

// ReadCSV reads one CSV file as the named sheet ("organisations",
// "links" …; see the package comment).
func ReadCSV(sheet string, r io.Reader) (*buurtnet.Network, *Report, error) {
	t, err := readCSV(sheet, r)
	if err != nil {
		return nil, nil, err
	}
	return readTables([]*table{t})
}

func readTables(tables []*table) (*buurtnet.Network, *Report, error) {
	rep := newReport()
	var entries []*entry
	for _, t := range tables {
		entries = append(entries, readTable(t, rep)...)
	}
	return check(entries, rep), rep, nil
}

// readDocument checks a network document entry by entry, as rows: the
// section is the sheet, the position in it the row, the field the column.
func readDocument(n *buurtnet.Network) (*buurtnet.Network, *Report, error) {
	rep := newReport()
	var entries []*entry
	section := func(name string) *source {
		rep.addSheet(name)
		return &source{name: name, column: func(field string) string { return field }}
	}
	add := func(src *source, nodes []buurtnet.Node) {
		for i, node := range nodes {
			if reflect.ValueOf(node).IsNil() {
				rep.Problems = append(rep.Problems, Problem{Sheet: src.name, Row: i + 1, Message: "an empty entry"})
				continue
			}
			clearStamp(node)
			entries = append(entries, &entry{at: place{sheet: src, row: i + 1}, node: node})
		}
	}
	add(section("territories"), nodesOf(n.Territories))
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
		add(section(s.name), nodesOf(s.terms))
	}
	add(section("funders"), nodesOf(n.Funders))
	add(section("organisations"), nodesOf(n.Organisations))
	add(section("projects"), nodesOf(n.Projects))
	add(section("persons"), nodesOf(n.Persons))
	links := section("links")
	for i, l := range n.Links {
		if l == nil {
			rep.Problems = append(rep.Problems, Problem{Sheet: links.name, Row: i + 1, Message: "an empty entry"})
			continue
		}
		l.Stamp = buurtnet.Stamp{}
		entries = append(entries, &entry{at: place{sheet: links, row: i + 1}, link: l})
	}
	return check(entries, rep), rep, nil
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
