package store

import (
	"context"
	"database/sql"
	"strings"
)

// linkActions follows actions across two versions: within each
// recommendation of cur matched to one of prev, its actions are matched to
// that recommendation's actions by the rule recommendations follow (number
// and text, number alone, text alone), and what is left is paired by
// position when both recommendations have as many actions. An action with no
// match starts a lineage of its own.
func linkActions(ctx context.Context, tx *sql.Tx, prev, cur []recRef) error {
	if len(cur) == 0 {
		return nil
	}
	prevActs, err := recActions(ctx, tx, prev)
	if err != nil {
		return err
	}
	curActs, err := recActions(ctx, tx, cur)
	if err != nil {
		return err
	}
	for _, r := range cur {
		acts := curActs[r.id]
		if r.prev != nil {
			before := prevActs[r.prev.id]
			matchRecs(before, acts)
			pairByPosition(before, acts)
		}
		if err := saveActionMatches(ctx, tx, acts); err != nil {
			return err
		}
	}
	return nil
}

// pairByPosition matches the actions still unmatched at the same position,
// when both lists are as long.
func pairByPosition(prev, cur []recRef) {
	if len(prev) != len(cur) {
		return
	}
	used := map[int64]bool{}
	for _, c := range cur {
		if c.prev != nil {
			used[c.prev.id] = true
		}
	}
	for i := range cur {
		if cur[i].prev == nil && !used[prev[i].id] {
			cur[i].prev, cur[i].lineage, cur[i].method = &prev[i], prev[i].lineage, "position"
		}
	}
}

// recActions gives the actions of each recommendation, in order, with the
// lineage they have been given so far.
func recActions(ctx context.Context, tx *sql.Tx, recs []recRef) (map[int64][]recRef, error) {
	out := map[int64][]recRef{}
	for _, r := range recs {
		rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(number, ''), coalesce(action_text, ''),
			coalesce(lineage_id, id) FROM actions WHERE recommendation_id = ? ORDER BY seq`, r.id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var a recRef
			var text string
			if err := rows.Scan(&a.id, &a.number, &text, &a.lineage); err != nil {
				rows.Close()
				return nil, err
			}
			a.number = strings.ToLower(strings.TrimSpace(a.number))
			a.words = words(text)
			out[r.id] = append(out[r.id], a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func saveActionMatches(ctx context.Context, tx *sql.Tx, acts []recRef) error {
	for _, a := range acts {
		var prev any
		lineage := a.id
		if a.prev != nil {
			prev, lineage = a.prev.id, a.prev.lineage
		}
		_, err := tx.ExecContext(ctx, `UPDATE actions SET previous_id = ?, lineage_id = ?, match_method = ?
			WHERE id = ?`, prev, lineage, nullString(a.method), a.id)
		if err != nil {
			return err
		}
	}
	return nil
}

// linkDuplicate gives a duplicate's recommendations and actions the lineage
// of the original's at the same position (their rows are the same).
func linkDuplicate(ctx context.Context, tx *sql.Tx, dup, orig int64) error {
	for _, q := range []string{
		`UPDATE recommendations SET previous_id = NULL, match_score = NULL,
			match_method = CASE WHEN o.id IS NULL THEN NULL ELSE 'duplicate' END,
			lineage_id = coalesce(o.lineage_id, recommendations.id)
		FROM (SELECT r.seq, o.id, o.lineage_id FROM recommendations r
		      LEFT JOIN recommendations o ON o.document_id = ?2 AND o.seq = r.seq
		      WHERE r.document_id = ?1) o
		WHERE recommendations.document_id = ?1 AND recommendations.seq = o.seq`,
		`UPDATE actions SET previous_id = NULL,
			match_method = CASE WHEN o.id IS NULL THEN NULL ELSE 'duplicate' END,
			lineage_id = coalesce(o.lineage_id, actions.id)
		FROM (SELECT a.seq, o.id, o.lineage_id FROM actions a
		      LEFT JOIN actions o ON o.document_id = ?2 AND o.seq = a.seq
		      WHERE a.document_id = ?1) o
		WHERE actions.document_id = ?1 AND actions.seq = o.seq`,
	} {
		if _, err := tx.ExecContext(ctx, q, dup, orig); err != nil {
			return err
		}
	}
	return nil
}
