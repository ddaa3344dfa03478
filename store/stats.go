package store

import (
	"context"
)

// Stats are the counts `actionplan stats` prints. Documents are counted
// whole; reviews, recommendations and actions only in the current version
// of each plan (the newest one), so that a plan loaded in three versions
// counts once.
type Stats struct {
	Documents       int            `json:"documents"`
	Reviews         int            `json:"reviews"`
	Recommendations int            `json:"recommendations"`
	Actions         int            `json:"actions"`
	ByOutcome       map[string]int `json:"by_outcome"`     // documents by outcome
	ByReviewType    map[string]int `json:"by_review_type"` // reviews by type ("" unknown)
	ByStatus        map[string]int `json:"by_status"`      // actions by status
	ByScope         map[string]int `json:"by_scope"`       // actions by scope
	BySector        map[string]int `json:"by_sector"`      // actions by agency sector; an action naming two sectors counts in each, one naming none under ""
	Overdue         int            `json:"overdue"`        // actions past their target date and not completed
}

const current = `JOIN documents d ON d.id = a.document_id AND d.superseded_by_id IS NULL`

// Stats counts the database's contents.
func (d *DB) Stats(ctx context.Context) (Stats, error) {
	s := Stats{}
	totals := []struct {
		dst *int
		q   string
	}{
		{&s.Documents, `SELECT count(*) FROM documents`},
		{&s.Reviews, `SELECT count(*) FROM reviews`},
		{&s.Recommendations, `SELECT count(*) FROM recommendations a ` + current},
		{&s.Actions, `SELECT count(*) FROM actions a ` + current},
		{&s.Overdue, `SELECT count(*) FROM overdue_actions`},
	}
	for _, t := range totals {
		if err := d.db.QueryRowContext(ctx, t.q).Scan(t.dst); err != nil {
			return s, &Error{DB: d.Path, Op: "stats", Err: err}
		}
	}
	groups := []struct {
		dst *map[string]int
		q   string
	}{
		{&s.ByOutcome, `SELECT outcome, count(*) FROM documents GROUP BY 1`},
		{&s.ByReviewType, `SELECT review_type, count(*) FROM reviews GROUP BY 1`},
		{&s.ByStatus, `SELECT a.status, count(*) FROM actions a ` + current + ` GROUP BY 1`},
		{&s.ByScope, `SELECT a.scope, count(*) FROM actions a ` + current + ` GROUP BY 1`},
		{&s.BySector, `SELECT coalesce(x.sector, ''), count(DISTINCT a.id) FROM actions a ` + current + `
			LEFT JOIN (SELECT DISTINCT aa.action_id, ag.sector FROM action_agencies aa
			           JOIN agencies ag ON ag.id = aa.agency_id) x ON x.action_id = a.id GROUP BY 1`},
	}
	for _, g := range groups {
		m, err := d.countBy(ctx, g.q)
		if err != nil {
			return s, &Error{DB: d.Path, Op: "stats", Err: err}
		}
		*g.dst = m
	}
	return s, nil
}

func (d *DB) countBy(ctx context.Context, q string) (map[string]int, error) {
	rows, err := d.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		m[k] = n
	}
	return m, rows.Err()
}
