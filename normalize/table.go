package normalize

import (
	"regexp"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// columns is what a table's headers mean: the column of each field and
// the plan's "as of" date. Where several columns mean one field the first
// is read, except for updates: the one with the latest date in its header
// ("Update October 2024" over "Update March 2023"), else the rightmost; and
// for RAG ratings the rightmost ("Agency RAG | Board RAG": the later
// rating, agreed over the agency's own).
type columns struct {
	headers []string
	idx     map[string]int
	asOf    string
}

func readColumns(hdrs []string) columns {
	c := columns{headers: hdrs, idx: map[string]int{}}
	for i, h := range hdrs {
		f, asOf := ColumnField(h)
		if f == "" {
			continue
		}
		if j, seen := c.idx[f]; !seen || (f == FieldUpdate && asOf >= c.asOf) || f == FieldRAG ||
			f == FieldRecommendation && recommendWord(h) && !recommendWord(hdrs[j]) {
			c.idx[f] = i
			if f == FieldUpdate && asOf != "" {
				c.asOf = asOf
			}
		}
		if f == FieldStatus && asOf != "" && c.asOf == "" {
			c.asOf = asOf
		}
	}
	// A completion date with no target date beside it is the date the
	// action is to be complete by ("Completion date", "Date of
	// completion"), unless it says the action was completed ("Date
	// completed", "Date achieved").
	if i, ok := c.idx[FieldCompletion]; ok {
		if _, target := c.idx[FieldTargetDate]; !target && !doneDateRE.MatchString(headerKey(hdrs[i])) {
			c.idx[FieldTargetDate] = i
			delete(c.idx, FieldCompletion)
		}
	}
	return c
}

// twoLevelNumber is a number cell that names the recommendation and the
// action under it: "Rec 1 / Action a", "Recommendation 2, action 3", "R1 -
// A2".
var twoLevelNumber = regexp.MustCompile(`(?i)^(rec(ommendation)?\.?|r)\s*\d{1,3}\s*[/,;–—-]\s*(action|act\.?|a)\s*[a-z0-9]{1,3}$`)

// doneDateRE: a completion column's header that says the action was done.
var doneDateRE = regexp.MustCompile(`\b(completed|achieved|closed|actual|and outcome)\b`)

// recommendWord: the header names the recommendation itself, not a finding
// or issue that led to it.
func recommendWord(h string) bool { return strings.Contains(headerKey(h), "recommend") }

// header is the printed header of a field's column, or "".
func (c columns) header(field string) string {
	if i, ok := c.idx[field]; ok {
		return c.headers[i]
	}
	return ""
}

// table normalizes the rows of one plan table.
func (d *docState) table(t *extract.Table) []Record {
	cols := readColumns(t.Columns)
	d.heading = d.tableOwner(t)
	var recs []Record
	for _, r := range t.Rows {
		recs = append(recs, d.row(t, cols, r))
	}
	applyBands(recs, cols)
	d.applyHeadingRecommendation(recs, cols, t)
	d.applyRanges(recs, cols, t)
	applyColourDefaults(recs)
	return recs
}

// cell returns the cleaned text of a field's cell in row r.
func (d *docState) cell(cols columns, r extract.Row, field string) string {
	i, ok := cols.idx[field]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	return d.clean.Clean(r.Cells[i])
}

func (d *docState) row(t *extract.Table, cols columns, r extract.Row) Record {
	get := func(f string) string { return d.cell(cols, r, f) }
	rec := Record{
		File: d.doc.File, SHA256: d.doc.SHA256, Seq: r.Seq, Number: r.Number, PageFirst: r.PageFirst, PageLast: r.PageLast,
		Table: t.Index, Group: r.Group, Theme: d.clean.Clean(r.Theme), CellList: rowCells(t.Columns, r.Cells, d.clean.MendHyphens),
		Recommendation: get(FieldRecommendation), Action: get(FieldAction), Milestone: get(FieldMilestone),
		Outcome: get(FieldOutcome), Update: get(FieldUpdate), Evidence: get(FieldEvidence),
		LeadOfficer: get(FieldLeadOfficer), LeadAgency: get(FieldLeadAgency), TargetDate: get(FieldTargetDate),
		CompletionDate: get(FieldCompletion), ScopePrinted: get(FieldScope), AsOf: cols.asOf,
		Priority: get(FieldPriority),
	}
	rec.Cells = cellsMap(rec.CellList)
	if th := get(FieldTheme); th != "" {
		rec.Theme = th
	}
	if rec.Outcome == "" && strings.Contains(strings.ToLower(cols.header(FieldCompletion)), "outcome") {
		rec.Outcome = rec.CompletionDate // "Date of completion and outcome" holds both
	}
	if cell := get(FieldNumber); twoLevelNumber.MatchString(cell) {
		rec.Number = cell // "Rec 1 / Action a": both levels name the action
	}
	if rec.Number == "" {
		rec.Number = trimNumber(get(FieldNumber))
	}
	if rec.Number == "" {
		rec.Number = leadingNumber(rec.Recommendation)
	}
	d.setReview(&rec)
	d.setScope(&rec)
	d.setAgencies(&rec)
	if _, agency := cols.idx[FieldLeadAgency]; !agency && rec.LeadAgency == "" {
		// With no agency column, the lead the plan prints is its officer
		// column ("Owner", "Person responsible"): that is the lead as
		// printed, while the canonical agencies come from what it names,
		// the heading or the trust whose plan it is (setAgencies).
		rec.LeadAgency = rec.LeadOfficer
	}
	d.setDates(&rec, r)
	d.setStatus(&rec, cols, r)
	return rec
}

func (d *docState) setReview(rec *Record) {
	rv := d.review
	rec.ReviewType, rec.Reference, rec.Area, rec.Pseudonym = rv.Type, rv.Reference, rv.Area, rv.Pseudonym
}

// setScope reads the scope cell, or, when the table has none, a scope
// named in the theme heading ("Theme 2 - Processes - Cumbria wide").
func (d *docState) setScope(rec *Record) {
	rec.Scope = scopeOf(rec.ScopePrinted, d.review.Area)
	if rec.ScopePrinted == "" && rec.Theme != "" {
		rec.Scope = scopeOf(lastDashPart(rec.Theme), d.review.Area)
	}
}

func lastDashPart(s string) string {
	if i := strings.LastIndex(s, " - "); i >= 0 {
		return s[i+3:]
	}
	return ""
}

// setAgencies reads the lead-agency cell. With no such column, it reads
// the bodies a lead-officer cell names ("Head of Safeguarding, Mersey
// Care"); for roles alone ("Deputy Director of Nursing"), the body named
// in the heading above the table ("1. Cheshire Constabulary"), else the
// one NHS trust whose plan this is, else the bodies the recommendation
// names. With neither column, the subject of the recommendation
// ("Cleveland Police to refresh ...").
func (d *docState) setAgencies(rec *Record) {
	ctx := Context{Area: d.review.Area, Trust: d.trust}
	switch {
	case rec.LeadAgency != "":
		rec.setAgencies(d.reg.Agencies(rec.LeadAgency, ctx))
	case rec.LeadOfficer != "":
		rec.setAgencies(d.officerAgencies(rec, ctx))
	case d.heading != nil:
		rec.setAgencies([]Agency{*d.heading})
	default:
		rec.setAgencies(d.reg.subjectAgencies(rec.Recommendation, ctx))
	}
}

func (d *docState) officerAgencies(rec *Record, ctx Context) []Agency {
	var out []Agency
	for _, a := range d.reg.Agencies(rec.LeadOfficer, ctx) {
		if a.Matched {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = d.reg.FindIn(rec.LeadOfficer, ctx)
	}
	switch {
	case len(out) > 0:
		return out
	case d.heading != nil:
		return []Agency{*d.heading}
	case d.owner != "":
		return []Agency{d.reg.agency(rec.LeadOfficer, d.reg.byName[d.owner])}
	}
	return d.reg.roleBody(rec.LeadOfficer, ctx)
}

// setDates reads the target and completion dates. A cell printing several
// dates ("1. 31/03/2023 2. 30/06/2023") gives the latest: the action is
// due when its last part is.
func (d *docState) setDates(rec *Record, r extract.Row) {
	for _, dt := range FindDates(rec.TargetDate) {
		if dt.Warning != "" {
			d.warn(r, "target date %q: %s", dt.Printed, dt.Warning)
		}
		if dt.ISO > rec.TargetDateISO {
			rec.TargetDateISO, rec.TargetDatePrec = dt.ISO, dt.Precision
		}
	}
	for _, dt := range FindDates(rec.CompletionDate) {
		if dt.Warning != "" {
			d.warn(r, "completion date %q: %s", dt.Printed, dt.Warning)
		} else if rec.CompletionISO == "" {
			rec.CompletionISO = dt.ISO
		}
	}
}

var leadingNumRE = regexp.MustCompile(`^(?i:recommendation\s+)?(R?\d{1,3}(?:\.\d{1,3})*[a-z]?)[.:)]?\s`)

// leadingNumber is the number printed at the start of a recommendation
// cell ("1. Train staff", "Recommendation 4: ...", "R2 ..."), or "".
func leadingNumber(s string) string {
	if m := leadingNumRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}
