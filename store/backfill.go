package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// afterMigration holds the work in Go that a migration needs once its SQL
// has run, in the same transaction: values the SQL cannot compute. Keyed by
// the migration's name without its number.
var afterMigration = map[string]func(context.Context, *sql.Tx) error{
	"analyst_schema.sql": backfillVersions,
}

// backfillVersions gives documents loaded by an earlier build their as-of
// date and content hash, then flags duplicates and orders every review's
// versions again.
func backfillVersions(ctx context.Context, tx *sql.Tx) error {
	type docDates struct {
		id                          int64
		asOf, planDate, mod, create sql.NullString
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, as_of, plan_date, mod_date, creation_date FROM documents`)
	if err != nil {
		return err
	}
	var docs []docDates
	for rows.Next() {
		var d docDates
		if err := rows.Scan(&d.id, &d.asOf, &d.planDate, &d.mod, &d.create); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range docs {
		var m extract.Meta
		m.ModDate, _ = time.Parse(time.RFC3339Nano, d.mod.String)
		m.CreationDate, _ = time.Parse(time.RFC3339Nano, d.create.String)
		date, src := asOfDate(normalize.Review{AsOf: d.asOf.String, PlanDate: d.planDate.String}, m)
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET as_of_date = ?, as_of_date_source = ? WHERE id = ?`,
			nullString(date), nullString(src), d.id); err != nil {
			return err
		}
	}
	for _, d := range docs {
		if err := settle(ctx, tx, d.id); err != nil {
			return err
		}
	}
	return nil
}
