package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/actionplan/actionplan/normalize"
)

// DocumentRecord is one document as export --what documents writes it.
type DocumentRecord struct {
	File    string `json:"file"`
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	Pages   int    `json:"pages"`
	Outcome string `json:"outcome"`
	Error   string `json:"error"`
	Rows    int    `json:"rows"`
	// Flags are the document's quality flags; empty for a clean document.
	Flags []DocumentFlag `json:"flags"`
}

// Documents calls fn for every document, ordered by path.
func (d *DB) Documents(ctx context.Context, fn func(DocumentRecord) error) error {
	flags, err := d.documentFlags(ctx)
	if err != nil {
		return &Error{DB: d.Path, Op: "export documents", Err: err}
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, file, path, coalesce(sha256, ''), pages, outcome, error, rows
		FROM documents ORDER BY path, id`)
	if err != nil {
		return &Error{DB: d.Path, Op: "export documents", Err: err}
	}
	defer rows.Close()
	for rows.Next() {
		var r DocumentRecord
		var id int64
		if err := rows.Scan(&id, &r.File, &r.Path, &r.SHA256, &r.Pages, &r.Outcome, &r.Error, &r.Rows); err != nil {
			return err
		}
		r.Flags = flags[id]
		if r.Flags == nil {
			r.Flags = []DocumentFlag{}
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// actionCols are the columns of action_export read into a normalize.Record.
const actionCols = `file, coalesce(sha256, ''), review_type, reference, area, pseudonym, seq, number,
	recommendation, scope, action, lead_agency, agencies, milestone, target_date, outcome, "update", status,
	page_first, page_last, cells, "table", "group", theme, scope_printed, lead_officer, target_date_iso,
	target_date_precision, completion_date, evidence, status_printed, status_source, status_date, rag, as_of,
	agency_detail, extra`

// Actions calls fn with every action record, document by document (ordered
// by path) and in document order within each.
func (d *DB) Actions(ctx context.Context, fn func(normalize.Record) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT `+actionCols+` FROM action_export ORDER BY path, document_id, seq`)
	if err != nil {
		return &Error{DB: d.Path, Op: "export actions", Err: err}
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return &Error{DB: d.Path, Op: "export actions", Err: err}
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func scanRecord(rows *sql.Rows) (normalize.Record, error) {
	var r normalize.Record
	var agencies, cells, detail, extra string
	err := rows.Scan(&r.File, &r.SHA256, &r.ReviewType, &r.Reference, &r.Area, &r.Pseudonym, &r.Seq, &r.Number,
		&r.Recommendation, &r.Scope, &r.Action, &r.LeadAgency, &agencies, &r.Milestone, &r.TargetDate,
		&r.Outcome, &r.Update, &r.Status, &r.PageFirst, &r.PageLast, &cells, &r.Table, &r.Group, &r.Theme,
		&r.ScopePrinted, &r.LeadOfficer, &r.TargetDateISO, &r.TargetDatePrec, &r.CompletionDate, &r.Evidence,
		&r.StatusPrinted, &r.StatusSource, &r.StatusDate, &r.RAG, &r.AsOf, &detail, &extra)
	if err != nil {
		return r, err
	}
	r.Agencies, r.Cells, r.AgencyDetail = []string{}, map[string]string{}, []normalize.Agency{}
	for _, x := range []struct {
		src string
		dst any
	}{{agencies, &r.Agencies}, {cells, &r.Cells}, {detail, &r.AgencyDetail}, {extra, &r}} {
		if err := json.Unmarshal([]byte(x.src), x.dst); err != nil {
			return r, fmt.Errorf("row %d: %w", r.Seq, err)
		}
	}
	return r, nil
}
