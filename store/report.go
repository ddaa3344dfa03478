package store

import (
	"context"
	"database/sql"
)

// Report is the quality report of a database (actionplan report): what an
// analyst should look at before counting.
type Report struct {
	Documents         int                `json:"documents"`
	WithoutReview     []ReportDocument   `json:"without_review"`        // documents linked to no review
	NoPlanWithTables  []ReportDocument   `json:"no_plan_with_tables"`   // no_plan documents that show tables
	UnmatchedAgencies []ReportName       `json:"unmatched_agencies"`    // agency names matched to nothing, by mentions
	EmptyKeyFields    []ReportEmptyField `json:"empty_key_fields"`      // action rows of current plans missing a key field
	UnreadStatuses    []ReportStatus     `json:"unrecognized_statuses"` // status text printed but not recognized
	Duplicates        []ReportDuplicate  `json:"duplicates"`            // documents whose rows repeat an earlier document's
	Flags             map[string]int     `json:"flags"`                 // quality flags by code
}

// ReportDocument names a document.
type ReportDocument struct {
	ID      int64  `json:"document_id"`
	File    string `json:"file"`
	Path    string `json:"path"`
	Outcome string `json:"outcome"`
	Tables  int    `json:"tables,omitempty"`
}

// ReportName is a name with how often it occurs.
type ReportName struct {
	Name      string `json:"name"`
	Mentions  int    `json:"mentions"`
	Documents int    `json:"documents"`
}

// ReportEmptyField counts the action rows of current plans without a value
// in one key field, with the first few of them.
type ReportEmptyField struct {
	Field string          `json:"field"`
	Rows  int             `json:"rows"`
	First []ReportRowLink `json:"first"`
}

// ReportRowLink points at one action row.
type ReportRowLink struct {
	File string `json:"file"`
	Seq  int    `json:"seq"`
	Page int    `json:"page"`
}

// ReportStatus is a status as printed that gave no status, with its count.
type ReportStatus struct {
	Printed string `json:"printed"`
	Rows    int    `json:"rows"`
}

// ReportDuplicate is a document flagged as a duplicate, with its original.
type ReportDuplicate struct {
	ID           int64  `json:"document_id"`
	File         string `json:"file"`
	OriginalID   int64  `json:"duplicate_of"`
	OriginalFile string `json:"original_file"`
}

// keyFields are the action columns without which a row is hard to use.
var keyFields = []struct{ name, column string }{
	{"recommendation", "recommendation_text"},
	{"action", "action_text"},
	{"lead_agency", "lead_agency"},
	{"target_date", "target_date"},
	{"status", "status"},
}

// maxListed bounds the rows listed for each empty key field.
const maxListed = 5

// Report builds the quality report.
func (d *DB) Report(ctx context.Context) (Report, error) {
	r := Report{WithoutReview: []ReportDocument{}, NoPlanWithTables: []ReportDocument{},
		UnmatchedAgencies: []ReportName{}, EmptyKeyFields: []ReportEmptyField{}, UnreadStatuses: []ReportStatus{},
		Duplicates: []ReportDuplicate{}}
	steps := []func(context.Context, *Report) error{
		d.reportDocuments, d.reportAgencies, d.reportEmptyFields, d.reportStatuses, d.reportDuplicates, d.reportFlags,
	}
	for _, step := range steps {
		if err := step(ctx, &r); err != nil {
			return r, &Error{DB: d.Path, Op: "report", Err: err}
		}
	}
	return r, nil
}

func (d *DB) reportDocuments(ctx context.Context, r *Report) error {
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&r.Documents); err != nil {
		return err
	}
	err := d.each(ctx, `SELECT id, file, path, outcome, 0 FROM documents WHERE review_id IS NULL ORDER BY path, id`,
		func(rows *sql.Rows) error {
			var x ReportDocument
			err := rows.Scan(&x.ID, &x.File, &x.Path, &x.Outcome, &x.Tables)
			r.WithoutReview = append(r.WithoutReview, x)
			return err
		})
	if err != nil {
		return err
	}
	return d.each(ctx, `SELECT d.id, d.file, d.path, d.outcome, count(p.id) FROM documents d
		JOIN plans p ON p.document_id = d.id WHERE d.outcome = 'no_plan' GROUP BY d.id ORDER BY d.path, d.id`,
		func(rows *sql.Rows) error {
			var x ReportDocument
			err := rows.Scan(&x.ID, &x.File, &x.Path, &x.Outcome, &x.Tables)
			r.NoPlanWithTables = append(r.NoPlanWithTables, x)
			return err
		})
}

