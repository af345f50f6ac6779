package buurtnet

import (
	"context"
)

// Store keeps the partnership graph. It is implemented by the embedded SQLite
// store (package sqlite) and the Neo4j store (package neo4j); storetest holds
// the behaviour both must show. Every write is one transaction: it happens
// whole or not at all. Errors are *Error with the codes listed per method;
// a store that cannot be reached answers EUNAVAILABLE.
type Store interface {
	// Nodes returns the entities with the given ids, in no particular order;
	// unknown ids are left out. Batch loaders call it once per request tick.
	Nodes(ctx context.Context, ids []string) ([]Node, error)

	// Find returns one page of the entities of filter.Kind that match, and how
	// many match in all. EINVALID for a filter that does not apply to the kind.
	Find(ctx context.Context, filter NodeFilter) ([]Node, int, error)

	// Links returns the links that match q, ordered by kind, from, to.
	Links(ctx context.Context, q LinkQuery) ([]*Link, error)

	// TerritoryGraph returns how all territories nest and overlap.
	TerritoryGraph(ctx context.Context) (*TerritoryGraph, error)

	// Revision returns a number that grows with every committed write (it
	// may grow more often), whichever process made it: what was read from
	// the store holds for as long as the revision stays the same. The
	// number of the last audit entry serves: every write records one in its
	// own transaction.
	Revision(ctx context.Context) (int64, error)

	// Profiles returns the profile of every project matched by q.
	Profiles(ctx context.Context, q ProfileQuery) ([]*ProjectProfile, error)

	// CreateNode stores a new entity. EINVALID for bad fields, ECONFLICT when
	// the id or the enterprise number is taken.
	CreateNode(ctx context.Context, n Node) error

	// UpdateNode loads the entity, lets change modify it, validates and stores
	// it, in one transaction. change may run more than once (stores retry
	// transient failures), so it must only set fields. ENOTFOUND, EINVALID,
	// ECONFLICT.
	UpdateNode(ctx context.Context, id string, change func(Node) error) (Node, error)

	// DeleteNode removes an entity and every link to or from it. ENOTFOUND.
	DeleteNode(ctx context.Context, id string) error

	// CreateLink stores a new link. EINVALID for bad properties, ENOTFOUND for
	// an end that does not exist, ECONFLICT for a duplicate or a PART_OF that
	// would make a territory part of itself.
	CreateLink(ctx context.Context, l *Link) error

	// UpdateLink changes a link's properties. ENOTFOUND, EINVALID.
	UpdateLink(ctx context.Context, key LinkKey, u LinkUpdate) (*Link, error)

	// DeleteLink removes a link. ENOTFOUND.
	DeleteLink(ctx context.Context, key LinkKey) error

	// Apply upserts a whole network in one transaction: entities by id (or,
	// for organisations, by enterprise number), links by key. It is how the
	// demo network is loaded and files are imported. With opts.DryRun nothing
	// is written. EINVALID (with the offending entity in Field), ECONFLICT.
	Apply(ctx context.Context, n *Network, opts ApplyOptions) (*ApplyReport, error)

	// Snapshot returns the whole graph, sorted by id, for export and tests.
	Snapshot(ctx context.Context) (*Network, error)

	// AccessStore: tokens and the audit log live in the same store.
	AccessStore

	// Ping checks that the store can be reached.
	Ping(ctx context.Context) error

	// Close releases the store's resources.
	Close() error
}

// LinkQuery selects links: of the given kinds (all when empty), and — when
// given — starting at one of From and/or ending at one of To. Symmetric links
// match by either end through From.
type LinkQuery struct {
	Kinds []LinkKind
	From  []string
	To    []string
}

// ProfileQuery selects projects for the questions: all of them, or those
// with the given ids plus those active in one of the given territories
// (exactly these; callers widen the set with TerritoryGraph first).
type ProfileQuery struct {
	All         bool
	IDs         []string
	Territories []string
}

// ApplyOptions steer Apply.
type ApplyOptions struct {
	DryRun bool
}

// ApplyReport counts what Apply did (or, in a dry run, would do).
type ApplyReport struct {
	Created   []string // ids of new entities and keys of new links
	Updated   []string
	Unchanged int
}

// AccessStore keeps API tokens and the audit log. The audit log is written
// by the store's own writes, in their transactions, with the actor the
// context carries (WithActor).
type AccessStore interface {
	// AuditLog returns the audit entries matching f, newest first.
	AuditLog(ctx context.Context, f AuditFilter) ([]*AuditEntry, error)
	// CreateToken stores a new token (NewToken makes one). ECONFLICT for a taken id.
	CreateToken(ctx context.Context, t *Token) error
	// RevokeToken revokes a token for good. ENOTFOUND when there is no
	// active token with that id.
	RevokeToken(ctx context.Context, id string) error
	// TokenByHash returns the active token with this hash. ENOTFOUND.
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	// Tokens lists every token, revoked ones too, oldest first.
	Tokens(ctx context.Context) ([]*Token, error)
}
