package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// Source is where a file was fetched from (ingest --sources).
type Source struct {
	URL          string
	FetchedAt    string
	ETag         string
	LastModified string
}

// LoadInput is one document to load: the file as seen on disk, and what the
// extractor and the normalizer made of it.
type LoadInput struct {
	Path             string
	Size             int64
	ModTime          time.Time
	SHA256           string // "" only when the file could not be read at all
	Source           *Source
	Doc              *extract.Document
	Norm             normalize.Result
	ExtractorVersion string // default ExtractorVersion
	RunID            int64  // 0 when not part of a run
	// Force loads the document again even when the same bytes are already
	// loaded by the current extractor.
	Force bool
}

// LoadStatus says what Load did.
type LoadStatus string

const (
	StatusNew       LoadStatus = "new"       // first time these bytes were loaded
	StatusReloaded  LoadStatus = "reloaded"  // the same bytes extracted again (--force, newer extractor, failed before)
	StatusUnchanged LoadStatus = "unchanged" // already loaded (by another process meanwhile); nothing changed but the path
)

// LoadResult is what Load did with one document.
type LoadResult struct {
	DocumentID int64
	Status     LoadStatus
	Rows       int
}

// Load stores one document in one transaction: whole, or not at all.
func (d *DB) Load(ctx context.Context, in LoadInput) (LoadResult, error) {
	if in.Doc == nil {
		return LoadResult{}, &Error{DB: d.Path, Path: in.Path, Op: "load", Err: errors.New("no document")}
	}
	if in.ExtractorVersion == "" {
		in.ExtractorVersion = ExtractorVersion
	}
	var res LoadResult
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = load(stmtCtx(ctx), tx, in)
		return err
	})
	if err != nil {
		return LoadResult{}, &Error{DB: d.Path, Path: in.Path, Op: "load", Err: explain(err)}
	}
	return res, nil
}

