// Package neo4j is the graph store: buurtnet.Store on Neo4j 5 through the
// official Go driver (github.com/neo4j/neo4j-go-driver/v5).
//
// Every entity is a node labelled :Node and with the label of its kind
// (:Organisation, :Project, :Territory, :Funder, :Theme, :TargetGroup,
// :Function). It carries the domain struct as JSON in data (the source of
// truth when reading), and next to it the properties queries filter, sort
// and join on: id, kind, search, sort_nl/sort_fr/sort_en, created_at,
// updated_at, and per kind enterprise_number, sectors, language_community,
// status, period_start, period_end, territory_kind, level, framework.
//
// Every link is a relationship whose type is its LinkKind (PART_OF,
// ACTIVE_IN, …), from the From entity to the To entity, with data (the Link
// as JSON), created_at, updated_at and key (the ends, which a uniqueness
// constraint per type keeps to one link of a kind between two entities).
// Symmetric links are stored once, From < To, as Link.Validate normalizes
// them.
//
// Besides, a (:SchemaVersion {version}) node records the migrations
// applied (migrate.go), and a (:Lock {name: 'nesting'}) node serialises the
// writers of PART_OF links, so that two transactions cannot each add half
// of a cycle. Neither is a :Node.
//
// The store behaves like the embedded SQLite store (package sqlite): same
// validation, same error codes and fields, same orders; storetest holds both
// to it, and the package's tests compare the two answer by answer. Where
// SQLite serialises writers, this store relies on uniqueness constraints
// (id, enterprise number, one link per key) and the lock: a write that
// loses such a race answers CONFLICT.
//
// Every call runs in one transaction (neo4j.ExecuteRead or ExecuteWrite) on
// a session of its own, sharing one bookmark manager, so that in a cluster
// a read sees the writes made before it. The driver retries transient
// failures; a server it cannot reach answers UNAVAILABLE. It needs Neo4j
// 5.23 or newer (Community or Enterprise; Aura).
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

var _ buurtnet.Store = (*DB)(nil)

// timeFormat is RFC 3339 with a fixed nine-digit fraction, as in the SQLite
// store: its strings sort in time order, which ORDER BY created_at relies on.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

// Config says where the Neo4j server is and how to log in.
type Config struct {
	// URI of the server: neo4j://, neo4j+s://, neo4j+ssc://, bolt://,
	// bolt+s:// or bolt+ssc://.
	URI string
	// Username and Password log in with basic authentication; without a
	// username or with an empty password the driver connects without
	// authentication (a server with authentication disabled).
	Username, Password string
	// Database is the database to use; empty means the user's home database.
	Database string

	// The timeouts below bound how long a call waits for an unreachable
	// server before it answers UNAVAILABLE; zero keeps the driver's defaults
	// (5 s to connect, 60 s to get a connection, 30 s of retries).

	// ConnectTimeout bounds opening one connection (TCP and handshake).
	ConnectTimeout time.Duration
	// AcquireTimeout bounds waiting for a connection from the pool, opening
	// one included.
	AcquireTimeout time.Duration
	// RetryTime bounds how long a transaction that failed for a transient
	// reason (a lost connection, a deadlock) is retried.
	RetryTime time.Duration
}

// DB is the store. Open it with Open; the zero value is not usable. It is
// safe for concurrent use: every call opens its own (cheap) session on the
// one driver.
type DB struct {
	driver   neo4j.DriverWithContext
	database string
	uri      string
	closed   atomic.Bool
	// bookmarks is shared by every session, so that in a cluster a read
	// sees every write this process made before it (causal consistency
	// across sessions, which are otherwise independent).
	bookmarks neo4j.BookmarkManager

	// Now returns the current time; tests fix it. Every write reads it once,
	// so that all timestamps of one change agree.
	Now func() time.Time
}

