package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/scripts/internal/gql"
	"github.com/buurtnet/buurtnet/synthetic"
)

// Config is one benchmark run.
type Config struct {
	Tier  synthetic.Tier
	Seed  int64
	Store string // "sqlite" or "neo4j"
	// Neo4jURI is the Neo4j server to use; Wipe allows emptying it first.
	Neo4jURI string
	Wipe     bool
	// N requests per question, C at a time; the province- and region-wide
	// synergies are asked ProvinceRequests and RegionRequests times.
	N, C                             int
	ProvinceRequests, RegionRequests int
	// Timeout is the client's timeout of one request; RegionTimeout that
	// of the province- and region-wide questions.
	Timeout, RegionTimeout time.Duration
	// RequestTimeout is the service's --request-timeout: an answer that
	// comes later is shown as a problem even when it is not an error.
	RequestTimeout time.Duration
	// Uncached names each request's operation differently, so that the
	// service's response cache never holds its answer: what a question
	// costs the first time it is asked.
	Uncached bool
	// Imports is how many times the network is imported, each time into
	// an empty store: on a shared machine one import says as much about
	// the minute as about the code, so the report gives each and their
	// median. The service answers from the last.
	Imports int
	// Binary is a buurtnet binary; empty builds one.
	Binary string
	// Log receives progress and the service's log on failure.
	Log io.Writer
}

// Report is what a run measured.
type Report struct {
	Config   Config
	Date     time.Time
	Machine  string
	Network  struct{ Territories, Organisations, Projects, Entities, Links int }
	Imports  []Import // in the order they ran
	Rows     []Row
	PeakRSS  int64 // the service's VmHWM, bytes
	AfterRSS int64 // the service's VmRSS after the questions, bytes
	// Load is the machine's load average (1 min) when the questions began
	// and ended, Steal the share of the machine's CPU time its host gave
	// to others while the questions were asked: on a shared machine, what
	// the figures must be read with.
	Load  [2]string
	Steal float64
}

// Import is one run of `buurtnet import` into an empty store.
type Import struct {
	Took    time.Duration
	PeakRSS int64   // bytes
	Steal   float64 // share of the machine's CPU time stolen meanwhile
}

// MedianImport is the import of median time (the slower of the two middle
// ones for an even count).
func (r *Report) MedianImport() Import {
	runs := slices.Clone(r.Imports)
	slices.SortFunc(runs, func(a, b Import) int { return cmp.Compare(a.Took, b.Took) })
	return runs[len(runs)/2]
}

// Row is one question's figures.
type Row struct {
	Question  string
	Latencies []time.Duration // sorted
	Problems  map[string]int  // what went wrong, and how often
}

// Errors is the number of requests that failed.
func (r Row) Errors() int {
	n := 0
	for _, k := range r.Problems {
		n += k
	}
	return n
}

// question is one kind of request, with the variables of each of its
// requests.
type question struct {
	label, query string
	vars         []map[string]any
	timeout      time.Duration
	warmUp       bool
}

const (
	overlapsQuery = `query($id: ID!) { overlaps(project: $id) { project { id name } places { relation territory { name } otherTerritory { name } } } }`
	projectsQuery = `{ projects(first: 50) { totalCount nodes { id name
  partners { organisation { name } role level }
  territories { territory { name } }
  fundings { funder { name } }
  themes { name } } } }`
	synergiesQuery = `query($t: ID!) { synergies(territory: $t, first: 20) { score reasons { code } projects { id name } } }`
	gapsQuery      = `query($t: ID!) { gaps(territory: $t) { missingFunctions { name } missingThemes { name } coveredThemes { theme { name } projects { id } } } }`
	searchQuery    = `query($s: String!) { organisations(filter: {search: $s}, first: 20) { totalCount nodes { id name } } }`
)