// inTx runs fn in an immediate transaction, committed when fn returns nil.
func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// stmtCtx is the context the statements of a transaction run with: never
// cancelled, because go-sqlite3 runs each statement given a cancellable
// context on a goroutine of its own, to interrupt it (a goroutine, a
// channel and two switches per row written: 10% of a whole ingest's CPU
// went to the store's statements). The transaction itself still begins
// with the caller's context, which rolls it back when cancelled: the next
// statement then fails, so a run still stops between statements.
func stmtCtx(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

func load(ctx context.Context, tx *sql.Tx, in LoadInput) (LoadResult, error) {
	old, found, err := existing(ctx, tx, in)
	if err != nil {
		return LoadResult{}, err
	}
	if found && !in.Force && old.Current(in.ExtractorVersion) {
		if err := upsertFile(ctx, tx, in, old.ID); err != nil {
			return LoadResult{}, err
		}
		return LoadResult{DocumentID: old.ID, Status: StatusUnchanged, Rows: old.Rows}, nil
	}
	res := LoadResult{Status: StatusNew, Rows: len(in.Norm.Records)}
	oldReview, oldHash := sql.NullInt64{}, sql.NullString{}
	if found {
		res.Status = StatusReloaded
		res.DocumentID = old.ID
		oldReview = old.ReviewID
		if err := tx.QueryRowContext(ctx, `SELECT content_hash FROM documents WHERE id = ?`, old.ID).Scan(&oldHash); err != nil {
			return LoadResult{}, err
		}
		if err := clearDocument(ctx, tx, old.ID); err != nil {
			return LoadResult{}, err
		}
	}
	reviewID, err := findReview(ctx, tx, in.Norm.Review, in.RunID)
	if err != nil {
		return LoadResult{}, err
	}
	if res.DocumentID, err = writeDocument(ctx, tx, in, res.DocumentID, reviewID); err != nil {
		return LoadResult{}, err
	}
	if err := writeTables(ctx, tx, res.DocumentID, reviewID, in); err != nil {
		return LoadResult{}, err
	}
	if err := writeFlags(ctx, tx, res.DocumentID, in.Norm.Flags); err != nil {
		return LoadResult{}, fmt.Errorf("write flags: %w", err)
	}
	if err := upsertFile(ctx, tx, in, res.DocumentID); err != nil {
		return LoadResult{}, err
	}
	if err := dropOrphanUnread(ctx, tx); err != nil {
		return LoadResult{}, err
	}
	if err := settle(ctx, tx, res.DocumentID, oldReview); err != nil {
		return LoadResult{}, err
	}
	if err := resettleGroup(ctx, tx, oldHash); err != nil {
		return LoadResult{}, err
	}
	return res, nil
}

// DocState is what the store knows of a loaded document.
type DocState struct {
	ID               int64
	SHA256           string
	Outcome          string
	Error            string
	ExtractorVersion string
	Rows             int
	Pages            int
	ReviewID         sql.NullInt64
}

// Current reports whether the document needs no new extraction by an
// extractor of the given version: it was read without error by a version
// at least as new.
func (s DocState) Current(version string) bool {
	return s.Outcome != string(extract.OutcomeError) && !OlderVersion(s.ExtractorVersion, version)
}

const docStateCols = `d.id, coalesce(d.sha256, ''), d.outcome, coalesce(d.error, ''), d.extractor_version, d.action_rows, d.pages, d.review_id`

func scanDocState(row *sql.Row) (DocState, bool, error) {
	var s DocState
	err := row.Scan(&s.ID, &s.SHA256, &s.Outcome, &s.Error, &s.ExtractorVersion, &s.Rows, &s.Pages, &s.ReviewID)
	if errors.Is(err, sql.ErrNoRows) {
		return s, false, nil
	}
	return s, err == nil, err
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// existing finds the document in.SHA256 names, or, for a file that could not
// be read, the unread document last recorded at its path.
func existing(ctx context.Context, q queryer, in LoadInput) (DocState, bool, error) {
	if in.SHA256 != "" {
		return docBySHA(ctx, q, in.SHA256)
	}
	return scanDocState(q.QueryRowContext(ctx, `SELECT `+docStateCols+`
		FROM files f JOIN documents d ON d.id = f.document_id
		WHERE f.path = ? AND d.sha256 IS NULL`, in.Path))
}

func docBySHA(ctx context.Context, q queryer, sha string) (DocState, bool, error) {
	return scanDocState(q.QueryRowContext(ctx,
		`SELECT `+docStateCols+` FROM documents d WHERE d.sha256 = ?`, sha))
}

// clearDocument removes a document's tables and rows, keeping the document
// row (and so its id and links). Triggers take them out of the search index.
func clearDocument(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM plans WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("clear tables: %w", err)
	}
	return nil
}

// dropOrphanUnread deletes documents of files that could not be read
// (no sha256) once no path refers to them any more.
func dropOrphanUnread(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE sha256 IS NULL
		AND NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = documents.id)`)
	return err
}

func writeDocument(ctx context.Context, tx *sql.Tx, in LoadInput, id int64, review sql.NullInt64) (int64, error) {
	doc := in.Doc
	m := doc.Meta
	pages := m.Pages
	if pages == 0 {
		pages = len(doc.Pages)
	}
	outcome := string(doc.Outcome)
	if outcome == "" {
		outcome = string(extract.OutcomeError)
	}
	errText := ErrorText(filepath.Base(in.Path), doc.Err)
	if errText == "" && outcome == string(extract.OutcomeError) {
		errText = "unknown error"
	}
	warnings := append(append([]string{}, doc.Warnings...), in.Norm.Warnings...)
	wj, _ := json.Marshal(warnings)
	var url any
	if in.Source != nil && in.Source.URL != "" {
		url = in.Source.URL
	}
	now := isoTime(time.Now())
	rv := in.Norm.Review
	asOf, asOfSource := asOfDate(rv, m)
	args := []any{
		nullString(in.SHA256), in.Path, filepath.Base(in.Path), url, in.Size, isoTimeOrNull(in.ModTime),
		pages, nullString(m.Version), nullString(m.Title), nullString(m.Author), nullString(m.Subject),
		nullString(m.Producer), nullString(m.Creator),
		isoTimeOrNull(m.CreationDate), isoTimeOrNull(m.ModDate), m.Encrypted,
		outcome, nullString(errText), string(wj), len(in.Norm.Records), in.ExtractorVersion, review,
		nullString(rv.PlanDate), nullString(rv.PlanDateSource), nullString(rv.AsOf), nullString(asOf),
		nullString(asOfSource), nullID(in.RunID), now, doc.PagesRead, strings.Join(doc.Incomplete, "; "),
	}
	if id != 0 {
		_, err := tx.ExecContext(ctx, `UPDATE documents SET
			sha256 = ?, path = ?, file = ?, url = coalesce(?, url), size = ?, mtime = ?,
			pages = ?, pdf_version = ?, title = ?, author = ?, subject = ?, producer = ?, creator = ?,
			creation_date = ?, mod_date = ?, encrypted = ?,
			outcome = ?, error = ?, warnings = ?, action_rows = ?, extractor_version = ?, review_id = ?,
			plan_date = ?, plan_date_source = ?, as_of = ?, as_of_date = ?, as_of_date_source = ?,
			run_id = ?, loaded_at = ?, pages_read = ?, not_read = ?,
			version = NULL, previous_document_id = NULL, superseded_by_id = NULL, is_current = 0,
			duplicate_of = NULL, content_hash = NULL
			WHERE id = ?`, append(args, id)...)
		return id, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO documents (
			sha256, path, file, url, size, mtime,
			pages, pdf_version, title, author, subject, producer, creator,
			creation_date, mod_date, encrypted,
			outcome, error, warnings, action_rows, extractor_version, review_id,
			plan_date, plan_date_source, as_of, as_of_date, as_of_date_source, run_id, loaded_at,
			pages_read, not_read, first_run_id)
		VALUES (?,?,?,?,?,?, ?,?,?,?,?,?,?, ?,?,?, ?,?,?,?,?,?, ?,?,?,?,?,?,?, ?,?, ?)`,
		append(args, nullID(in.RunID))...)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// upsertFile records that path held document id when last seen.
