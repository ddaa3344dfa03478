package golden

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// Diffs collects differences between a golden record and an extraction,
// each naming the file, table, row and column.
type Diffs struct {
	File   string
	Loose  []string // cells compared with all whitespace collapsed, and the structure
	Strict []string // cells compared keeping paragraph breaks
	// Breaks holds the same paragraph-break differences, by place.
	Breaks []BreakDiff
	// Counts over the golden rows, for the corpus measure: a row is exact
	// when its number, theme, group and every cell match (whitespace
	// collapsed); golden rows the extraction lacks count as wrong.
	Cells, CellsExact int
	Rows, RowsExact   int
	// Page spans checked against poppler's reading (corpus/pages.tsv).
	PagesChecked, PagesExact int
}

// BreakDiff is a cell whose text is right but whose paragraph breaks
// differ: Where is "table T row R column C" (T from 0, R from 1, C from 0).
type BreakDiff struct {
	Where     string
	Got, Want string
}

func (d *Diffs) loose(format string, args ...any) {
	d.Loose = append(d.Loose, d.File+": "+fmt.Sprintf(format, args...))
}

func (d *Diffs) strict(format string, args ...any) {
	d.Strict = append(d.Strict, d.File+": "+fmt.Sprintf(format, args...))
}

// Compare checks doc against g.
func Compare(g spec.Golden, doc *extract.Document) *Diffs {
	d := &Diffs{File: g.File}
	if string(doc.Outcome) != g.Outcome {
		d.loose("outcome %q, want %q (err: %v)", doc.Outcome, g.Outcome, doc.Err)
	}
	plans := doc.Plans()
	mend := hyphenMender(plans)
	if len(plans) != len(g.Plans) {
		d.loose("%d plan tables, want %d", len(plans), len(g.Plans))
	}
	for i := range g.Plans {
		d.Rows += len(g.Plans[i].Rows)
		for _, r := range g.Plans[i].Rows {
			d.Cells += len(r.Cells)
		}
		if i < len(plans) {
			d.table(i, g.Plans[i], plans[i], mend)
		}
	}
	return d
}

// hyphenMender mends the hyphens that line ends leave in the extracted
// cells ("peo- ple"), the way normalize does for every cell it loads: from
// its word list and the document's own words. The extractor leaves that
// choice, a question of words, to normalize.
func hyphenMender(plans []*extract.Table) func(string) string {
	var texts []string
	for _, t := range plans {
		for _, r := range t.Rows {
			texts = append(texts, r.Cells...)
		}
	}
	return normalize.NewCleaner(texts...).MendHyphens
}

func (d *Diffs) table(ti int, want spec.Plan, got *extract.Table, mend func(string) string) {
	if a, b := collapseAll(got.Columns), want.Columns; !equal(a, b) {
		d.loose("table %d: columns\n\tgot:  %q\n\twant: %q", ti, a, b)
	}
	if len(got.Rows) != len(want.Rows) {
		d.loose("table %d: %d rows, want %d", ti, len(got.Rows), len(want.Rows))
	}
	gm := newPartition()
	for ri := 0; ri < len(got.Rows) && ri < len(want.Rows); ri++ {
		w, g := want.Rows[ri], got.Rows[ri]
		at := fmt.Sprintf("table %d row %d (number %q, pages %d-%d)", ti, ri+1, w.Number, g.PageFirst, g.PageLast)
		before := len(d.Loose)
		if g.Number != w.Number {
			d.loose("%s: number\n\tgot:  %q\n\twant: %q", at, g.Number, w.Number)
		}
		if spec.Collapse(g.Theme) != w.Theme {
			d.loose("%s: theme\n\tgot:  %q\n\twant: %q", at, spec.Collapse(g.Theme), w.Theme)
		}
		if g.Group < 1 {
			// The store reads group 0 as "no group" (store/tables.go).
			d.loose("%s: group %d: groups are numbered from 1", at, g.Group)
		}
		if msg := gm.add(w.Group, g.Group); msg != "" {
			d.loose("%s: group %s", at, msg)
		}
		cells := make([]string, len(g.Cells))
		for i, c := range g.Cells {
			cells[i] = mend(c)
		}
		d.cells(at, fmt.Sprintf("table %d row %d", ti, ri+1), want.Columns, w.Cells, cells)
		if len(d.Loose) == before {
			d.RowsExact++
		}
	}
}

func (d *Diffs) cells(at, where string, cols, want, got []string) {
	if len(got) != len(want) {
		d.loose("%s: %d cells, want %d", at, len(got), len(want))
	}
	for ci := 0; ci < len(got) && ci < len(want); ci++ {
		col := fmt.Sprintf("column %d %q", ci, cols[ci])
		place := fmt.Sprintf("%s column %d", where, ci)
		if a, b := spec.Collapse(got[ci]), spec.Collapse(want[ci]); a != b {
			d.loose("%s %s:\n\tgot:  %q\n\twant: %q", at, col, a, b)
			continue
		}
		d.CellsExact++
		if a, b := spec.Paragraphs(got[ci]), spec.Paragraphs(want[ci]); a != b {
			d.strict("%s %s (paragraph breaks):\n\tgot:  %q\n\twant: %q", at, col, a, b)
			d.Breaks = append(d.Breaks, BreakDiff{Where: place, Got: a, Want: b})
		}
	}
}

// partition checks that two labellings group rows the same way.
type partition struct{ w2g, g2w map[int]int }

func newPartition() *partition { return &partition{map[int]int{}, map[int]int{}} }

func (p *partition) add(w, g int) string {
	if x, ok := p.w2g[w]; ok && x != g {
		return fmt.Sprintf("%d splits the golden group (its other rows have group %d)", g, x)
	}
	if x, ok := p.g2w[g]; ok && x != w {
		return fmt.Sprintf("%d joins rows the golden file keeps apart", g)
	}
	p.w2g[w], p.g2w[g] = g, w
	return ""
}

func collapseAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = spec.Collapse(s)
	}
	return out
}

func equal(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}
