package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// rowWriter inserts one document's tables and rows with prepared statements.
type rowWriter struct {
	ctx    context.Context
	tx     *sql.Tx
	doc    int64
	review sql.NullInt64
	recSeq int
	stmts  map[string]*sql.Stmt
}

var rowSQL = map[string]string{
	"plan": `INSERT INTO plans (document_id, table_index, is_plan, columns, row_count, rows_json, page_first, page_last)
		VALUES (?,?,?,?,?,?,?,?)`,
	"rec": `INSERT INTO recommendations (document_id, plan_id, review_id, seq, number, text, scope, scope_printed,
		theme, status, actions, page_first, page_last) VALUES (?,?,?,?,?,?,?,?, ?,?,?,?,?)`,
	"lineage": `UPDATE recommendations SET lineage_id = id WHERE id = ?`,
	"action": `INSERT INTO actions (document_id, plan_id, recommendation_id, seq, number, row_group, theme,
		scope, scope_printed, recommendation_text, action_text, lead_agency, lead_officer, milestone, target_date,
		target_date_iso, target_date_start, target_date_precision, completion_date, completion_date_iso,
		outcome, update_text, evidence, status, status_printed, status_source, status_date, rag, as_of,
		page_first, page_last, extra)
		VALUES (?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?, ?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?)`,
	"cell": `INSERT INTO action_cells (action_id, position, header, text) VALUES (?,?,?,?)`,
	"agency": `INSERT INTO agencies (name, sector, matched)
		VALUES (?1, coalesce((SELECT sector FROM agency_registry WHERE name = ?1), ?2), ?3)
		ON CONFLICT (name) DO UPDATE SET
			sector = coalesce((SELECT sector FROM agency_registry WHERE name = excluded.name),
				min(coalesce(agencies.sector, excluded.sector), coalesce(excluded.sector, agencies.sector))),
			matched = max(agencies.matched, excluded.matched)
		RETURNING id`,
	"action_agency": `INSERT INTO action_agencies (action_id, position, agency_id, printed, sector, unit, former,
		matched, matched_name) VALUES (?,?,?,?,?,?,?,?,?)`,
	"action_lineage": `UPDATE actions SET lineage_id = id WHERE id = ?`,
}

func newRowWriter(ctx context.Context, tx *sql.Tx, doc int64, review sql.NullInt64) (*rowWriter, error) {
	w := &rowWriter{ctx: ctx, tx: tx, doc: doc, review: review, stmts: map[string]*sql.Stmt{}}
	for name, q := range rowSQL {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		w.stmts[name] = st
	}
	return w, nil
}

