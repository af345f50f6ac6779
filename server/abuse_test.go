package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/server"
)

// Each test sends a request an attacker sent in the review of the service
// (issue "Abuse resistance"), at the size reported where that stays fast,
// and checks that it is refused or bounded.

// repeat joins n copies of item(i).
func repeat(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(item(i))
		b.WriteByte(' ')
	}
	return b.String()
}

func errorCodes(errs []gqlError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprint(e.Extensions["code"]))
	}
	return out
}

func TestRepeatedFieldsAreRefusedBeforeValidation(t *testing.T) {
	s := newDemoServer(t)
	// 8,000 repeats (40 KB) took 6.1 s to validate.
	errs := s.do(t, `{ me { `+repeat(8000, func(int) string { return "name" })+` } }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	assert.Contains(t, errs[0].Message, "limit is 1000")

	// 50,000 repeats kept a core busy for minutes.
	errs = s.do(t, `{ me { `+repeat(50000, func(int) string { return "name" })+` } }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "TOKEN_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// A fragment spread twice in a fragment spread twice, 30 deep, is 2^30
	// fields once expanded: counted, not expanded.
	var frags strings.Builder
	frags.WriteString("fragment F0 on Caller { name }\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&frags, "fragment F%d on Caller { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	errs = s.do(t, `{ me { ...F30 } } `+frags.String(), nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// Under the field limit, repeats are bounded by the pairs validation
	// would compare: 900 repeats were 0.1 s of validation.
	errs = s.do(t, `{ me { `+repeat(900, func(int) string { return "name" })+` } }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "REPEATED_FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	// Also in a fragment no operation spreads: validation checks it anyway.
	errs = s.do(t, `{ me { name } } fragment Unused on Caller { `+repeat(900, func(int) string { return "name" })+` }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "REPEATED_FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	// And nested: 30 repeats of 30 repeats are 900 fields merged into one set.
	errs = s.do(t, `{ `+repeat(30, func(int) string { return "me { " + repeat(30, func(int) string { return "name" }) + " }" })+` }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "REPEATED_FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// A few repeats, as fragments that share fields make, are fine.
	var got struct{ Me struct{ Name string } }
	s.mustDo(t, `{ me { `+repeat(50, func(int) string { return "name" })+` } }`, nil, &got)
}

func TestConflictingAliasesGiveFewErrors(t *testing.T) {
	s := newDemoServer(t)
	alias := func(i int) string { return fmt.Sprintf(`n: node(id:"org:a%d"){id}`, i) }
	// 1,000 aliases gave a 135 MB answer.
	errs := s.do(t, `{ `+repeat(1000, alias)+` }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// Under the field limit, 450 of them took 0.4 s to compare pairwise.
	errs = s.do(t, `{ `+repeat(450, alias)+` }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "REPEATED_FIELD_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// Unknown fields, each an error of a rule gqlgen adds itself: cut too.
	errs = s.do(t, `{ `+repeat(500, func(i int) string { return fmt.Sprintf("f%d", i) })+` }`, nil, nil)
	require.Len(t, errs, 21)
	assert.Contains(t, errs[20].Message, "only the first 20 are listed")
	assert.Equal(t, "GRAPHQL_VALIDATION_FAILED", errs[20].Extensions["code"])

	// Under that limit, 60 aliases still conflict in 1,770 pairs: the list is cut.
	errs = s.do(t, `{ `+repeat(60, alias)+` }`, nil, nil)
	require.Len(t, errs, 21)
	assert.Equal(t, "GRAPHQL_VALIDATION_FAILED", errs[0].Extensions["code"])
	assert.Contains(t, errs[20].Message, "only the first 20 are listed")
}

func TestAnalysesAreCostedAndCapped(t *testing.T) {
	s := newDemoServer(t)

	// 9,000 aliases of synergies(first:1) ran 33 s.
	errs := s.do(t, `{ `+repeat(9000, func(i int) string { return fmt.Sprintf("s%d: synergies(first:1){score}", i) })+` }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Contains(t, []string{"TOKEN_LIMIT_EXCEEDED", "FIELD_LIMIT_EXCEEDED"}, errs[0].Extensions["code"])

	// 1,000 of overlaps or gaps took 3.7 s.
	for _, field := range []string{`overlaps(project:"project:boost"){project{id}}`, `gaps(territory:"territory:brabantwijk"){territory{id}}`} {
		errs = s.do(t, `{ `+repeat(1000, func(i int) string { return fmt.Sprintf("a%d: %s", i, field) })+` }`, nil, nil)
		require.Len(t, errs, 1)
		assert.Contains(t, []string{"TOKEN_LIMIT_EXCEEDED", "FIELD_LIMIT_EXCEEDED"}, errs[0].Extensions["code"])
	}

	// Six analyses in one operation are one too many, however spread.
	six := `{ a: synergies(first:1){score} b: synergies(first:1){score} ...More }
		fragment More on Query { c: overlaps(project:"project:boost"){project{id}} ... on Query { d: gaps(territory:"territory:brabantwijk"){territory{id}} }
		e: stakeholderMap(project:"project:boost"){project{id}} f: overlaps(project:"project:boost"){project{id}} }`
	errs = s.do(t, six, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "ANALYSIS_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	assert.EqualValues(t, 6, errs[0].Extensions["analyses"])
	s.mustDo(t, strings.Replace(six, `f: overlaps(project:"project:boost"){project{id}}`, "", 1), nil, nil)

	// The network questions count as analyses too.
	network := `{ a: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}} b: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}}
		c: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}} d: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}}
		e: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}} f: isolation(territory:"territory:brabantwijk"){isolatedProjects{id}} }`
	errs = s.do(t, network, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "ANALYSIS_LIMIT_EXCEEDED", errs[0].Extensions["code"])

	// An analysis costs far more than a field: a small budget allows one.
	small := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 1000}})
	small.mustDo(t, `{ overlaps(project:"project:boost"){project{id}} }`, nil, nil)
	errs = small.do(t, `{ a: overlaps(project:"project:boost"){project{id}} b: gaps(territory:"territory:brabantwijk"){territory{id}} }`, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"])
}

func TestSynergiesReturnWhatIsCharged(t *testing.T) {
	s := newDemoServer(t)
	// first: 0 returned every pair while charged as 20.
	s.expectError(t, `{ synergies(first: 0) { score } }`, nil, "INVALID", "first")
	s.expectError(t, `{ synergies(first: 101) { score } }`, nil, "INVALID", "first")
	var got struct{ Synergies []struct{ Score float64 } }
	s.mustDo(t, `{ synergies(first: 100) { score } }`, nil, &got)
	assert.NotEmpty(t, got.Synergies)
	assert.LessOrEqual(t, len(got.Synergies), 100)
	// Charged per pair asked: 100 pairs of a costly selection exceed a small budget.
	small := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 1000}})
	errs := small.do(t, `{ synergies(first: 100) { score reasons { code message } projects { id name } } }`, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"])
}

func TestNodesIsCappedAndCharged(t *testing.T) {
	s := newDemoServer(t)
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("org:a%d", i)
		}
		return out
	}
	// 40,000 ids ran into the timeout: refused at once, literal or variable.
	errs := s.do(t, `{ nodes(ids: `+jsonValue(ids(40000))+`) { id } }`, nil, nil)
	require.Len(t, errs, 1)
	assert.Equal(t, "TOKEN_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	s.expectError(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(40000)}, "INVALID", "variables")
	s.expectError(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(4000)}, "INVALID", "ids")
	small := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 50}})
	errs = small.do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(100)}, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"], "charged per id")

	s.expectError(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(101)}, "INVALID", "ids")
	var got struct{ Nodes []*struct{ ID string } }
	s.mustDo(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids(100)}, &got)
	assert.Len(t, got.Nodes, 100)
}

