package store

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"unicode"
)

// relink orders the plan documents (outcome ok) of a review into versions,
// marks the one current document, and matches each version's
// recommendations and actions to the version before. It runs in the loading
// transaction on the whole review, so the result does not depend on the
// order in which versions were loaded.
//
// A duplicate (the same rows as an earlier document, duplicate_of) is no
// version of its own: it takes its original's version number, is never
// current, and its recommendations and actions share their lineage with the
// original's. The real versions are ordered by the plan's own date (its
// as-of date, else its plan date; undated plans first), then by the run that
// first loaded them, then by file name and sha256.
func relink(ctx context.Context, tx *sql.Tx, review sql.NullInt64) error {
	if !review.Valid {
		return nil
	}
	docs, err := reviewPlans(ctx, tx, review.Int64)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET version = NULL, previous_document_id = NULL,
		superseded_by_id = NULL, is_current = 0 WHERE review_id = ?`, review.Int64)
	if err != nil {
		return err
	}
	var real, dups []planDoc
	for _, d := range docs {
		if d.duplicateOf.Valid {
			dups = append(dups, d)
		} else {
			real = append(real, d)
		}
	}
	versionOf := map[int64]int{}
	var prev []recRef
	for i, d := range real {
		var prevID, nextID any
		if i > 0 {
			prevID = real[i-1].id
		}
		if i+1 < len(real) {
			nextID = real[i+1].id
		}
		versionOf[d.id] = i + 1
		_, err := tx.ExecContext(ctx, `UPDATE documents SET version = ?, previous_document_id = ?,
			superseded_by_id = ?, is_current = ? WHERE id = ?`, i+1, prevID, nextID, i+1 == len(real), d.id)
		if err != nil {
			return err
		}
		cur, err := docRecs(ctx, tx, d.id)
		if err != nil {
			return err
		}
		matchRecs(prev, cur)
		if err := saveMatches(ctx, tx, cur); err != nil {
			return err
		}
		if err := linkActions(ctx, tx, prev, cur); err != nil {
			return err
		}
		prev = cur
	}
	for _, d := range dups {
		var v any
		if n, ok := versionOf[d.duplicateOf.Int64]; ok {
			v = n
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET version = ? WHERE id = ?`, v, d.id); err != nil {
			return err
		}
		if err := linkDuplicate(ctx, tx, d.id, d.duplicateOf.Int64); err != nil {
			return err
		}
	}
	return nil
}

type planDoc struct {
	id             int64
	date, file, sh string
	firstRun       int64
	duplicateOf    sql.NullInt64
}

func reviewPlans(ctx context.Context, tx *sql.Tx, review int64) ([]planDoc, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(as_of, plan_date, ''), file, coalesce(sha256, ''),
		coalesce(first_run_id, 0), duplicate_of
		FROM documents WHERE review_id = ? AND outcome = 'ok'`, review)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []planDoc
	for rows.Next() {
		var d planDoc
		if err := rows.Scan(&d.id, &d.date, &d.file, &d.sh, &d.firstRun, &d.duplicateOf); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.date != b.date {
			return a.date < b.date
		}
		return loadedBefore(a, b)
	})
	return out, rows.Err()
}

// loadedBefore orders documents by the run that first loaded them, then by
// file name and sha256 (documents of one run are loaded in no set order).
func loadedBefore(a, b planDoc) bool {
	if a.firstRun != b.firstRun {
		return a.firstRun < b.firstRun
	}
	if a.file != b.file {
		return a.file < b.file
	}
	if a.sh != b.sh {
		return a.sh < b.sh
	}
	return a.id < b.id
}

// recRef is one recommendation as the matcher sees it.
type recRef struct {
	id      int64
	number  string
	words   map[string]bool
	prev    *recRef
	lineage int64
	method  string
	score   float64
}

func docRecs(ctx context.Context, tx *sql.Tx, doc int64) ([]recRef, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(number, ''), coalesce(text, '') FROM recommendations
		WHERE document_id = ? ORDER BY seq`, doc)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []recRef
	for rows.Next() {
		var r recRef
		var text string
		if err := rows.Scan(&r.id, &r.number, &text); err != nil {
			return nil, err
		}
		r.number = strings.ToLower(strings.TrimSpace(r.number))
		r.words = words(text)
		r.lineage = r.id
		out = append(out, r)
	}
	return out, rows.Err()
}

// Thresholds of the matching rule (README "Database").
const (
	minSimWithNumber = 0.5 // same number: texts must share half their words...
	minSimTextOnly   = 0.8 // ...different or no number: four fifths
)

// matchRecs links each recommendation of cur to at most one of prev, one to
// one, best pairs first. A pair matches when:
//   - both carry the same number and their texts' word similarity (Jaccard)
//     is at least 0.5 ("number+text");
//   - or both carry the same number, which no other recommendation of either
//     version carries ("number": the text was reworded);
//   - or their texts' similarity is at least 0.8 ("text": renumbered).
func matchRecs(prev, cur []recRef) {
	type pair struct {
		p, c   int
		score  float64
		method string
	}
	pn, cn := numberCounts(prev), numberCounts(cur)
	var pairs []pair
	for i := range prev {
		for j := range cur {
			p, c := &prev[i], &cur[j]
			sim := jaccard(p.words, c.words)
			sameNum := p.number != "" && p.number == c.number
			switch {
			case sameNum && sim >= minSimWithNumber:
				pairs = append(pairs, pair{i, j, 2 + sim, "number+text"})
			case sameNum && pn[p.number] == 1 && cn[c.number] == 1:
				pairs = append(pairs, pair{i, j, 1 + sim, "number"})
			case sim >= minSimTextOnly:
				pairs = append(pairs, pair{i, j, sim, "text"})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedP := map[int]bool{}
	for _, pr := range pairs {
		c := &cur[pr.c]
		if usedP[pr.p] || c.prev != nil {
			continue
		}
		usedP[pr.p] = true
		c.prev = &prev[pr.p]
		c.lineage = prev[pr.p].lineage
		c.method = pr.method
		c.score = jaccard(prev[pr.p].words, c.words)
	}
}

func numberCounts(rs []recRef) map[string]int {
	m := map[string]int{}
	for _, r := range rs {
		if r.number != "" {
			m[r.number]++
		}
	}
	return m
}

func saveMatches(ctx context.Context, tx *sql.Tx, cur []recRef) error {
	for _, r := range cur {
		var prev, score any
		if r.prev != nil {
			prev, score = r.prev.id, r.score
		}
		_, err := tx.ExecContext(ctx, `UPDATE recommendations SET previous_id = ?, lineage_id = ?,
			match_method = ?, match_score = ? WHERE id = ?`, prev, r.lineage, nullString(r.method), score, r.id)
		if err != nil {
			return err
		}
	}
	return nil
}

// words is the set of lower-cased words of s.
func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		m[w] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}
