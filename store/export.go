package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/actionplan/actionplan/normalize"
)

// ActionRecord is one action as export --what actions writes it: the keys of
// the action record (normalize.Record, with target_date_iso in the
// database's one form), then where it sits: its review, document and plan
// version. Only ids that stay the same when a document is extracted again
// are given (document and review).
type ActionRecord struct {
	normalize.Record
	DocumentID      int64  `json:"document_id"`
	ReviewID        *int64 `json:"review_id"`
	AreaCode        string `json:"area_code"`
	PlanVersion     *int64 `json:"plan_version"`
	IsCurrent       bool   `json:"is_current"`
	DuplicateOf     *int64 `json:"duplicate_of"`
	PlanDate        string `json:"plan_date"`
	AsOfDate        string `json:"as_of_date"`
	TargetDateStart string `json:"target_date_start"`
}

// actionCols are the columns of action_export read into an ActionRecord.
const actionCols = `file, coalesce(sha256, ''), coalesce(review_type, ''), coalesce(reference, ''),
	coalesce(area, ''), coalesce(pseudonym, ''), seq, coalesce(number, ''), coalesce(recommendation, ''),
	coalesce(scope, ''), coalesce(action_text, ''), coalesce(lead_agency, ''), agencies, coalesce(milestone, ''),
	coalesce(target_date, ''), coalesce(outcome, ''), coalesce(update_text, ''), coalesce(status, ''),
	page_first, page_last, cells, table_index, row_group, coalesce(theme, ''), coalesce(scope_printed, ''),
	coalesce(lead_officer, ''), coalesce(target_date_iso, ''), coalesce(target_date_precision, ''),
	coalesce(completion_date, ''), coalesce(completion_date_iso, ''), coalesce(evidence, ''),
	coalesce(status_printed, ''), coalesce(status_source, ''), coalesce(status_date, ''), coalesce(rag, ''),
	coalesce(as_of, ''), agency_detail, extra,
	document_id, review_id, coalesce(area_code, ''), plan_version, is_current,
	duplicate_of, coalesce(plan_date, ''), coalesce(as_of_date, ''), coalesce(target_date_start, '')`

// Actions calls fn with every action record, document by document (ordered
// by path) and in document order within each.
func (d *DB) Actions(ctx context.Context, fn func(ActionRecord) error) error {
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

func scanRecord(rows *sql.Rows) (ActionRecord, error) {
	var a ActionRecord
	r := &a.Record
	var agencies, cells, detail, extra string
	var review, version, dup sql.NullInt64
	err := rows.Scan(&r.File, &r.SHA256, &r.ReviewType, &r.Reference, &r.Area, &r.Pseudonym, &r.Seq, &r.Number,
		&r.Recommendation, &r.Scope, &r.Action, &r.LeadAgency, &agencies, &r.Milestone, &r.TargetDate,
		&r.Outcome, &r.Update, &r.Status, &r.PageFirst, &r.PageLast, &cells, &r.Table, &r.Group, &r.Theme,
		&r.ScopePrinted, &r.LeadOfficer, &r.TargetDateISO, &r.TargetDatePrec, &r.CompletionDate, &r.CompletionISO,
		&r.Evidence, &r.StatusPrinted, &r.StatusSource, &r.StatusDate, &r.RAG, &r.AsOf, &detail, &extra,
		&a.DocumentID, &review, &a.AreaCode, &version, &a.IsCurrent,
		&dup, &a.PlanDate, &a.AsOfDate, &a.TargetDateStart)
	if err != nil {
		return a, err
	}
	a.ReviewID, a.PlanVersion, a.DuplicateOf = ptr(review), ptr(version), ptr(dup)
	r.Agencies, r.Cells, r.AgencyDetail = []string{}, map[string]string{}, []normalize.Agency{}
	for _, x := range []struct {
		src string
		dst any
	}{{agencies, &r.Agencies}, {cells, &r.Cells}, {detail, &r.AgencyDetail}, {extra, r}} {
		if err := json.Unmarshal([]byte(x.src), x.dst); err != nil {
			return a, fmt.Errorf("row %d: %w", r.Seq, err)
		}
	}
	return a, nil
}

func ptr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

// Exports are the views export --what reads, besides action_export.
var Exports = map[string]struct{ View, Order string }{
	"reviews":         {"review_export", "review_id"},
	"documents":       {"document_export", "path, document_id"},
	"recommendations": {"recommendation_export", "document_id, seq"},
}

// jsonColumns are the view columns that hold JSON text, written as JSON.
var jsonColumns = map[string]bool{"warnings": true, "flags": true}

// Row is one row of a view, its columns in order: it marshals to a JSON
// object with the keys in that order, NULL as null.
type Row struct {
	Keys   []string
	Values []any // nil, int64, float64, string or json.RawMessage
}

// MarshalJSON writes the row as an object, keys in order.
func (r Row) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range r.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(r.Values[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Export calls fn with every row of the export named what (reviews,
// documents or recommendations).
func (d *DB) Export(ctx context.Context, what string, fn func(Row) error) error {
	x, ok := Exports[what]
	if !ok {
		return fmt.Errorf("no export named %q", what)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT * FROM `+x.View+` ORDER BY `+x.Order)
	if err != nil {
		return &Error{DB: d.Path, Op: "export " + what, Err: err}
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return &Error{DB: d.Path, Op: "export " + what, Err: err}
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			if s, ok := v.(string); ok && jsonColumns[cols[i]] && json.Valid([]byte(s)) {
				v = json.RawMessage(s)
			}
			vals[i] = v
		}
		if err := fn(Row{Keys: cols, Values: vals}); err != nil {
			return err
		}
	}
	return rows.Err()
}
