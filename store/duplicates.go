package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"sort"
	"strings"
	"unicode"
)

// hashFields are the columns of an action row that make its content: what
// normalize read, not where it was printed (pages) nor how the producer laid
// it out.
const hashFields = `coalesce(number, ''), coalesce(recommendation_text, ''), coalesce(action_text, ''),
	coalesce(lead_agency, ''), coalesce(lead_officer, ''), coalesce(milestone, ''), coalesce(target_date_iso, ''),
	coalesce(completion_date, ''), coalesce(outcome, ''), coalesce(update_text, ''), coalesce(evidence, ''),
	coalesce(status, ''), coalesce(rag, ''),
	(SELECT coalesce(group_concat(name, '|'), '') FROM (SELECT ag.name FROM action_agencies aa
	 JOIN agencies ag ON ag.id = aa.agency_id WHERE aa.action_id = actions.id ORDER BY aa.position))`

const nHashFields = 14

// contentHash is the sha256 of a document's action rows as normalized, each
// text folded to its lower-case letters and digits (so that a producer's
// hyphenation, spacing or punctuation makes no difference), or "" for a
// document without rows. Two documents with the same hash are one plan
// version printed twice.
func contentHash(ctx context.Context, tx *sql.Tx, doc int64) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+hashFields+` FROM actions WHERE document_id = ? ORDER BY seq`, doc)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	h := sha256.New()
	n := 0
	vals := make([]string, nHashFields)
	ptrs := make([]any, nHashFields)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		for _, v := range vals {
			h.Write([]byte(foldText(v)))
			h.Write([]byte{0x1f})
		}
		h.Write([]byte{0x1e})
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// foldText keeps the lower-cased letters and digits of s.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// settle brings the versions of a just loaded document, and of everything it
// touches, up to date: it stores the document's content hash, lets a
// document without a review join the review of the first document with the
// same content, flags duplicates among the documents of one review with
// that content (the first loaded is the original), and orders the versions
// of every review concerned again. Documents of two different reviews are
// never duplicates of each other: their title blocks say they are not the
// same review, whatever their rows. extra names
// further reviews to order again (the one the document was in before).
func settle(ctx context.Context, tx *sql.Tx, doc int64, extra ...sql.NullInt64) error {
	hash, err := contentHash(ctx, tx, doc)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET content_hash = ?, duplicate_of = NULL WHERE id = ?`,
		nullString(hash), doc); err != nil {
		return err
	}
	group, err := hashGroup(ctx, tx, doc, hash)
	if err != nil {
		return err
	}
	reviews := map[int64]bool{}
	for _, r := range extra {
		if r.Valid {
			reviews[r.Int64] = true
		}
	}
	var review sql.NullInt64
	for _, d := range group {
		if d.review.Valid && !review.Valid {
			review = d.review
		}
	}
	original := map[int64]int64{} // review (0: none) -> its first document with this content
	for _, d := range group {
		if !d.review.Valid && review.Valid {
			if err := joinReview(ctx, tx, d.id, review); err != nil {
				return err
			}
			d.review = review
		}
		var dupOf any
		if o, ok := original[d.review.Int64]; ok {
			dupOf = o
		} else {
			original[d.review.Int64] = d.id
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET duplicate_of = ? WHERE id = ?`, dupOf, d.id); err != nil {
			return err
		}
		if d.review.Valid {
			reviews[d.review.Int64] = true
		}
	}
	ids := make([]int64, 0, len(reviews))
	for id := range reviews {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := relink(ctx, tx, sql.NullInt64{Int64: id, Valid: true}); err != nil {
			return err
		}
	}
	// Documents without a review: each readable plan that is no duplicate is
	// its own current version.
	_, err = tx.ExecContext(ctx, `UPDATE documents SET version = NULL, previous_document_id = NULL,
		superseded_by_id = NULL,
		is_current = (outcome = 'ok' AND duplicate_of IS NULL)
		WHERE review_id IS NULL AND (id = ? OR content_hash = ?)`, doc, nullString(hash))
	return err
}

type hashMember struct {
	planDoc
	review sql.NullInt64
}

// hashGroup lists the readable documents with this content hash (doc alone
// when it has none), original first.
func hashGroup(ctx context.Context, tx *sql.Tx, doc int64, hash string) ([]hashMember, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, file, coalesce(sha256, ''), coalesce(first_run_id, 0), review_id
		FROM documents WHERE (content_hash = ?1 AND outcome = 'ok') OR id = ?2`, nullString(hash), doc)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []hashMember
	for rows.Next() {
		var m hashMember
		if err := rows.Scan(&m.id, &m.file, &m.sh, &m.firstRun, &m.review); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return loadedBefore(out[i].planDoc, out[j].planDoc) })
	return out, rows.Err()
}

// joinReview puts a document (and its recommendations) into a review.
func joinReview(ctx context.Context, tx *sql.Tx, doc int64, review sql.NullInt64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET review_id = ? WHERE id = ?`, review, doc); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE recommendations SET review_id = ? WHERE document_id = ?`, review, doc)
	return err
}

// resettleGroup settles the documents left with a content hash that a
// reloaded document no longer has, so that one of them is the original.
func resettleGroup(ctx context.Context, tx *sql.Tx, hash sql.NullString) error {
	if !hash.Valid {
		return nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1`, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return settle(ctx, tx, id)
}