// Open connects to the server, checks that it answers and brings the schema
// (constraints, indexes) up to date.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.URI == "" {
		return nil, fmt.Errorf("neo4j: open: no server URI given")
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" && cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	where := redact(cfg.URI)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		if cfg.ConnectTimeout > 0 {
			c.SocketConnectTimeout = cfg.ConnectTimeout
		}
		if cfg.AcquireTimeout > 0 {
			c.ConnectionAcquisitionTimeout = cfg.AcquireTimeout
		}
		if cfg.RetryTime > 0 {
			c.MaxTransactionRetryTime = cfg.RetryTime
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: open %s: %w", where, err)
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") {
			// Reached, but refused: a configuration error, not an outage.
			return nil, fmt.Errorf("neo4j: cannot log in to Neo4j at %s as %q: %w", where, cfg.Username, err)
		}
		return nil, &unreachable{uri: where, err: err}
	}
	if err := checkVersion(ctx, driver); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4j: open %s: %w", where, err)
	}
	db := &DB{driver: driver, database: cfg.Database, uri: where, Now: time.Now,
		bookmarks: neo4j.NewBookmarkManager(neo4j.BookmarkManagerConfig{})}
	if err := db.migrate(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4j: open %s: %w", where, err)
	}
	return db, nil
}

// checkVersion refuses a server older than Neo4j 5.23, the first to take
// the CALL () { … } subqueries the store's queries use (older forms are
// deprecated from 5.23 on).
func checkVersion(ctx context.Context, driver neo4j.DriverWithContext) error {
	info, err := driver.GetServerInfo(ctx)
	if err != nil {
		return err
	}
	agent := info.Agent() // "Neo4j/5.26.0", "Neo4j/2025.01.0"
	version, _ := strings.CutPrefix(agent, "Neo4j/")
	parts := strings.SplitN(version, ".", 3)
	if len(parts) < 2 {
		return nil // an agent this check does not know: let the queries tell
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return nil
	}
	if major < 5 || (major == 5 && minor < 23) {
		return fmt.Errorf("the server runs %s; this store needs Neo4j 5.23 or newer", agent)
	}
	return nil
}

// unreachable is the error of an Open that could not reach the server: its
// message names the server, and it reads as UNAVAILABLE.
type unreachable struct {
	uri string
	err error
}

func (e *unreachable) Error() string {
	return fmt.Sprintf("cannot reach Neo4j at %s: %v", e.uri, e.err)
}

func (e *unreachable) Unwrap() []error { return []error{errUnavailable, e.err} }

// redact hides a password given in the URI itself.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	return u.Redacted()
}

// Close closes the driver and its connections.
func (db *DB) Close() error {
	db.closed.Store(true)
	if err := db.driver.Close(context.Background()); err != nil {
		return fmt.Errorf("neo4j: close %s: %w", db.uri, err)
	}
	return nil
}

// Ping checks that the database answers a query.
func (db *DB) Ping(ctx context.Context) (err error) {
	defer db.wrap(&err, "ping")
	_, err = readTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		_, err := collect(ctx, tx, `RETURN 1`, nil)
		return struct{}{}, err
	})
	return err
}

// now is the time of one change, in UTC and without a monotonic reading, so
// that it round-trips through the database unchanged.
func (db *DB) now() time.Time { return db.Now().UTC().Round(0) }

// formatTime formats t as the store keeps times.
func formatTime(t time.Time) string { return timeText.Format(t) }

var timeText = storekit.NewTimeText(timeFormat)

// attempt records what the work function of a transaction saw, so that an
// error can be told apart: a caller that gave up while a query ran, or a
// server that could not be reached in time.
type attempt struct {
	entered bool  // the work function ran at least once
	last    error // what it returned the last time
}

// readTx runs work in a read transaction, writeTx in a write transaction, on
// a session of their own (sessions are cheap and not shared, so a session
// broken by an outage is never reused). The driver retries work on
// transient failures: it must be idempotent and consume its results.
func readTx[T any](ctx context.Context, db *DB, work func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return run(ctx, db, neo4j.AccessModeRead, work)
}

