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

// DocumentFlag is one quality flag as export --what documents writes it
// (the flags list of the view document_export).
type DocumentFlag struct {
	Code   string `json:"code"`
	Page   *int   `json:"page"`  // nil for the whole document
	Table  *int   `json:"table"` // 0-based table index, nil for none
	Detail string `json:"detail"`
}