func (d *DB) reportAgencies(ctx context.Context, r *Report) error {
	return d.each(ctx, `SELECT ag.name, count(*), count(DISTINCT a.document_id) FROM action_agencies aa
		JOIN agencies ag ON ag.id = aa.agency_id
		JOIN actions a ON a.id = aa.action_id
		JOIN documents d ON d.id = a.document_id AND d.duplicate_of IS NULL
		WHERE aa.matched = 0 GROUP BY ag.name ORDER BY count(*) DESC, ag.name`,
		func(rows *sql.Rows) error {
			var x ReportName
			err := rows.Scan(&x.Name, &x.Mentions, &x.Documents)
			r.UnmatchedAgencies = append(r.UnmatchedAgencies, x)
			return err
		})
}

func (d *DB) reportEmptyFields(ctx context.Context, r *Report) error {
	for _, f := range keyFields {
		x := ReportEmptyField{Field: f.name, First: []ReportRowLink{}}
		where := `FROM actions a JOIN documents d ON d.id = a.document_id AND d.is_current = 1
			WHERE a.` + f.column + ` IS NULL`
		if err := d.db.QueryRowContext(ctx, `SELECT count(*) `+where).Scan(&x.Rows); err != nil {
			return err
		}
		if x.Rows == 0 {
			continue
		}
		err := d.each(ctx, `SELECT d.file, a.seq, a.page_first `+where+` ORDER BY d.path, a.seq LIMIT ?`,
			func(rows *sql.Rows) error {
				var l ReportRowLink
				err := rows.Scan(&l.File, &l.Seq, &l.Page)
				x.First = append(x.First, l)
				return err
			}, maxListed)
		if err != nil {
			return err
		}
		r.EmptyKeyFields = append(r.EmptyKeyFields, x)
	}
	return nil
}

// reportStatuses lists the status texts printed that normalize could not
// read: the status cell of a row without a status (its status column when
// known, else a column whose header says status).
func (d *DB) reportStatuses(ctx context.Context, r *Report) error {
	return d.each(ctx, `SELECT t, count(*) FROM (
			SELECT coalesce(a.status_printed,
				(SELECT c.text FROM action_cells c WHERE c.action_id = a.id AND c.text IS NOT NULL
				   AND (c.header = a.status_source OR lower(c.header) LIKE '%status%') ORDER BY c.position LIMIT 1)) AS t
			FROM actions a JOIN documents d ON d.id = a.document_id AND d.duplicate_of IS NULL
			WHERE a.status IS NULL)
		WHERE t IS NOT NULL GROUP BY t ORDER BY count(*) DESC, t`,
		func(rows *sql.Rows) error {
			var x ReportStatus
			err := rows.Scan(&x.Printed, &x.Rows)
			r.UnreadStatuses = append(r.UnreadStatuses, x)
			return err
		})
}

func (d *DB) reportDuplicates(ctx context.Context, r *Report) error {
	return d.each(ctx, `SELECT d.id, d.file, o.id, o.file FROM documents d JOIN documents o ON o.id = d.duplicate_of
		ORDER BY o.path, d.path`,
		func(rows *sql.Rows) error {
			var x ReportDuplicate
			err := rows.Scan(&x.ID, &x.File, &x.OriginalID, &x.OriginalFile)
			r.Duplicates = append(r.Duplicates, x)
			return err
		})
}

func (d *DB) reportFlags(ctx context.Context, r *Report) error {
	m, err := d.countBy(ctx, `SELECT code, count(DISTINCT document_id) FROM document_flags GROUP BY code`)
	r.Flags = m
	return err
}

// each runs q and calls fn on every row.
func (d *DB) each(ctx context.Context, q string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