func writeTx[T any](ctx context.Context, db *DB, work func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	return run(ctx, db, neo4j.AccessModeWrite, work)
}

func run[T any](ctx context.Context, db *DB, mode neo4j.AccessMode, work func(neo4j.ManagedTransaction) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err // the caller gave up before anything happened
	}
	if db.closed.Load() {
		return zero, errUnavailable
	}
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: mode, BookmarkManager: db.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))

	var a attempt
	tracked := func(tx neo4j.ManagedTransaction) (T, error) {
		a.entered = true
		v, err := work(tx)
		a.last = err
		return v, err
	}
	var v T
	var err error
	if mode == neo4j.AccessModeRead {
		v, err = neo4j.ExecuteRead(ctx, session, tracked)
	} else {
		v, err = neo4j.ExecuteWrite(ctx, session, tracked)
	}
	if err != nil {
		return zero, db.classify(ctx, err, a)
	}
	return v, nil
}

// collect runs one statement in tx and returns all its records: results are
// consumed inside the work function, as the driver requires.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	if observe != nil {
		if summary, err := res.Consume(ctx); err == nil {
			observe(cypher, summary)
		}
	}
	return recs, nil
}

// rowsPerRecord is how many rows collectRows sends in one record.
const rowsPerRecord = 1000

// collectRows runs a query whose rows have the columns named, and returns
// the rows, sent by the server a thousand to a record. The driver reads
// each record with a deadline of its own (a timer and a goroutine), some
// 15 µs, whatever its size: 20,000 rows took 330 ms as 20,000 records
// and 25 ms as one. The rows keep the query's order. The server holds the
// whole result before sending it, so a query without bound on its rows
// (the whole graph, for Snapshot) streams them with collect instead.
func collectRows(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, columns ...string) ([][]any, error) {
	wrapped := `CALL () { ` + cypher + ` }
		WITH collect([` + strings.Join(columns, ", ") + `]) AS rows
		UNWIND range(0, size(rows) - 1, ` + strconv.Itoa(rowsPerRecord) + `) AS i
		RETURN rows[i..i + ` + strconv.Itoa(rowsPerRecord) + `] AS rows`
	recs, err := collect(ctx, tx, wrapped, params)
	if err != nil {
		return nil, err
	}
	var out [][]any
	for _, rec := range recs {
		part, err := value[[]any](rec, "rows")
		if err != nil {
			return nil, err
		}
		for _, r := range part {
			row, ok := r.([]any)
			if !ok || len(row) != len(columns) {
				return nil, fmt.Errorf("read a row of %d columns: %v", len(columns), r)
			}
			out = append(out, row)
		}
	}
	return out, nil
}

// streamRows runs a query and returns the values of the columns named, a
// record a row: for a query without bound on its rows (see collectRows).
func streamRows(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, columns ...string) ([][]any, error) {
	recs, err := collect(ctx, tx, cypher, params)
	if err != nil {
		return nil, err
	}
	out := make([][]any, len(recs))
	for i, rec := range recs {
		out[i] = make([]any, len(columns))
		for j, c := range columns {
			v, ok := rec.Get(c)
			if !ok {
				return nil, fmt.Errorf("read column %s: no such column", c)
			}
			out[i][j] = v
		}
	}
	return out, nil
}

// exec runs one statement in tx and discards its records.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	_, err := execSummary(ctx, tx, cypher, params)
	return err
}

// execSummary runs one statement in tx and returns its summary.
func execSummary(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (neo4j.ResultSummary, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	summary, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	if observe != nil {
		observe(cypher, summary)
	}
	return summary, nil
}

// observe, when set (by the tests), sees the summary of every statement:
// they check that the server warns about none.
var observe func(cypher string, summary neo4j.ResultSummary)

// value reads a column of a record as T.
func value[T neo4j.RecordValue](rec *neo4j.Record, key string) (T, error) {
	v, _, err := neo4j.GetRecordValue[T](rec, key)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("read column %s: %w", key, err)
	}
	return v, nil
}
