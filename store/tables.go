package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// writeTables stores every table of the document, its recommendations,
// actions, cells and agencies; triggers index the text for search.
func writeTables(ctx context.Context, tx *sql.Tx, docID int64, review sql.NullInt64, in LoadInput) error {
	w, err := newRowWriter(ctx, tx, docID, review)
	if err != nil {
		return err
	}
	defer w.close()
	plans, err := w.plans(in.Doc, in.Norm.Records)
	if err != nil {
		return err
	}
	rows := rowIndex(in.Doc)
	for _, g := range groupRecords(in.Norm.Records) {
		if err := w.recommendation(plans[g[0].Table], g, rows); err != nil {
			return err
		}
	}
	return nil
}

// groupRecords splits the records into recommendations: consecutive records
// of one table that share a non-zero Group (a merged recommendation cell), or
// that repeat the same number and recommendation text.
func groupRecords(recs []normalize.Record) [][]normalize.Record {
	var out [][]normalize.Record
	for i, r := range recs {
		if i > 0 && sameRecommendation(recs[i-1], r) {
			out[len(out)-1] = append(out[len(out)-1], r)
			continue
		}
		out = append(out, []normalize.Record{r})
	}
	return out
}

func sameRecommendation(a, b normalize.Record) bool {
	if a.Table != b.Table {
		return false
	}
	if a.Group != 0 || b.Group != 0 {
		return a.Group == b.Group
	}
	return b.Recommendation != "" && a.Recommendation == b.Recommendation && a.Number == b.Number
}

type rowKey struct{ table, seq int }

// rowIndex maps (table, seq) to the rebuilt row, for its cells in order.
func rowIndex(doc *extract.Document) map[rowKey]rebuilt {
	m := map[rowKey]rebuilt{}
	for ti := range doc.Tables {
		t := &doc.Tables[ti]
		for ri := range t.Rows {
			m[rowKey{t.Index, t.Rows[ri].Seq}] = rebuilt{t.Columns, &t.Rows[ri]}
		}
	}
	return m
}

// rebuilt is one row as the extractor rebuilt it, with its table's headers.
type rebuilt struct {
	cols []string
	row  *extract.Row
}

type cell struct {
	header, text string
}

// cellsOf gives a record's cells in column order: from the record's list (its
// line-end hyphens mended), else from the rebuilt row when
// the document has it, else from the record's map, ordered by header.
func cellsOf(r normalize.Record, rows map[rowKey]rebuilt) []cell {
	if len(r.CellList) > 0 {
		out := make([]cell, len(r.CellList))
		for i, c := range r.CellList {
			out[i] = cell{c.Header, c.Text}
		}
		return out
	}
	if x, ok := rows[rowKey{r.Table, r.Seq}]; ok {
		out := make([]cell, len(x.cols))
		for i, h := range x.cols {
			out[i].header = h
			if i < len(x.row.Cells) {
				out[i].text = x.row.Cells[i]
			}
		}
		return out
	}
	var out []cell
	for h, t := range r.Cells {
		out = append(out, cell{h, t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].header < out[j].header })
	return out
}

// recommendationStatus sums up its actions' statuses: completed when every
// action with a status is completed, not_started when every one is not
// started, ongoing for any other mix, "" when no action has a status.
func recommendationStatus(recs []normalize.Record) string {
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Status != "" {
			seen[r.Status] = true
		}
	}
	switch {
	case len(seen) == 0:
		return ""
	case len(seen) == 1:
		for s := range seen {
			return s
		}
	}
	return "ongoing"
}

func marshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
