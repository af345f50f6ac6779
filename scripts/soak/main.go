// Command soak checks that abusive requests do not slow down normal ones.
// It starts the service on the demo network on a loopback port (SQLite,
// default limits and rate limit), then sends normal traffic at a steady rate,
// with a viewer token, for a third of -duration alone, a third beside
// anonymous clients sending normal requests back to back (ordinary load, the
// control), and a third beside as many anonymous clients sending, back to
// back, the abusive requests of the review
// "Abuse resistance" (repeated fields, conflicting aliases, analyses by the
// thousand, 40,000 node ids, a 3 MB multipart part, invented operation
// names, malformed bodies …). It reports the latency of normal requests in
// each third, what each abusive request got, and the service's peak heap.
// With -rate-limit 0 the limits alone face the abuse.
//
//	go run ./scripts/soak -duration 60s
//	go run ./scripts/soak -duration 60s -rate-limit 0
//
// It only talks to the service it starts, and stops after -duration.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

func main() {
	cfg := Config{}
	flag.DurationVar(&cfg.Duration, "duration", 60*time.Second, "how long to run: a third normal traffic alone, a third beside ordinary load, a third beside abuse")
	flag.Float64Var(&cfg.Rate, "rate", 20, "normal requests per second")
	flag.IntVar(&cfg.Abusers, "abusers", 4, "clients sending abusive requests back to back")
	flag.Float64Var(&cfg.RateLimit, "rate-limit", 50, "the service's rate limit per caller (requests/s; 0: none), as --rate-limit")
	flag.IntVar(&cfg.Burst, "rate-burst", 100, "the service's burst, as --rate-burst")
	flag.IntVar(&cfg.Concurrent, "max-concurrent", 2, "requests of one caller the service runs at once, as --max-concurrent")
	flag.Parse()
	report, err := Run(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
	report.Print(os.Stdout)
	if problems := report.Problems(); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "soak:", p)
		}
		os.Exit(1)
	}
}

// Config bounds a soak run.
type Config struct {
	Duration time.Duration
	// Rate is the normal requests per second.
	Rate    float64
	Abusers int
	// RateLimit and Burst are the service's rate limit per caller,
	// Concurrent how many requests of one caller it runs at once.
	RateLimit  float64
	Burst      int
	Concurrent int
}

// normal is what facilitators' screens ask (the load test's mix).
var normal = []string{
	`{ projects(first: 20) { totalCount nodes { id name partners { role organisation { name } } territories { territory { name } } } } }`,
	`{ overlaps(project: "project:boost") { project { name } places { relation territory { name } otherTerritory { name } } funders { name } } }`,
	`{ synergies(territory: "territory:brussels-region", first: 10) { score reasons { code message } projects { name } } }`,
	`{ gaps(territory: "territory:brabantwijk") { missingFunctions { name } coveredThemes { theme { name } projects { name } } } }`,
}

// abuse is one abusive request and the error code it must get ("" : it
// runs, bounded).
type abuse struct {
	name, want string
	request    func(url string, i int) *http.Request
}

func repeat(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(item(i))
		b.WriteByte(' ')
	}
	return b.String()
}

func jsonRequest(url string, body []byte) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

func gql(query string, vars map[string]any) func(string, int) *http.Request {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return func(url string, _ int) *http.Request { return jsonRequest(url, body) }
}

func raw(body string) func(string, int) *http.Request {
	return func(url string, _ int) *http.Request { return jsonRequest(url, []byte(body)) }
}

