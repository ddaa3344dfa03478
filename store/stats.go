package store

import (
	"context"
	"fmt"
)

// Stats are the counts `actionplan stats` prints. Documents are counted
// whole; recommendations and actions only in the current version of each
// plan, so that a plan loaded in three versions, or printed three times,
// counts once.
type Stats struct {
	Documents       int            `json:"documents"`
	Reviews         int            `json:"reviews"`
	CurrentPlans    int            `json:"current_plans"` // documents that are the current version of their plan
	Duplicates      int            `json:"duplicates"`    // documents whose rows repeat an earlier document's
	Recommendations int            `json:"recommendations"`
	Actions         int            `json:"actions"`
	ByOutcome       map[string]int `json:"by_outcome"`     // documents by outcome
	ByReviewType    map[string]int `json:"by_review_type"` // reviews by type ("" unknown)
	ByStatus        map[string]int `json:"by_status"`      // actions by status
	ByScope         map[string]int `json:"by_scope"`       // actions by scope
	BySector        map[string]int `json:"by_sector"`      // actions by agency sector; an action naming two sectors counts in each, one naming none under ""
	Overdue         int            `json:"overdue"`        // actions not completed whose target period ended before the as-of date
	AsOf            string         `json:"as_of"`          // the date overdue is measured at; "" = each plan's own as-of date
}

const current = `JOIN documents d ON d.id = a.document_id AND d.is_current = 1`

// overdueAt counts current actions overdue at ?1, or at each plan's own
// as-of date when ?1 is NULL. Actions without a status are never overdue.
const overdueAt = `SELECT count(*) FROM actions a ` + current + `
	WHERE a.status IN ('ongoing', 'not_started') AND a.target_date_iso IS NOT NULL
	  AND a.target_date_iso < coalesce(?1, d.as_of_date)`

// StatsOptions tunes Stats.
type StatsOptions struct {
	AsOf string // YYYY-MM-DD: count overdue actions at this date instead of each plan's as-of date
}

// Stats counts the database's contents.
func (d *DB) Stats(ctx context.Context, opt StatsOptions) (Stats, error) {
	s := Stats{AsOf: opt.AsOf}
	if opt.AsOf != "" && periodStart(opt.AsOf) != opt.AsOf {
		return s, fmt.Errorf("as-of date %q: want YYYY-MM-DD", opt.AsOf)
	}
	totals := []struct {
		dst  *int
		q    string
		args []any
	}{
		{&s.Documents, `SELECT count(*) FROM documents`, nil},
		{&s.Reviews, `SELECT count(*) FROM reviews`, nil},
		{&s.CurrentPlans, `SELECT count(*) FROM documents WHERE is_current = 1`, nil},
		{&s.Duplicates, `SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL`, nil},
		{&s.Recommendations, `SELECT count(*) FROM recommendations a ` + current, nil},
		{&s.Actions, `SELECT count(*) FROM actions a ` + current, nil},
		{&s.Overdue, overdueAt, []any{nullString(opt.AsOf)}},
	}
	for _, t := range totals {
		if err := d.db.QueryRowContext(ctx, t.q, t.args...).Scan(t.dst); err != nil {
			return s, &Error{DB: d.Path, Op: "stats", Err: err}
		}
	}
	groups := []struct {
		dst *map[string]int
		q   string
	}{
		{&s.ByOutcome, `SELECT outcome, count(*) FROM documents GROUP BY 1`},
		{&s.ByReviewType, `SELECT coalesce(review_type, ''), count(*) FROM reviews GROUP BY 1`},
		{&s.ByStatus, `SELECT coalesce(a.status, ''), count(*) FROM actions a ` + current + ` GROUP BY 1`},
		{&s.ByScope, `SELECT coalesce(a.scope, ''), count(*) FROM actions a ` + current + ` GROUP BY 1`},
		{&s.BySector, `SELECT coalesce(x.sector, ''), count(DISTINCT a.id) FROM actions a ` + current + `
			LEFT JOIN (SELECT DISTINCT action_id, sector FROM action_agencies) x ON x.action_id = a.id GROUP BY 1`},
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
