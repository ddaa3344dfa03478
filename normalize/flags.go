package normalize

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// Quality flags of a document: the extractor's (extract/flags.go) and
// those that need to know what the columns mean: a column that maps to no
// field, rows without a recommendation or an action, row numbers that skip
// or repeat, status cells that give no status, a plan whose numbering
// starts part-way.

// tableFlags raises the flags of one plan table's records.
func (d *docState) tableFlags(t *extract.Table, cols columns, recs []Record) []extract.Flag {
	var out []extract.Flag
	add := func(code, detail string) {
		out = append(out, extract.Flag{Code: code, Page: t.PageFirst, Table: t.Index + 1, Detail: detail})
	}
	for i, h := range t.Columns {
		if f, _ := ColumnField(h); f == "" {
			add(extract.FlagUnmapped, fmt.Sprintf("column %d %q", i+1, h))
		}
	}
	_, hasAction := cols.idx[FieldAction]
	emptyRec, emptyAct, unread := 0, 0, 0
	for i, r := range recs {
		if r.Recommendation == "" {
			emptyRec++
		}
		if hasAction && r.Action == "" {
			emptyAct++
		}
		if r.Status == "" && statusPrinted(cols, t.Rows[i]) {
			unread++
		}
	}
	if emptyRec > 0 {
		add(extract.FlagEmptyRec, fmt.Sprintf("%d of %d rows", emptyRec, len(recs)))
	}
	if emptyAct > 0 {
		add(extract.FlagEmptyAction, fmt.Sprintf("%d of %d rows", emptyAct, len(recs)))
	}
	if unread > 0 {
		add(extract.FlagUnreadStatus, fmt.Sprintf("%d of %d rows print a status that reads as none", unread, len(recs)))
	}
	for _, f := range numberFlags(recs) {
		add(f[0], f[1])
	}
	return out
}

// statusPrinted: the row's status or RAG cell prints something, words or
// a fill.
func statusPrinted(cols columns, r extract.Row) bool {
	for _, f := range []string{FieldStatus, FieldRAG} {
		i, ok := cols.idx[f]
		if !ok {
			continue
		}
		if i < len(r.Cells) && strings.TrimSpace(r.Cells[i]) != "" || i < len(r.Fills) && r.Fills[i] != "" {
			return true
		}
	}
	return false
}

var numParts = regexp.MustCompile(`^[A-Za-z]*\s*(\d{1,3})((?:\.\d{1,3})*)`)

// numberFlags checks the rows' numbers: the first parts (1, 2, 3) go up by
// one, the parts under each (2.1, 2.2) too, and no number stands on two
// rows that are not one merged recommendation.
func numberFlags(recs []Record) [][2]string {
	var out [][2]string
	groupOf := map[string]int{}
	last := map[string]int{} // parent ("" for the top level) -> last part seen
	var gaps, repeats []string
	for _, r := range recs {
		n := r.Number
		if n == "" {
			continue
		}
		if g, seen := groupOf[n]; seen && g != r.Group {
			repeats = append(repeats, n)
		}
		groupOf[n] = r.Group
		m := numParts.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		parts := append([]string{m[1]}, strings.Split(strings.TrimPrefix(m[2], "."), ".")...)
		if m[2] == "" {
			parts = parts[:1]
		}
		parent := ""
		for _, p := range parts {
			v, _ := strconv.Atoi(p)
			if prev, ok := last[parent]; ok && v > prev+1 {
				gaps = append(gaps, fmt.Sprintf("%s after %s", joinNum(parent, v), joinNum(parent, prev)))
			} else if !ok && v > 1 && parent != "" {
				gaps = append(gaps, fmt.Sprintf("%s first", joinNum(parent, v)))
			}
			if v > last[parent] {
				last[parent] = v
			}
			parent = joinNum(parent, v)
		}
	}
	if len(gaps) > 0 {
		out = append(out, [2]string{extract.FlagNumberGap, strings.Join(dedupe(gaps), ", ")})
	}
	if len(repeats) > 0 {
		out = append(out, [2]string{extract.FlagNumberRepeat, strings.Join(dedupe(repeats), ", ")})
	}
	return out
}

func joinNum(parent string, v int) string {
	if parent == "" {
		return strconv.Itoa(v)
	}
	return parent + "." + strconv.Itoa(v)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// partialFlag: the document's first plan row is numbered past 1 (the
// plan's start was not found, or lies in another document).
func partialFlag(recs []Record) []extract.Flag {
	if len(recs) == 0 {
		return nil
	}
	r := recs[0]
	m := numParts.FindStringSubmatch(r.Number)
	if m == nil {
		return nil
	}
	if v, _ := strconv.Atoi(m[1]); v > 1 {
		return []extract.Flag{{Code: extract.FlagPartialPlan, Page: r.PageFirst, Table: r.Table + 1,
			Detail: fmt.Sprintf("the first row is numbered %s", r.Number)}}
	}
	return nil
}