func abuses() []abuse {
	name := func(int) string { return "name" }
	ids := make([]string, 40000)
	for i := range ids {
		ids[i] = fmt.Sprintf("org:a%d", i)
	}
	var frags strings.Builder
	frags.WriteString("fragment F0 on Caller { name }\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&frags, "fragment F%d on Caller { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	introspection := `query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	_ = mw.WriteField("operations", `{"query":"{ projects { totalCount } }","variables":{"pad":"`+strings.Repeat("x", 3<<20)+`"}}`)
	_ = mw.WriteField("map", `{}`)
	_ = mw.Close()
	multipartBody := func(url string, _ int) *http.Request {
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(form.Bytes()))
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return req
	}
	return []abuse{
		{"8,000 repeated fields", "FIELD_LIMIT_EXCEEDED", gql(`{ me { `+repeat(8000, name)+` } }`, nil)},
		{"50,000 repeated fields", "TOKEN_LIMIT_EXCEEDED", gql(`{ me { `+repeat(50000, name)+` } }`, nil)},
		{"1,000 conflicting aliases", "FIELD_LIMIT_EXCEEDED", gql(`{ `+repeat(1000, func(i int) string { return fmt.Sprintf(`n: node(id:"org:a%d"){id}`, i) })+` }`, nil)},
		{"450 conflicting aliases", "REPEATED_FIELD_LIMIT_EXCEEDED", gql(`{ `+repeat(450, func(i int) string { return fmt.Sprintf(`n: node(id:"org:a%d"){id}`, i) })+` }`, nil)},
		{"fragments spread 2^30 times", "FIELD_LIMIT_EXCEEDED", gql(`{ me { ...F30 } } `+frags.String(), nil)},
		{"9,000 synergies aliases", "TOKEN_LIMIT_EXCEEDED", gql(`{ `+repeat(9000, func(i int) string { return fmt.Sprintf("s%d: synergies(first:1){score}", i) })+` }`, nil)},
		{"60 conflicting aliases", "GRAPHQL_VALIDATION_FAILED", gql(`{ `+repeat(60, func(i int) string { return fmt.Sprintf(`n: node(id:"org:a%d"){id}`, i) })+` }`, nil)},
		{"1,000 overlaps aliases", "FIELD_LIMIT_EXCEEDED", gql(`{ `+repeat(1000, func(i int) string { return fmt.Sprintf(`o%d: overlaps(project:"project:boost"){project{id}}`, i) })+` }`, nil)},
		{"6 analyses", "ANALYSIS_LIMIT_EXCEEDED", gql(`{ `+repeat(6, func(i int) string {
			return fmt.Sprintf(`g%d: gaps(territory:"territory:brabantwijk"){territory{id}}`, i)
		})+` }`, nil)},
		{"synergies(first: 0)", "INVALID", gql(`{ synergies(first: 0) { score } }`, nil)},
		{"nodes with 40,000 ids", "INVALID", gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})},
		{"3 MB multipart operations", "INVALID", multipartBody},
		{"invented operation name", "", func(url string, i int) *http.Request {
			return gql(fmt.Sprintf("query Invented%d { me { name } }", i), nil)(url, i)
		}},
		{"malformed JSON", "INVALID", raw(`{"query": "{ me { name } }", "variables": {`)},
		{"JSON batch", "INVALID", raw(`[{"query":"{ me { name } }"},{"query":"{ me { name } }"}]`)},
		{"50,000-byte search", "INVALID", gql(`query($s: String) { organisations(filter: {search: $s}) { totalCount } }`, map[string]any{"s": strings.Repeat("%_", 25000)})},
		{"deep partOf/parts", "DEPTH_LIMIT_EXCEEDED", gql(`{ node(id: "territory:brabantwijk") { ... on Territory { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { id } } } } } } } } } } } } } } }`, nil)},
		{"GraphiQL introspection", "", gql(introspection, nil)},
	}
}

// Report is what a soak run measured.
type Report struct {
	Config
	// Phases: normal traffic alone, beside as many clients sending normal
	// requests back to back (the control: ordinary load), and beside the
	// abusive clients.
	Phases []Phase
	Abuse  []AbuseResult
}

// Phase is the normal traffic of one third of the run.
type Phase struct {
	Name string
	// Normal are the latencies of the normal requests, Failed how many failed.
	Normal []time.Duration
	Failed int
	// Background is how many requests the other clients sent.
	Background int
	// ServiceCPU is the CPU time the service used, PeakRSS its largest
	// resident memory.
	ServiceCPU time.Duration
	PeakRSS    uint64
}

// AbuseResult is what one kind of abusive request got.
type AbuseResult struct {
	Name, Want string
	Sent       int
	// Codes counts the first error code of each answer ("" for none).
	Codes     map[string]int
	Latencies []time.Duration
	MaxBytes  int
}

// childEnv, set, makes this program the service of a soak (see serve).
const childEnv = "BUURTNET_SOAK_SERVICE"

func init() {
	if cfg := os.Getenv(childEnv); cfg != "" {
		if err := serve(cfg); err != nil {
			fmt.Fprintln(os.Stderr, "soak service:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
}

// serve is the service of a soak, in a process of its own so that its CPU
// time and memory can be told from the clients': the demo network in
// SQLite, the handler with default limits, on a loopback port. It prints
// "address token" and serves until its standard input closes.
func serve(config string) error {
	var cfg Config
	if err := json.Unmarshal([]byte(config), &cfg); err != nil {
		return err
	}
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "buurtnet-soak")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "soak.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	network, err := demo.Network()
	if err != nil {
		return err
	}
	if _, err := db.Apply(ctx, network, buurtnet.ApplyOptions{}); err != nil {
		return err
	}
	tok, secret, err := buurtnet.NewToken("soak", buurtnet.RoleViewer)
	if err != nil {
		return err
	}
	if err := db.CreateToken(ctx, tok); err != nil {
		return err
	}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: db, Introspection: true,
		Access: server.Access{RatePerSecond: cfg.RateLimit, Burst: cfg.Burst, ConcurrentPerCaller: cfg.Concurrent},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()
	fmt.Println(srv.URL, secret)
	_, _ = io.Copy(io.Discard, os.Stdin)
	return nil
}

// service is the soak's service process.
type service struct {
	cmd   *exec.Cmd
	stdin io.Closer
	url   string
	token string
}

func startService(cfg Config) (*service, error) {
	config, _ := json.Marshal(cfg)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childEnv+"="+string(config))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the service: %w", err)
	}
	var base, token string
	if _, err := fmt.Fscanln(stdout, &base, &token); err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("the service did not start: %w", err)
	}
	return &service{cmd: cmd, stdin: stdin, url: base + "/query", token: token}, nil
}

func (s *service) stop() {
	_ = s.stdin.Close()
	_ = s.cmd.Wait()
}

// cpu is the service's CPU time so far (Linux; 0 elsewhere).
func (s *service) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses.
	fields := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	var user, system int64
	fmt.Sscan(fields[11], &user)
	fmt.Sscan(fields[12], &system)
	return time.Duration(user+system) * time.Second / 100 // USER_HZ is 100 on Linux
}

// rss is the service's resident memory (Linux; 0 elsewhere).
func (s *service) rss() uint64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb uint64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}

// Run starts the service and soaks it.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	svc, err := startService(cfg)
	if err != nil {
		return nil, err
	}
	defer svc.stop()
	secret := svc.token
	client := &http.Client{Timeout: 60 * time.Second}

	list := abuses()
	results := make([]AbuseResult, len(list))
	for i, a := range list {
		results[i] = AbuseResult{Name: a.name, Want: a.want, Codes: map[string]int{}}
	}
	var mu sync.Mutex
	abusive := func(url string, n int) (*http.Request, func(code string, took time.Duration, size int)) {
		k := n % len(list)
		return list[k].request(url, n), func(code string, took time.Duration, size int) {
			mu.Lock()
			defer mu.Unlock()
			res := &results[k]
			res.Sent++
			res.Codes[code]++
			res.Latencies = append(res.Latencies, took)
			res.MaxBytes = max(res.MaxBytes, size)
		}
	}
	busy := func(url string, n int) (*http.Request, func(string, time.Duration, int)) {
		return gql(normal[n%len(normal)], nil)(url, n), func(string, time.Duration, int) {}
	}

	r := &Report{Config: cfg}
	third := cfg.Duration / 3
	for _, p := range []struct {
		name       string
		background func(string, int) (*http.Request, func(string, time.Duration, int))
	}{
		{"alone", nil},
		{fmt.Sprintf("beside %d clients of normal requests", cfg.Abusers), busy},
		{fmt.Sprintf("beside %d abusive clients", cfg.Abusers), abusive},
	} {
		r.Phases = append(r.Phases, runPhase(ctx, client, svc, secret, cfg, third, p.name, p.background))
	}
	r.Abuse = results
	return r, nil
}

// runPhase sends normal traffic for d while cfg.Abusers clients send
// background requests (none when background is nil) back to back.
func runPhase(ctx context.Context, client *http.Client, svc *service, token string, cfg Config, d time.Duration, name string,
	background func(string, int) (*http.Request, func(code string, took time.Duration, size int))) Phase {
	p := Phase{Name: name}
	url := svc.url
	cpuBefore := svc.cpu()
	bgCtx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var sent atomic.Int64
	if background != nil {
		for range cfg.Abusers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for bgCtx.Err() == nil {
					n := int(sent.Add(1))
					req, record := background(url, n)
					began := time.Now()
					code, size, err := send(bgCtx, client, req)
					if err != nil {
						if bgCtx.Err() != nil {
							return // cut off by the end of the phase
						}
						code = "transport error: " + err.Error()
					}
					record(code, time.Since(began), size)
				}
			}()
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		for {
			p.PeakRSS = max(p.PeakRSS, svc.rss())
			select {
			case <-stop:
				close(done)
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	p.Normal, p.Failed = normalTraffic(ctx, client, url, token, cfg.Rate, d)
	cancel()
	wg.Wait()
	close(stop)
	<-done
	p.Background = int(sent.Load())
	p.ServiceCPU = svc.cpu() - cpuBefore
	return p
}

// normalTraffic sends the normal questions at rate per second for d and
// returns their latencies and how many failed.
func normalTraffic(ctx context.Context, client *http.Client, url, token string, rate float64, d time.Duration) ([]time.Duration, int) {
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failed    int
		wg        sync.WaitGroup
	)
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	end := time.After(d)
	for i := 0; ; i++ {
		select {
		case <-end:
			wg.Wait()
			return latencies, failed
		case <-tick.C:
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			began := time.Now()
			req := gql(normal[i%len(normal)], nil)(url, i)
			req.Header.Set("Authorization", "Bearer "+token)
			code, _, err := send(ctx, client, req)
			took := time.Since(began)
			mu.Lock()
			latencies = append(latencies, took)
			if err != nil || code != "" {
				failed++
			}
			mu.Unlock()
		}()
	}
}

// send sends req and returns the first error code of the answer ("" for
// none) and its size.
func send(ctx context.Context, client *http.Client, req *http.Request) (string, int, error) {
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", len(b), err
	}
	var answer struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(b, &answer); err != nil {
		return fmt.Sprintf("HTTP %d, not JSON", resp.StatusCode), len(b), nil
	}
	if len(answer.Errors) > 0 {
		return answer.Errors[0].Extensions.Code, len(b), nil
	}
	return "", len(b), nil
}

func pct(l []time.Duration, p int) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	return s[(len(s)-1)*p/100].Round(100 * time.Microsecond)
}

// Problems are the ways the run failed: a normal request that failed, or an
// abusive request that got something else than it must (or the rate limit).
func (r *Report) Problems() []string {
	var out []string
	for _, p := range r.Phases {
		if p.Failed > 0 {
			out = append(out, fmt.Sprintf("%s: %d normal requests failed", p.Name, p.Failed))
		}
	}
	for _, a := range r.Abuse {
		for code, n := range a.Codes {
			if code != a.Want && code != server.ETOOMANY {
				out = append(out, fmt.Sprintf("%s: %d answered %q, want %q", a.Name, n, code, a.Want))
			}
		}
	}
	return out
}

// Print writes the report as Markdown tables.
func (r *Report) Print(w io.Writer) {
	limit := "no rate limit"
	if r.RateLimit > 0 {
		limit = fmt.Sprintf("rate limit %.0f/s (burst %d) per caller", r.RateLimit, r.Burst)
	}
	if r.Concurrent > 0 {
		limit += fmt.Sprintf(", %d requests per caller at once", r.Concurrent)
	}
	fmt.Fprintf(w, "normal traffic %.0f requests/s (viewer token); %d anonymous clients back to back; %s; %s\n\n", r.Rate, r.Abusers, limit, r.Duration)
	fmt.Fprintln(w, "| normal requests | count | failed | p50 | p99 | other requests/s | service CPU | service peak RSS |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, p := range r.Phases {
		third := (r.Duration / 3).Seconds()
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s | %.0f | %.0f%% of a core | %d MB |\n", p.Name, len(p.Normal), p.Failed, pct(p.Normal, 50), pct(p.Normal, 99),
			float64(p.Background)/third, 100*p.ServiceCPU.Seconds()/third, p.PeakRSS>>20)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| abusive request | sent | answer | p50 | max | largest answer |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, a := range r.Abuse {
		var codes []string
		for code, n := range a.Codes {
			if code == "" {
				code = "data"
			}
			codes = append(codes, fmt.Sprintf("%s ×%d", code, n))
		}
		slices.Sort(codes)
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %d B |\n", a.Name, a.Sent, strings.Join(codes, ", "), pct(a.Latencies, 50), pct(a.Latencies, 100), a.MaxBytes)
	}
}