func upsertFile(ctx context.Context, tx *sql.Tx, in LoadInput, id int64) error {
	var src Source
	if in.Source != nil {
		src = *in.Source
	}
	if src.URL != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET url = ? WHERE id = ?`, src.URL, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO files (path, document_id, size, mtime_ns, sha256,
			url, fetched_at, etag, last_modified, first_run_id, last_run_id, last_seen_at)
		VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?)
		ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, size = excluded.size,
			mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,
			url = coalesce(excluded.url, url), fetched_at = coalesce(excluded.fetched_at, fetched_at),
			etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified, last_modified),
			last_run_id = excluded.last_run_id, last_seen_at = excluded.last_seen_at`,
		in.Path, id, in.Size, mtimeNS(in.ModTime), nullString(in.SHA256),
		nullString(src.URL), nullString(src.FetchedAt), nullString(src.ETag), nullString(src.LastModified),
		nullID(in.RunID), nullID(in.RunID), isoTime(time.Now()))
	return err
}

// ErrorText is err as stored in documents.error: without the file name the
// extractor's errors start with, since the document names its file.
func ErrorText(file string, err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, file+":"); ok && rest != "" {
		msg = strings.TrimSpace(rest)
	}
	return msg
}

func mtimeNS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func isoTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func isoTimeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return isoTime(t)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// asOfDate is the day a plan's statuses speak for, at which its actions are
// overdue or not: the first day of its as-of date (a dated update column),
// else of its plan date, else the day its PDF was last modified or created.
// It is "" for a document with none of these.
func asOfDate(rv normalize.Review, m extract.Meta) (date, source string) {
	if s := periodStart(rv.AsOf); s != "" {
		return s, "as_of"
	}
	if s := periodStart(rv.PlanDate); s != "" {
		return s, "plan_date"
	}
	for _, t := range []time.Time{m.ModDate, m.CreationDate} {
		if !t.IsZero() {
			return t.UTC().Format(isoDay), "pdf_date"
		}
	}
	return "", ""
}
