package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/buurtnet/buurtnet/importer"
	"github.com/buurtnet/buurtnet/storetest"
)

// FuzzReadCSV feeds imported rows of every sheet to the reader: it must
// report problems, never panic, and what it accepts must validate.
func FuzzReadCSV(f *testing.F) {
	root := storetest.RepoRoot(f)
	for _, name := range []string{"organisations.csv", "projects.csv", "links.csv", "errors-organisations.csv"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata", "import", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name[:len(name)-4], b)
	}
	f.Add("territories", []byte("id;name_nl;kind\nterritory:x;X;SITE\n"))
	f.Add("links", []byte("kind,from,to,start,end\nPART_OF,territory:x,territory:x,2021-01-01,2020-01-01\n"))
	f.Fuzz(func(t *testing.T, sheet string, data []byte) {
		net, report, err := importer.ReadCSV(context.Background(), sheet, bytes.NewReader(data))
		if err != nil || net == nil {
			return
		}
		_ = report
		for _, n := range net.Nodes() {
			if err := n.Validate(); err != nil {
				t.Fatalf("accepted a row that does not validate: %v", err)
			}
		}
	})
}