// questions samples what to ask, the same for the same tier and seed: N
// distinct projects, up to 20 municipalities, every province in turn, and
// the searches of searchTerms.
func questions(cfg Config, searches []string) []question {
	size := synthetic.SizeOf(cfg.Tier)
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 42))
	each := func(n int, ids []string, key string) []map[string]any {
		vars := make([]map[string]any, n)
		for i := range vars {
			vars[i] = map[string]any{key: ids[i%len(ids)]}
		}
		return vars
	}
	projects := synthetic.ProjectIDs(cfg.Tier, cfg.Seed)
	rng.Shuffle(len(projects), func(i, j int) { projects[i], projects[j] = projects[j], projects[i] })
	var municipalities []string
	for _, m := range rng.Perm(size.Municipalities)[:min(20, size.Municipalities)] {
		municipalities = append(municipalities, synthetic.MunicipalityID(m))
	}
	var provinces []string
	for p := range size.Provinces {
		provinces = append(provinces, synthetic.ProvinceID(p))
	}
	nProjects := min(cfg.N, len(projects))
	qs := []question{
		{label: fmt.Sprintf("`overlaps(project:)` (%d sampled projects)", nProjects), query: overlapsQuery, vars: each(nProjects, projects, "id"), timeout: cfg.Timeout, warmUp: true},
		{label: "`projects(first: 50)` with partners, territories, fundings, themes", query: projectsQuery, vars: make([]map[string]any, cfg.N), timeout: cfg.Timeout, warmUp: true},
		{label: fmt.Sprintf("`synergies(territory: <municipality>, first: 20)` (%d municipalities)", min(cfg.N, len(municipalities))), query: synergiesQuery, vars: each(cfg.N, municipalities, "t"), timeout: cfg.Timeout, warmUp: true},
		{label: "`gaps(territory: <municipality>)`", query: gapsQuery, vars: each(cfg.N, municipalities, "t"), timeout: cfg.Timeout, warmUp: true},
		{label: fmt.Sprintf("`organisations(filter: {search:}, first: 20)` (%d words)", min(cfg.N, len(searches))), query: searchQuery, vars: each(min(cfg.N, len(searches)), searches, "s"), timeout: cfg.Timeout, warmUp: true},
		{label: "`synergies(territory: <province>, first: 20)`", query: synergiesQuery, vars: each(cfg.ProvinceRequests, provinces, "t"), timeout: cfg.RegionTimeout},
		{label: "`synergies(territory: <region>, first: 20)`", query: synergiesQuery, vars: each(cfg.RegionRequests, []string{synthetic.RegionID}, "t"), timeout: cfg.RegionTimeout},
	}
	return slices.DeleteFunc(qs, func(q question) bool { return len(q.vars) == 0 })
}

// searchTerms samples up to count distinct words as a facilitator types
// them in the explorer's search box: a word of an organisation's name and
// the start of its number, "zorg 0060", which some ten names contain, and
// one time in four (as long as there are such) a shorter start, "zorg 00",
// which hundreds do.
func searchTerms(n *buurtnet.Network, count int, seed int64) []string {
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	seen := map[string]bool{}
	var long, short []string
	for _, i := range rng.Perm(len(n.Organisations)) {
		if len(long) >= count && len(short) >= count/4 {
			break
		}
		words := strings.Fields(strings.ToLower(n.Organisations[i].Name.NL))
		if len(words) < 3 || len(words[2]) < 4 {
			continue
		}
		for _, t := range []struct {
			list   *[]string
			digits int
		}{{&long, 4}, {&short, 2}} {
			if term := words[1] + " " + words[2][:t.digits]; !seen[term] {
				seen[term] = true
				*t.list = append(*t.list, term)
			}
		}
	}
	short = short[:min(len(short), count/4)]
	long = long[:min(len(long), count-len(short))]
	// One in four short, as long as there are.
	terms := make([]string, 0, len(long)+len(short))
	for len(long)+len(short) > 0 {
		if len(short) > 0 && (len(terms)%4 == 3 || len(long) == 0) {
			terms, short = append(terms, short[0]), short[1:]
		} else {
			terms, long = append(terms, long[0]), long[1:]
		}
	}
	return terms
}

