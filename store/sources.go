package store

import (
	"context"
	"database/sql"
)

// SourceRecord is one row of a sources CSV: a URL that served a document's
// bytes, with how it was found.
type SourceRecord struct {
	SHA256       string
	URL          string
	Path         string
	FetchedAt    string
	ETag         string
	LastModified string
	Referrer     string
	LinkText     string
	GoneAt       string
	// HasGoneAt is set when the CSV has a gone_at column: then an empty
	// gone_at means the URL is online (again). Without the column, a stored
	// gone_at is kept.
	HasGoneAt bool
}

// RecordSources stores source records of loaded documents (found by their
// sha256) in one transaction, replacing what an earlier run recorded for the
// same URL and bytes; records of bytes not loaded are skipped. It returns how
// many were stored.
func (d *DB) RecordSources(ctx context.Context, runID int64, recs []SourceRecord) (int, error) {
	n := 0
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		ctx := stmtCtx(ctx)
		find, err := tx.PrepareContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`)
		if err != nil {
			return err
		}
		defer find.Close()
		put, err := tx.PrepareContext(ctx, `INSERT INTO sources (url, sha256, document_id, path, fetched_at,
				etag, last_modified, referrer, link_text, gone_at, first_run_id, last_run_id)
			VALUES (?,?,?,?,?, ?,?,?,?,?, ?,?)
			ON CONFLICT (url, sha256) DO UPDATE SET document_id = excluded.document_id,
				path = coalesce(excluded.path, path), fetched_at = coalesce(excluded.fetched_at, fetched_at),
				etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified, last_modified),
				referrer = coalesce(excluded.referrer, referrer), link_text = coalesce(excluded.link_text, link_text),
				gone_at = CASE WHEN ? THEN excluded.gone_at ELSE gone_at END,
				last_run_id = excluded.last_run_id`)
		if err != nil {
			return err
		}
		defer put.Close()
		for _, r := range recs {
			if r.SHA256 == "" || r.URL == "" {
				continue
			}
			var id int64
			switch err := find.QueryRowContext(ctx, r.SHA256).Scan(&id); err {
			case nil:
			case sql.ErrNoRows:
				continue
			default:
				return err
			}
			if _, err := put.ExecContext(ctx, r.URL, r.SHA256, id, nullString(r.Path), nullString(r.FetchedAt),
				nullString(r.ETag), nullString(r.LastModified), nullString(r.Referrer), nullString(r.LinkText),
				nullString(r.GoneAt), nullID(runID), nullID(runID), r.HasGoneAt); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, &Error{DB: d.Path, Op: "record sources", Err: explain(err)}
	}
	return n, nil
}
