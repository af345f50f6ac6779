package importer

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/synthetic"
)

// A document decoded in pieces is the document decoded whole.
func TestDecodeInPiecesAsWhole(t *testing.T) {
	for seed := range int64(4) {
		b, err := json.Marshal(synthetic.Network(synthetic.TierS, seed+1))
		require.NoError(t, err)
		want, err := decodeWhole(b)
		require.NoError(t, err)
		for _, size := range []int{1, 1000, 64 << 10, len(b)} {
			var pieces [][]byte
			ok := splitSections(b, size, func(p []byte) { pieces = append(pieces, p) })
			require.True(t, ok)
			if size == 1 {
				assert.Greater(t, len(pieces), len(want.Links), "an entry per piece")
			}
			got, err := decodeInPieces(b, size)
			require.NoError(t, err)
			assert.Equal(t, want, got, "seed %d, pieces of %d bytes", seed+1, size)
		}
	}
}

// A document the decoder of the whole refuses gets its error, and one of a
// shape decodeInPieces does not cut is decoded whole, to the same network.
func TestDecodeInPiecesOddDocuments(t *testing.T) {
	for _, doc := range []string{
		``,
		`[]`,
		`{}`,
		` { "themes" : [ { "id" : "theme:a" } , {"id":"theme:b"} ] } `,
		`{"themes":[{"id":"theme:a"}],}`,
		`{"themes":[{"id":"theme:a"},]}`,
		`{"themes":[{"id":"theme:a"} {"id":"theme:b"}]}`,
		`{"themes":[{"id":"theme:a"}]`,
		`{"themes":[{"id":"theme:a"}]} {"themes":[]}`,
		`{"themes":[{"id":"theme:a"}]}}`,
		`{"themes":null,"links":[]}`,
		`{"themes":[null,{"id":"theme:a"},null]}`,
		`{"themes":[1,true,"x"]}`,
		`{"themes":{"id":"theme:a"}}`,
		`{"themes":[{"id":"theme:a"}],"themes":[{"id":"theme:b"}]}`,
		`{"Themes":[{"id":"theme:a"}],"themes":[{"id":"theme:b"}]}`,
		`{"themez":[{"id":"theme:a"}]}`,
		`{"themes":[{"id":"theme:a","colour":"red"}]}`,
		`{"themes":[{"id":"theme:\"a]},{\\"}]}`,
		`{"themes":[{"id":"theme:a","name":{"nl":"[{,}]"}}]}`,
		"{\"themes\":[{\"id\":\"theme:a\u0001\"}]}",
		`{"themes":[{"id":"theme:a"}],"links":[{"kind":"ADDRESSES","from":"project:p","to":"theme:a"},{"kind":3}]}`,
		`{"themes":[{"id":"theme:a"}],"links":[{"kind":"ADDRESSES","from":"project:p","to":"theme:a"}`,
	} {
		t.Run(fmt.Sprintf("%.40s", doc), func(t *testing.T) {
			want, wantErr := decodeWhole([]byte(doc))
			for _, size := range []int{1, 1 << 20} {
				got, err := decodeInPieces([]byte(doc), size)
				if wantErr != nil {
					require.Error(t, err)
					assert.Equal(t, wantErr.Error(), err.Error())
					continue
				}
				require.NoError(t, err)
				assert.Equal(t, want, got)
			}
		})
	}
}

// Whatever the bytes, decoding in pieces answers what decoding whole does.
func FuzzDecodeInPieces(f *testing.F) {
	f.Add([]byte(`{"themes":[{"id":"theme:a"},{"id":"theme:b","name":{"nl":"[x]"}}],"links":[]}`), 1)
	f.Add([]byte(`{"themes":[{"id":"theme:a"},]}`), 1)
	f.Add([]byte(`{"territories":[{"id":"territory:t","kind":"CITY"}],"Themes":[]}`), 8)
	f.Fuzz(func(t *testing.T, doc []byte, size int) {
		want, wantErr := decodeWhole(doc)
		got, err := decodeInPieces(doc, max(size, 1))
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("decoding in pieces: %v; whole: %v", err, wantErr)
		}
		if err == nil {
			assert.Equal(t, want, got)
		}
	})
}