// Run builds, imports, serves and asks; it leaves no process running.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.N < 1 || cfg.C < 1 || cfg.Imports < 1 || cfg.Timeout <= 0 || cfg.RegionTimeout <= 0 || cfg.RequestTimeout <= 0 {
		return nil, errors.New("-n, -c and -imports must be at least 1, the timeouts positive")
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	say := func(format string, args ...any) { fmt.Fprintf(cfg.Log, "bench: "+format+"\n", args...) }
	dir, err := os.MkdirTemp("", "buurtnet-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	rep := &Report{Config: cfg, Date: time.Now().UTC(), Machine: machine()}
	bin := cfg.Binary
	if bin == "" {
		bin = filepath.Join(dir, "buurtnet")
		say("building buurtnet")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/buurtnet/buurtnet/cmd/buurtnet")
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build: %w\n%s", err, out)
		}
	}

	var dsn string
	switch cfg.Store {
	case "sqlite":
		dsn = filepath.Join(dir, "bench.db")
	case "neo4j":
		if cfg.Neo4jURI == "" {
			return nil, errors.New("-store neo4j: set NEO4J_URI (source scripts/lib/neo4j.sh; neo4j_start starts a throw-away one)")
		}
		if err := emptyNeo4j(ctx, cfg.Neo4jURI, cfg.Wipe, say); err != nil {
			return nil, err
		}
		dsn = cfg.Neo4jURI
	default:
		return nil, fmt.Errorf("-store %q: sqlite or neo4j", cfg.Store)
	}

	say("generating tier %s, seed %d", cfg.Tier, cfg.Seed)
	doc := filepath.Join(dir, "network.json")
	net := synthetic.Network(cfg.Tier, cfg.Seed)
	if err := writeNetwork(doc, net, rep); err != nil {
		return nil, err
	}
	searches := searchTerms(net, cfg.N, cfg.Seed)
	net = nil // the service holds what it needs

	for i := range cfg.Imports {
		if i > 0 { // empty the store again: delete what the last import wrote
			if cfg.Store == "neo4j" {
				err = emptyNeo4j(ctx, cfg.Neo4jURI, true, say)
			} else {
				err = removeSQLite(dsn)
			}
			if err != nil {
				return nil, err
			}
		}
		say("importing %d entities and %d links (%d of %d)", rep.Network.Entities, rep.Network.Links, i+1, cfg.Imports)
		run, err := importOnce(ctx, bin, doc, dsn, filepath.Join(dir, "import.log"))
		if err != nil {
			return nil, err
		}
		rep.Imports = append(rep.Imports, run)
		say("imported in %s (%s of the CPU time stolen)", run.Took.Round(time.Millisecond), percent(run.Steal))
	}

	svc, err := serve(ctx, bin, dsn, cfg.RequestTimeout, filepath.Join(dir, "serve.log"))
	if err != nil {
		return nil, err
	}
	defer svc.stop()
	say("service up at %s (pid %d)", svc.endpoint, svc.cmd.Process.Pid)

	rep.Load[0] = loadAverage()
	stolen := stealSince()
	for _, q := range questions(cfg, searches) {
		say("asking %s, %d times", q.label, len(q.vars))
		rep.Rows = append(rep.Rows, ask(ctx, svc.endpoint, q, cfg.C, cfg.RequestTimeout, cfg.Uncached))
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	rep.PeakRSS, rep.AfterRSS = memory(svc.cmd.Process.Pid)
	rep.Load[1], rep.Steal = loadAverage(), stolen()
	return rep, nil
}