func (w *rowWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func (w *rowWriter) exec(name string, args ...any) (sql.Result, error) {
	r, err := w.stmts[name].ExecContext(w.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("insert %s: %w", name, err)
	}
	return r, nil
}

// plans inserts every rebuilt table, and a table for any record whose table
// the document does not list; it maps table index to plan id.
func (w *rowWriter) plans(doc *extract.Document, recs []normalize.Record) (map[int]int64, error) {
	ids := map[int]int64{}
	for i := range doc.Tables {
		t := &doc.Tables[i]
		var rowsJSON any
		if !t.IsPlan {
			cells := make([][]string, len(t.Rows))
			for j, r := range t.Rows {
				cells[j] = r.Cells
			}
			rowsJSON = marshal(cells)
		}
		id, err := w.plan(t.Index, t.IsPlan, t.Columns, len(t.Rows), rowsJSON, t.PageFirst, t.PageLast)
		if err != nil {
			return nil, err
		}
		ids[t.Index] = id
	}
	for _, t := range missingTables(recs, ids) {
		id, err := w.plan(t.index, true, t.columns, t.rows, nil, t.first, t.last)
		if err != nil {
			return nil, err
		}
		ids[t.index] = id
	}
	return ids, nil
}

func (w *rowWriter) plan(index int, isPlan bool, cols []string, rows int, rowsJSON any, first, last int) (int64, error) {
	if cols == nil {
		cols = []string{}
	}
	r, err := w.exec("plan", w.doc, index, isPlan, marshal(cols), rows, rowsJSON, first, last)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

type tableSpan struct {
	index, rows, first, last int
	columns                  []string
}

// missingTables describes, from the records alone, the tables the document
// does not list (a Result built without its Document).
func missingTables(recs []normalize.Record, have map[int]int64) []tableSpan {
	m := map[int]*tableSpan{}
	var order []int
	for _, r := range recs {
		if _, ok := have[r.Table]; ok {
			continue
		}
		t := m[r.Table]
		if t == nil {
			t = &tableSpan{index: r.Table, first: r.PageFirst, last: r.PageLast}
			for h := range r.Cells {
				t.columns = append(t.columns, h)
			}
			sort.Strings(t.columns)
			m[r.Table] = t
			order = append(order, r.Table)
		}
		t.rows++
		t.first = min(t.first, r.PageFirst)
		t.last = max(t.last, r.PageLast)
	}
	out := make([]tableSpan, len(order))
	for i, idx := range order {
		out[i] = *m[idx]
	}
	return out
}

// recommendation inserts one recommendation and its actions.
func (w *rowWriter) recommendation(plan int64, g []normalize.Record, rows map[rowKey]rebuilt) error {
	w.recSeq++
	first, last := g[0].PageFirst, g[0].PageLast
	var text, scope, scopePrinted string
	for _, r := range g {
		first, last = min(first, r.PageFirst), max(last, r.PageLast)
		text = firstNonEmpty(text, r.Recommendation)
		scope = firstNonEmpty(scope, r.Scope)
		scopePrinted = firstNonEmpty(scopePrinted, r.ScopePrinted)
	}
	res, err := w.exec("rec", w.doc, plan, w.review, w.recSeq, nullString(firstNonEmpty(g[0].RecommendationNumber, g[0].Number)), nullString(text),
		nullString(scope), nullString(scopePrinted), nullString(g[0].Theme), nullString(recommendationStatus(g)),
		len(g), first, last)
	if err != nil {
		return err
	}
	rec, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := w.exec("lineage", rec); err != nil {
		return err
	}
	for _, r := range g {
		if err := w.action(plan, rec, text, r, cellsOf(r, rows)); err != nil {
			return fmt.Errorf("row %d: %w", r.Seq, err)
		}
	}
	return nil
}

func (w *rowWriter) action(plan, rec int64, recText string, r normalize.Record, cells []cell) error {
	prec := r.TargetDatePrec
	start, end, ok := period(r.TargetDateISO, prec)
	if !ok {
		prec = ""
	} else if prec == "" {
		prec = precisionOf(r.TargetDateISO)
	}
	res, err := w.exec("action", w.doc, plan, rec, r.Seq, nullString(r.Number), r.Group, nullString(r.Theme),
		nullString(r.Scope), nullString(r.ScopePrinted), nullString(recText), nullString(r.Action),
		nullString(r.LeadAgency), nullString(r.LeadOfficer), nullString(r.Milestone), nullString(r.TargetDate),
		nullString(end), nullString(start), nullString(prec), nullString(r.CompletionDate),
		nullString(r.CompletionISO), nullString(r.Outcome), nullString(r.Update), nullString(r.Evidence),
		nullString(r.Status), nullString(r.StatusPrinted), nullString(r.StatusSource), nullString(r.StatusDate),
		nullString(r.RAG), nullString(r.AsOf), r.PageFirst, r.PageLast, extraJSON(r))
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := w.exec("action_lineage", id); err != nil {
		return err
	}
	for i, c := range cells {
		if _, err := w.exec("cell", id, i, nullString(c.header), nullString(c.text)); err != nil {
			return err
		}
	}
	for i, a := range agenciesOf(r) {
		var ag int64
		if err := w.stmts["agency"].QueryRowContext(w.ctx, a.Canonical, nullString(a.Sector), a.Matched).Scan(&ag); err != nil {
			return fmt.Errorf("insert agency: %w", err)
		}
		if _, err := w.exec("action_agency", id, i, ag, nullString(a.Printed), nullString(a.Sector),
			nullString(a.Unit), nullString(a.Former), a.Matched, nullString(a.MatchedName)); err != nil {
			return err
		}
	}
	return nil
}

// agenciesOf gives the record's agencies with detail, or, without detail,
// its canonical names as unmatched agencies of unknown sector.
func agenciesOf(r normalize.Record) []normalize.Agency {
	var out []normalize.Agency
	if len(r.AgencyDetail) > 0 {
		for _, a := range r.AgencyDetail {
			if a.Canonical != "" {
				out = append(out, a)
			}
		}
		return out
	}
	for _, n := range r.Agencies {
		if n != "" {
			out = append(out, normalize.Agency{Printed: n, Canonical: n})
		}
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
