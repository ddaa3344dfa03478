package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/actionplan/actionplan/normalize"
)

// reviewKeys gives the two identities of a review: type and reference, and
// type, area and pseudonym. Either may be "" when the document lacks it.
func reviewKeys(r normalize.Review) (refKey, nameKey string) {
	t := fold(r.Type)
	if ref := fold(r.Reference); ref != "" {
		refKey = t + "|" + ref
	}
	if a, p := fold(r.Area), fold(r.Pseudonym); a != "" && p != "" {
		nameKey = t + "|" + a + "|" + p
	}
	return refKey, nameKey
}

// fold lower-cases s and collapses its whitespace.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// findReview returns the review the document belongs to, creating it when
// new, and fills in what the review lacked (a reference first read from a
// later version). The name identity joins a review only when the references
// do not disagree. A document with neither identity has no review.
func findReview(ctx context.Context, tx *sql.Tx, r normalize.Review, run int64) (sql.NullInt64, error) {
	refKey, nameKey := reviewKeys(r)
	if refKey == "" && nameKey == "" {
		return sql.NullInt64{}, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM reviews
		WHERE (ref_key = ?1 AND ?1 <> '')
		   OR (name_key = ?2 AND ?2 <> '' AND (ref_key IS NULL OR ?1 = ''))
		ORDER BY (ref_key = ?1) DESC, id LIMIT 1`, refKey, nameKey).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO reviews
			(review_type, reference, area, area_code, pseudonym, ref_key, name_key, first_run_id)
			VALUES (?,?,?,?,?,?,?,?)`, nullString(r.Type), nullString(r.Reference), nullString(r.Area),
			nullString(r.AreaCode), nullString(r.Pseudonym), nullString(refKey), nullString(nameKey), nullID(run))
		if err != nil {
			return sql.NullInt64{}, err
		}
		id, err = res.LastInsertId()
		return sql.NullInt64{Int64: id, Valid: true}, err
	case err != nil:
		return sql.NullInt64{}, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE reviews SET
		review_type = coalesce(review_type, ?2), reference = coalesce(reference, ?3),
		area = coalesce(area, ?4), pseudonym = coalesce(pseudonym, ?5),
		ref_key = coalesce(ref_key, ?6), name_key = coalesce(name_key, ?7),
		area_code = coalesce(area_code, CASE WHEN coalesce(area, ?4) = ?4 THEN ?8 END)
		WHERE id = ?1`, id, nullString(r.Type), nullString(r.Reference), nullString(r.Area), nullString(r.Pseudonym),
		nullString(refKey), nullString(nameKey), nullString(r.AreaCode))
	return sql.NullInt64{Int64: id, Valid: true}, err
}