func TestMultipartPartsObeyTheBodyLimit(t *testing.T) {
	s := newDemoServer(t)
	send := func(operations string) (int, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		require.NoError(t, mw.WriteField("operations", operations))
		require.NoError(t, mw.WriteField("map", `{}`))
		require.NoError(t, mw.Close())
		req, err := http.NewRequest(http.MethodPost, s.URL+"/query", &buf)
		require.NoError(t, err)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// A 3 MB operations part was executed, anonymously, where the same JSON got 400.
	status, body := send(`{"query":"{ projects { totalCount } }","variables":{"pad":"` + strings.Repeat("x", 3<<20) + `"}}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, `"code":"INVALID"`)
	assert.Contains(t, body, `"field":"operations"`)
	assert.NotContains(t, body, "totalCount")

	status, body = send(`{"query":"{ projects { totalCount } }"}`)
	assert.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, "totalCount")
}

func TestClientMistakesAreInvalidAndNotLogged(t *testing.T) {
	s := newDemoServer(t)
	var log bytes.Buffer
	logged := &demoServer{Server: httptest.NewServer(server.NewHandler(server.Config{Store: s.store, Logger: slog.New(slog.NewJSONHandler(&log, nil))}))}
	t.Cleanup(logged.Close)
	const secret = "someone@example.org"
	post := func(body string) (int, string) {
		resp, err := http.Post(logged.URL+"/query", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for name, body := range map[string]string{
		"MalformedJSON": `{"query": "{ projects { totalCount } }", "variables": {"email": "` + secret + `"`,
		"Batch":         `[{"query":"{ projects { totalCount } }","variables":{"email":"` + secret + `"}}]`,
		"WrongTypes":    `{"query": ["` + secret + `"]}`,
		"NotAnObject":   `"` + secret + `"`,
	} {
		t.Run(name, func(t *testing.T) {
			status, answer := post(body)
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, answer, `"code":"INVALID"`)
			assert.NotContains(t, answer, secret, "the body is not echoed")
			assert.NotContains(t, answer, `"data"`)
		})
	}
	t.Run("LongSearch", func(t *testing.T) {
		// 50,000 bytes made SQLite fail with "pattern too complex", reported as INTERNAL.
		q := `query($s: String) { organisations(filter: {search: $s}) { totalCount } }`
		errs := logged.do(t, q, map[string]any{"s": strings.Repeat("%_", 25000)}, nil)
		require.Len(t, errs, 1)
		assert.Equal(t, "INVALID", errs[0].Extensions["code"])
		assert.Equal(t, "filter.search", errs[0].Extensions["field"])
		logged.mustDo(t, q, map[string]any{"s": strings.Repeat("é", 200)}, nil)
	})
	t.Run("IntrospectionOff", func(t *testing.T) {
		prod := s.withConfig(t, server.Config{Introspection: false})
		prod.expectError(t, `{ __schema { types { name } } }`, nil, "INVALID", "__schema")
		prod.expectError(t, `{ __type(name: "Project") { name } }`, nil, "INVALID", "__type")
		// Without introspection, errors must not list the schema's names.
		errs := prod.do(t, `{ projcts { totalCount } organisations(filtr: {}) { totalCount } projects(orderBy: {field: NAM}) { totalCount } }`, nil, nil)
		require.NotEmpty(t, errs)
		for _, e := range errs {
			assert.NotContains(t, e.Message, "Did you mean", e.Message)
			assert.NotContains(t, e.Message, `"projects"`, e.Message)
		}
		// With it on, suggestions help.
		errs = s.do(t, `{ projcts { totalCount } }`, nil, nil)
		require.NotEmpty(t, errs)
		assert.Contains(t, errs[0].Message, "Did you mean")
	})
	assert.NotContains(t, log.String(), secret, "request bodies are never logged")
	assert.NotContains(t, log.String(), `"level":"ERROR"`, "client mistakes are not server errors")
}

func TestStandardIntrospectionQueryPassesTheDepthLimit(t *testing.T) {
	s := newDemoServer(t)
	query, err := os.ReadFile(filepath.Join("testdata", "introspection.graphql")) // graphql-js getIntrospectionQuery()
	require.NoError(t, err)
	var got struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	s.mustDo(t, string(query), nil, &got)
	assert.NotEmpty(t, got.Schema.Types)
	// The exemption is for introspection only.
	errs := s.do(t, `{ node(id: "territory:brabantwijk") { ... on Territory { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { id } } } } } } } } } } } } } } }`, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "DEPTH_LIMIT_EXCEEDED", errs[0].Extensions["code"])
}

func TestMetricsLabelsAreBounded(t *testing.T) {
	s := newDemoServer(t).withConfig(t, server.Config{})
	post := func(body map[string]any) {
		b, _ := json.Marshal(body)
		resp, err := http.Post(s.URL+"/query", "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		resp.Body.Close()
	}
	// 1,000 invented names grew /metrics by 2.2 MB, for ever.
	for i := range 300 {
		post(map[string]any{"query": fmt.Sprintf("query Op%d { me { name } }", i)})
	}
	// A name cut at byte 64 inside a character made the metrics client panic;
	// a name the document does not hold is no label at all.
	post(map[string]any{"query": "{ me { name } }", "operationName": strings.Repeat("é", 40)})
	post(map[string]any{"query": "query Real { me { name } }", "operationName": "Invented"})

	resp, err := http.Get(s.URL + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	b, _ := io.ReadAll(resp.Body)
	labels := map[string]bool{}
	for _, m := range regexp.MustCompile(`buurtnet_graphql_operations_total\{operation="([^"]*)"`).FindAllStringSubmatch(string(b), -1) {
		labels[m[1]] = true
	}
	assert.Len(t, labels, 201, "200 names and other")
	assert.True(t, labels["other"])
	assert.True(t, labels["Op0"])
	assert.False(t, labels["Op299"])
	assert.NotContains(t, string(b), "é")
	assert.NotContains(t, string(b), "Invented")
}

func TestOtherMethodsAreRefused(t *testing.T) {
	s := newDemoServer(t)
	req, err := http.NewRequest(http.MethodPut, s.URL+"/query", strings.NewReader(`{"query":"{ me { name } }"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "GET, POST", resp.Header.Get("Allow"))
	assert.Contains(t, string(b), `"code":"INVALID"`)
}

func TestFragmentCyclesAreRefusedNotFollowed(t *testing.T) {
	s := newDemoServer(t)
	errs := s.do(t, `{ me { ...A } } fragment A on Caller { name ...B } fragment B on Caller { name ...A }`, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "GRAPHQL_VALIDATION_FAILED", errs[0].Extensions["code"])
	assert.Contains(t, errs[0].Message, "Cannot spread fragment")
}