// importOnce runs `buurtnet import` of doc into dsn, its output to logPath.
func importOnce(ctx context.Context, bin, doc, dsn, logPath string) (Import, error) {
	var run Import
	imp := exec.CommandContext(ctx, bin, "import", doc, "--store", dsn)
	out, err := os.Create(logPath)
	if err != nil {
		return run, err
	}
	imp.Stdout, imp.Stderr = out, out
	stolen, began := stealSince(), time.Now()
	err = imp.Run()
	run.Took, run.Steal = time.Since(began), stolen()
	out.Close()
	if err != nil {
		return run, fmt.Errorf("buurtnet import: %w\n%s", err, tail(logPath))
	}
	if ru, ok := imp.ProcessState.SysUsage().(*syscall.Rusage); ok {
		run.PeakRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return run, nil
}

// removeSQLite deletes a database file with its log.
func removeSQLite(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func writeNetwork(path string, n *buurtnet.Network, rep *Report) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := json.NewEncoder(w).Encode(n); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	rep.Network.Territories, rep.Network.Organisations, rep.Network.Projects = len(n.Territories), len(n.Organisations), len(n.Projects)
	rep.Network.Entities, rep.Network.Links = len(n.Nodes()), len(n.Links)
	return f.Close()
}

// emptyNeo4j checks that the Neo4j server is on this machine and holds
// nothing but buurtnet's schema, deleting what it holds when wipe is set.
func emptyNeo4j(ctx context.Context, uri string, wipe bool, say func(string, ...any)) error {
	u, err := url.Parse(uri)
	if err != nil {
		return fmt.Errorf("NEO4J_URI: %w", err)
	}
	if err := gql.MustBeLoopback("http://" + u.Host); err != nil {
		return fmt.Errorf("NEO4J_URI: %w", err)
	}
	auth := neo4j.NoAuth()
	if pw := os.Getenv("NEO4J_PASSWORD"); pw != "" {
		auth = neo4j.BasicAuth(os.Getenv("NEO4J_USERNAME"), pw, "")
	}
	driver, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return fmt.Errorf("connect to Neo4j: %w", err)
	}
	defer driver.Close(ctx)
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: os.Getenv("NEO4J_DATABASE")})
	defer session.Close(ctx)
	res, err := session.Run(ctx, `MATCH (n) WHERE NOT n:SchemaVersion RETURN count(n) AS n`, nil)
	if err != nil {
		return fmt.Errorf("count Neo4j nodes: %w", err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return fmt.Errorf("count Neo4j nodes: %w", err)
	}
	count, _ := rec.Get("n")
	if count.(int64) == 0 {
		return nil
	}
	if !wipe {
		return fmt.Errorf("the Neo4j database at %s holds %d nodes; give -wipe to delete them, or start an empty one", uri, count)
	}
	say("deleting the %d nodes Neo4j holds", count)
	// In batches: one transaction deleting a region would need gigabytes.
	res, err = session.Run(ctx, `MATCH (n) WHERE NOT n:SchemaVersion CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("empty Neo4j: %w", err)
	}
	return nil
}

// service is a running `buurtnet serve`.
type service struct {
	cmd      *exec.Cmd
	endpoint string
	done     chan struct{}
}

var upLine = regexp.MustCompile(`endpoint=(http://\S+/query)`)

// serve starts the service on a free loopback port and waits until it
// says where it listens. Its log goes to logPath.
func serve(ctx context.Context, bin, dsn string, timeout time.Duration, logPath string) (*service, error) {
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--store", dsn, "--rate-limit", "0", "--max-concurrent", "0",
		"--request-timeout", timeout.String(), "--demo=false", "--playground=false")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stdout = logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start buurtnet serve: %w", err)
	}
	s := &service{cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		// Keep reading to the end, so the service never blocks on its log.
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			fmt.Fprintln(logFile, sc.Text())
			if m := upLine.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(logFile, stderr) // after a line too long to scan
		_ = cmd.Wait()
		logFile.Close()
		close(s.done)
	}()
	select {
	case s.endpoint = <-found:
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("buurtnet serve exited before it was up:\n%s", tail(logPath))
	case <-time.After(2 * time.Minute):
	case <-ctx.Done():
	}
	s.stop()
	return nil, fmt.Errorf("buurtnet serve was not up within 2 minutes:\n%s", tail(logPath))
}

// stop asks the service to shut down, and kills it when it has not
// within 20 s (a question that ignores its deadline keeps it busy).
func (s *service) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// ask sends a question's requests, c at a time, after a few unmeasured
// warm-up requests for the quick questions. An answer without error that
// comes after the service's request timeout (limit) is counted as a
// problem too: the deadline did not stop the work.
func ask(ctx context.Context, endpoint string, q question, c int, limit time.Duration, uncached bool) Row {
	client := &http.Client{Timeout: q.timeout, Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	defer client.CloseIdleConnections()
	var asked atomic.Int64
	document := func() string {
		if !uncached {
			return q.query
		}
		return named(q.query, asked.Add(1))
	}
	if q.warmUp {
		for _, v := range q.vars[:min(3, len(q.vars))] {
			gql.Post(ctx, client, endpoint, "", document(), v)
		}
	}
	row := Row{Question: q.label, Problems: map[string]int{}}
	var (
		mu   sync.Mutex
		next = make(chan map[string]any)
		wg   sync.WaitGroup
	)
	for range min(c, len(q.vars)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range next {
				r := gql.Post(ctx, client, endpoint, "", document(), v)
				mu.Lock()
				row.Latencies = append(row.Latencies, r.Took)
				switch p := r.Problem(); {
				case p != "":
					row.Problems[p]++
				case r.Took > limit:
					row.Problems[fmt.Sprintf("answered with HTTP %d past the %s request timeout", r.Status, limit)]++
				}
				mu.Unlock()
			}
		}()
	}
	for _, v := range q.vars {
		if ctx.Err() != nil {
			break
		}
		next <- v
	}
	close(next)
	wg.Wait()
	slices.Sort(row.Latencies)
	return row
}

// named gives the operation of query the name Q<n>: a document no other
// request of the run sends.
func named(query string, n int64) string {
	name := "query Q" + strconv.FormatInt(n, 10)
	if rest, ok := strings.CutPrefix(query, "query"); ok {
		return name + rest
	}
	return name + " " + query
}

// memory returns a process's peak and current resident set size, in bytes.
func memory(pid int) (peak, now int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			continue
		}
		switch name {
		case "VmHWM":
			peak = kb * 1024
		case "VmRSS":
			now = kb * 1024
		}
	}
	return peak, now
}

// machine names the CPU and the number of cores.
func machine() string {
	model := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				model = strings.TrimSpace(value)
				break
			}
		}
	}
	return fmt.Sprintf("%d cores, %s", runtime.NumCPU(), model)
}

// loadAverage is the one-minute load average, "?" where unknown.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// tail returns the last lines of a log file, for an error message.
func tail(path string) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-15):], "\n")
}
