package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// FileState is what the store remembers of a path: the size and mtime it had
// when last seen and the document its bytes were.
type FileState struct {
	Path    string
	Size    int64
	MtimeNS int64
	SHA256  string
	URL     string // from ingest --sources, "" when none
	Doc     DocState
}

// Unchanged reports whether a file of this size and mtime is, cheaply, the
// same bytes as last seen.
func (f FileState) Unchanged(size int64, mtime time.Time) bool {
	return f.Size == size && f.MtimeNS == mtimeNS(mtime) && f.SHA256 != ""
}

// File returns what the store remembers of path; ok is false for a path never
// seen, or whose document is gone.
func (d *DB) File(ctx context.Context, path string) (FileState, bool, error) {
	var f FileState
	var s DocState
	err := d.db.QueryRowContext(ctx, `SELECT f.path, f.size, f.mtime_ns, coalesce(f.sha256, ''), coalesce(f.url, ''), `+docStateCols+`
		FROM files f JOIN documents d ON d.id = f.document_id WHERE f.path = ?`, path).Scan(
		&f.Path, &f.Size, &f.MtimeNS, &f.SHA256, &f.URL,
		&s.ID, &s.SHA256, &s.Outcome, &s.Error, &s.ExtractorVersion, &s.Rows, &s.Pages, &s.ReviewID)
	if errors.Is(err, sql.ErrNoRows) {
		return f, false, nil
	}
	if err != nil {
		return f, false, &Error{DB: d.Path, Path: path, Op: "look up", Err: explain(err)}
	}
	f.Doc = s
	return f, true, nil
}

// Document returns the document with these bytes, if loaded.
func (d *DB) Document(ctx context.Context, sha256 string) (DocState, bool, error) {
	s, ok, err := docBySHA(ctx, d.db, sha256)
	if err != nil {
		return s, false, &Error{DB: d.Path, Op: "look up " + sha256, Err: explain(err)}
	}
	return s, ok, nil
}

// Seen records that path, of this size and mtime, holds the already loaded
// document with these bytes, without touching the document. A file that is
// unchanged since the last run needs no call at all.
func (d *DB) Seen(ctx context.Context, in LoadInput) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		ctx := stmtCtx(ctx)
		s, ok, err := docBySHA(ctx, tx, in.SHA256)
		if err != nil || !ok {
			return errors.Join(err, errors.New("document not loaded"))
		}
		return upsertFile(ctx, tx, in, s.ID)
	})
	if err != nil {
		return &Error{DB: d.Path, Path: in.Path, Op: "record path", Err: explain(err)}
	}
	return nil
}
