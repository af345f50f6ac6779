package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// batch collects the rows of one table and writes them with multi-row
// INSERTs through a statement prepared once: an import of a region writes
// a few hundred thousand rows, and one statement per row spends more time
// parsing SQL than writing. When a statement fails, its rows are written
// again one by one with single, so that the error names the row at fault
// (a failed statement changes nothing; the transaction goes on).
type batch struct {
	tx     *sql.Tx
	head   string // INSERT INTO t (a, b) VALUES
	cols   int
	size   int
	full   *sql.Stmt
	args   []any
	rows   int
	single []func() error
}

// batchRows is how many rows one statement writes: large enough that the
// parse is amortised, small enough to stay far below SQLite's limit of
// 32,766 parameters.
const batchRows = 256

func newBatch(tx *sql.Tx, head string, cols int) *batch {
	return &batch{tx: tx, head: head, cols: cols, size: batchRows}
}

// add queues one row; single writes it alone, should its statement fail.
func (b *batch) add(ctx context.Context, single func() error, values ...any) error {
	b.args = append(b.args, values...)
	b.single = append(b.single, single)
	if b.rows++; b.rows == b.size {
		return b.flush(ctx)
	}
	return nil
}

// flush writes the queued rows.
func (b *batch) flush(ctx context.Context) error {
	if b.rows == 0 {
		return nil
	}
	var err error
	if b.rows == b.size {
		if b.full == nil {
			if b.full, err = b.tx.PrepareContext(ctx, b.statement(b.size)); err != nil {
				return err
			}
		}
		_, err = b.full.ExecContext(ctx, b.args...)
	} else {
		_, err = b.tx.ExecContext(ctx, b.statement(b.rows), b.args...)
	}
	if err != nil && ctx.Err() == nil {
		for _, one := range b.single {
			if err := one(); err != nil {
				return err
			}
		}
		// Each row alone went in: the statement failed for a reason of its
		// own, which is the error to report.
		return err
	}
	b.args, b.single, b.rows = b.args[:0], b.single[:0], 0
	return err
}

// close writes what is queued and releases the prepared statement.
func (b *batch) close(ctx context.Context) error {
	err := b.flush(ctx)
	if b.full != nil {
		b.full.Close()
	}
	return err
}

func (b *batch) statement(rows int) string {
	row := "(" + placeholders(b.cols) + ")"
	var s strings.Builder
	s.WriteString(b.head)
	for i := range rows {
		if i > 0 {
			s.WriteString(", ")
		}
		s.WriteString(row)
	}
	return s.String()
}
