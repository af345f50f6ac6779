package server

import "github.com/vektah/gqlparser/v2/ast"

// syntaxNodeBytes is what a parsed and validated document holds, at most,
// for one node of its syntax tree (a field, argument, value, fragment,
// directive, variable or type), measured with TestDocumentSizeCoversTheTree
// on documents dense in each: 165–403 bytes, with their positions and the
// slices that hold them.
const syntaxNodeBytes = 500

// documentSize reckons a parsed document at its text, which is the cache's
// key, and syntaxNodeBytes for each node of its syntax tree. Reckoned at
// three times its text, as it was, a document dense in nodes held up to 25
// times its text ("{ a0: __typename a1: __typename … }", or a list of
// 14,000 ids in 56 kB), and the documents' cache, bounded at 16 MB by that
// count, held hundreds of megabytes: 300 distinct such documents took the
// service to 1 GB.
func documentSize(query string, doc *ast.QueryDocument) int {
	return len(query) + syntaxNodeBytes*syntaxNodes(doc)
}

// syntaxNodes counts the nodes of a document's syntax tree.
func syntaxNodes(doc *ast.QueryDocument) int {
	if doc == nil {
		return 0
	}
	n := 0
	for _, op := range doc.Operations {
		n += 1 + directiveNodes(op.Directives) + selectionNodes(op.SelectionSet)
		for _, v := range op.VariableDefinitions {
			n += 1 + typeNodes(v.Type) + valueNodes(v.DefaultValue) + directiveNodes(v.Directives)
		}
	}
	for _, f := range doc.Fragments {
		n += 1 + directiveNodes(f.Directives) + selectionNodes(f.SelectionSet)
	}
	return n
}

func selectionNodes(set ast.SelectionSet) int {
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			n += 1 + directiveNodes(s.Directives) + selectionNodes(s.SelectionSet)
			for _, a := range s.Arguments {
				n += 1 + valueNodes(a.Value)
			}
		case *ast.InlineFragment:
			n += 1 + directiveNodes(s.Directives) + selectionNodes(s.SelectionSet)
		case *ast.FragmentSpread:
			n += 1 + directiveNodes(s.Directives)
		}
	}
	return n
}

func directiveNodes(ds ast.DirectiveList) int {
	n := 0
	for _, d := range ds {
		n++
		for _, a := range d.Arguments {
			n += 1 + valueNodes(a.Value)
		}
	}
	return n
}

func valueNodes(v *ast.Value) int {
	if v == nil {
		return 0
	}
	n := 1
	for _, c := range v.Children {
		n += valueNodes(c.Value)
	}
	return n
}

func typeNodes(t *ast.Type) int {
	if t == nil {
		return 0
	}
	return 1 + typeNodes(t.Elem)
}
