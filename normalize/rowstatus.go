package normalize

import (
	"strconv"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// A row's status is read from the first of these that gives one: the
// status column ("Complete Y/N" cells read as Y/N), the completion column
// of the Home Office template (a date alone there means completed on that
// date), the update column's opening words, and the RAG column's words.
// Then a RAG colour gives a status only through the plan's own legend.
// Failing all of these, a status sentence or an update that says part of
// the action is still to come ("Audit under way", "not yet added") makes it
// ongoing, one that says nothing more is to be done, completed.
// Last, "1-3 Complete" in any status cell of the table gives rows 1 to 3
// their status.
func (d *docState) setStatus(rec *Record, cols columns, r extract.Row) {
	ragCell := d.cell(cols, r, FieldRAG)
	statusCell := d.cell(cols, r, FieldStatus)
	rec.RAG = ParseRAG(ragCell)
	if rec.RAG == "" {
		rec.RAG = ParseRAG(statusCell)
	}
	if rec.RAG == "" {
		rec.RAG = fillRAG(cols, r)
	}
	for _, f := range []string{FieldStatus, FieldCompletion, FieldUpdate, FieldRAG} {
		cell := d.cell(cols, r, f)
		// A code the plan's own key explains is read through the key
		// first, before "N" is read as a bare Y/N answer.
		st := Status{}
		if d.codes[strings.ToUpper(strings.Trim(cell, " ."))] != "" {
			st = d.codeStatus(f, cell)
		}
		if st.Status == "" {
			st = readStatus(f, cols.header(f), cell)
		}
		if st.Status == "" {
			st = d.codeStatus(f, cell)
		}
		if st.Status != "" {
			rec.setStatus(st, cols.header(f))
			break
		}
	}
	if rec.Status == "" {
		if st, h := d.labelCodeStatus(cols, r); st.Status != "" {
			rec.setStatus(st, h)
		}
	}
	d.refineNo(rec, cols, r)
	if rec.Status == "" && rec.RAG != "" && d.legend[rec.RAG] != "" {
		rec.Status, rec.StatusPrinted = d.legend[rec.RAG], rec.RAG
		rec.StatusSource = sourceName(cols, FieldRAG, FieldStatus) + " (legend)"
	}
	for _, f := range []string{FieldStatus, FieldUpdate} {
		if rec.Status != "" {
			break
		}
		if st := StillOpen(d.cell(cols, r, f)); st.Status != "" {
			rec.setStatus(st, cols.header(f))
		}
	}
	if rec.Status == StatusCompleted && rec.StatusDate == "" {
		rec.StatusDate = rec.CompletionISO
	}
}

// fillRAG reads the colour a plan gives by shading alone: the RAG
// column's cell, else the status column's.
func fillRAG(cols columns, r extract.Row) string {
	for _, f := range []string{FieldRAG, FieldStatus} {
		if i, ok := cols.idx[f]; ok && i < len(r.Fills) {
			if c := ColourRAG(r.Fills[i]); c != "" {
				return c
			}
		}
	}
	return ""
}

// refineNo lets the update column say more than a bare "N" in a "Complete
// Y/N" column: "N" with an update "Not started: ..." is not started. A red
// RAG beside the "N" says not started only where the plan has no key for
// its colours: red means "not started" in some plans and "off track" in
// others, where work has begun (a key may even say "Red - not started or
// off track"), and a key decides.
func (d *docState) refineNo(rec *Record, cols columns, r extract.Row) {
	if rec.StatusSource != cols.header(FieldStatus) || !isNo(rec.StatusPrinted) {
		return
	}
	if st := ParseStatus(d.cell(cols, r, FieldUpdate)); st.Status != "" {
		rec.setStatus(st, cols.header(FieldUpdate))
		return
	}
	// A plan with no key for its colours: red beside the "N" takes the
	// usual meaning of red, not started (where a key explains red, as
	// "Red - not started or off track" does, the "N" stays ongoing).
	if rec.RAG == "red" && d.legend["red"] == "" {
		rec.Status, rec.StatusPrinted = StatusNotStarted, rec.StatusPrinted+", red"
		rec.StatusSource = cols.header(FieldStatus) + " (" + sourceName(cols, FieldRAG, FieldStatus) + ")"
	}
}

func isNo(s string) bool {
	s = strings.ToLower(strings.Trim(s, " ."))
	return s == "n" || s == "no"
}

// readStatus reads one cell as the kind of column it is in.
func readStatus(field, header, cell string) Status {
	switch {
	case cell == "":
		return Status{}
	case field == FieldStatus && (isYNHeader(header) || isYN(cell)):
		return ParseYN(cell)
	case field == FieldRAG:
		return ParseStatus(ragColour.ReplaceAllString(cell, ""))
	case field == FieldCompletion:
		return completionStatus(cell)
	}
	return ParseStatus(cell)
}

// completionStatus reads "Date of completion and outcome": status words,
// or a date at its start, which means the action was completed then.
func completionStatus(cell string) Status {
	if st := ParseStatus(cell); st.Status != "" {
		return st
	}
	d, end := firstDate(cell)
	if end > 0 && d.ISO != "" && strings.HasPrefix(strings.TrimSpace(cell), d.Printed) && d.Precision != "year" {
		return Status{Status: StatusCompleted, Printed: d.Printed, Date: d}
	}
	return Status{}
}

func isYNHeader(h string) bool {
	k := headerKey(h)
	return strings.Contains(k, "y n") || strings.HasSuffix(k, "?")
}

func isYN(cell string) bool {
	switch strings.ToLower(strings.Trim(cell, " .")) {
	case "y", "n", "yes", "no":
		return true
	}
	return false
}

func (rec *Record) setStatus(st Status, header string) {
	rec.Status, rec.StatusPrinted, rec.StatusSource, rec.StatusDate = st.Status, st.Printed, header, st.Date.ISO
}

func sourceName(cols columns, fields ...string) string {
	for _, f := range fields {
		if h := cols.header(f); h != "" {
			return h
		}
	}
	return "rag"
}

// applyRanges gives rows without a status the status a range in the
// table's status cells gives their number ("1-3 Complete").
func (d *docState) applyRanges(recs []Record, cols columns, t *extract.Table) {
	var rs []numRange
	var src string
	for _, r := range t.Rows {
		for _, f := range []string{FieldStatus, FieldCompletion, FieldUpdate} {
			if found := statusRanges(d.cell(cols, r, f)); len(found) > 0 {
				rs, src = append(rs, found...), cols.header(f)
			}
		}
	}
	for i := range recs {
		if st := inRanges(rs, recs[i].Number); recs[i].Status == "" && st != "" {
			recs[i].Status, recs[i].StatusSource = st, src+" (range)"
			recs[i].StatusPrinted = rangeText(rs, recs[i].Number)
		}
	}
}

func rangeText(rs []numRange, number string) string {
	n := leadingInt(number)
	for _, r := range rs {
		if n >= r.lo && n <= r.hi {
			return strings.TrimSpace(strings.Join([]string{strconv.Itoa(r.lo) + "-" + strconv.Itoa(r.hi), r.status}, " "))
		}
	}
	return ""
}
