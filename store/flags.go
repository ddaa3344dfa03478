package store

import (
	"context"
	"database/sql"

	"github.com/actionplan/actionplan/extract"
)

// writeFlags replaces the quality flags of document id.
func writeFlags(ctx context.Context, tx *sql.Tx, id int64, flags []extract.Flag) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM document_flags WHERE document_id = ?`, id); err != nil {
		return err
	}
	for _, f := range flags {
		var page, table any
		if f.Page > 0 {
			page = f.Page
		}
		if f.Table > 0 {
			table = f.Table - 1
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_flags (document_id, code, page, table_index, detail)
			VALUES (?, ?, ?, ?, ?)`, id, f.Code, page, table, f.Detail); err != nil {
			return err
		}
	}
	return nil
}

// DocumentFlag is one quality flag as export --what documents writes it.
type DocumentFlag struct {
	Code   string `json:"code"`
	Page   *int   `json:"page"`  // nil for the whole document
	Table  *int   `json:"table"` // 0-based table index, nil for none
	Detail string `json:"detail"`
}

// documentFlags reads every document's flags, by document id.
func (d *DB) documentFlags(ctx context.Context) (map[int64][]DocumentFlag, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT document_id, code, page, table_index, detail
		FROM document_flags ORDER BY document_id, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]DocumentFlag{}
	for rows.Next() {
		var id int64
		var f DocumentFlag
		var page, table sql.NullInt64
		if err := rows.Scan(&id, &f.Code, &page, &table, &f.Detail); err != nil {
			return nil, err
		}
		if page.Valid {
			p := int(page.Int64)
			f.Page = &p
		}
		if table.Valid {
			t := int(table.Int64)
			f.Table = &t
		}
		out[id] = append(out[id], f)
	}
	return out, rows.Err()
}
