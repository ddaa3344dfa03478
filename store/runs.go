package store

import (
	"context"
	"encoding/json"
	"time"
)

// BeginRun records the start of an import run and returns its id.
func (d *DB) BeginRun(ctx context.Context, toolVersion, extractorVersion string, args []string) (int64, error) {
	if args == nil {
		args = []string{}
	}
	a, _ := json.Marshal(args)
	r, err := d.db.ExecContext(ctx, `INSERT INTO import_runs (started_at, tool_version, extractor_version, args)
		VALUES (?,?,?,?)`, isoTime(time.Now()), toolVersion, extractorVersion, string(a))
	if err != nil {
		return 0, &Error{DB: d.Path, Op: "begin run", Err: explain(err)}
	}
	return r.LastInsertId()
}

// FinishRun records the end of a run, "finished" or "interrupted", with its
// summary (any value that marshals to a JSON object).
func (d *DB) FinishRun(ctx context.Context, id int64, status string, summary any) error {
	s, err := json.Marshal(summary)
	if err != nil {
		return err
	}
	_, err = d.db.ExecContext(ctx, `UPDATE import_runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?`,
		isoTime(time.Now()), status, string(s), id)
	if err != nil {
		return &Error{DB: d.Path, Op: "finish run", Err: explain(err)}
	}
	return nil
}

// Optimize lets SQLite refresh the statistics its query planner uses, as
// recommended after a bulk load; it is quick when there is nothing to do.
func (d *DB) Optimize(ctx context.Context) error {
	_, err := d.db.ExecContext(ctx, "PRAGMA optimize")
	return err
}
