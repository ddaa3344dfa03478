package normalize

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// docState is what normalizing one document learns before its rows: the
// review, the cleaner that knows the document's words, and the colour key.
type docState struct {
	reg        *Registry
	doc        *extract.Document
	review     Review
	clean      *Cleaner
	legend     Legend
	codes      Codes    // status codes the plan's key explains
	codeLabels []string // the labels of its key lines, compacted (compactKey)
	trust      string   // the document's one NHS trust, for "The Trust"
	owner      string   // the NHS trust the title names, whose plan this is
	heading    *Agency  // the body named in the heading above the current table
	warnings   []string
}

func (n *Normalizer) newDocState(doc *extract.Document) *docState {
	d := &docState{reg: n.reg, doc: doc}
	d.review = n.reg.ReadReview(reviewTexts(doc))
	d.clean = NewCleaner(docCells(doc)...)
	if d.review.Area == "" {
		d.areaFromLeads() // reads cells: after the cleaner
	}
	if d.review.Area == "" {
		// Then the place the title block says the death happened ("...
		// following a homicide in Saltburgh"), and last the place the
		// trust that publishes the plan is named for (a mental health
		// homicide review's plan is the trust's).
		title := strings.Join(titleLines(doc), "\n")
		if a := d.reg.IncidentArea(title); a != "" {
			d.review.Area, d.review.AreaSource = a, "title_incident"
		} else if a := d.reg.TrustArea(title); a != "" {
			d.review.Area, d.review.AreaSource = a, "title_trust"
		}
		if ar := d.reg.Area(d.review.Area); ar != nil {
			d.review.AreaCode = ar.Code
		}
	}
	d.legend = FindLegend(pageTexts(doc), keyRows(doc))
	d.codes = FindCodes(pageTexts(doc))
	d.codeLabels = FindCodeLabels(pageTexts(doc))
	d.owner = d.titleTrust()
	d.trust = d.findTrust()
	return d
}

// docCells is every cell of every table, the evidence for hyphens.
func docCells(doc *extract.Document) []string {
	var out []string
	for _, t := range doc.Tables {
		for _, r := range t.Rows {
			out = append(out, r.Cells...)
		}
	}
	return out
}

func pageTexts(doc *extract.Document) []string {
	var out []string
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			out = append(out, l.Text())
		}
	}
	return out
}

// keyRows are the rows of tables that are not plans: a colour key lives
// in one. A first cell shaded and empty (a colour swatch) reads as the
// name of its colour.
func keyRows(doc *extract.Document) [][]string {
	var out [][]string
	for _, t := range doc.Tables {
		if !t.IsPlan {
			for _, r := range t.Rows {
				cells := r.Cells
				if len(cells) > 1 && strings.TrimSpace(cells[0]) == "" && len(r.Fills) > 0 && ColourRAG(r.Fills[0]) != "" {
					cells = append([]string{ColourRAG(r.Fills[0])}, cells[1:]...)
				}
				out = append(out, cells)
			}
		}
	}
	return out
}

func (d *docState) warn(r extract.Row, format string, args ...any) {
	d.warnings = append(d.warnings, fmt.Sprintf("row %d (p%d): ", r.Seq, r.PageFirst)+fmt.Sprintf(format, args...))
}

// findTrust returns the one NHS trust the lead cells of the document's
// plans name, or "" when they name none or several: "The Trust" is it.
func (d *docState) findTrust() string {
	found := map[string]bool{}
	ctx := Context{Area: d.review.Area}
	for _, t := range d.doc.Plans() {
		cols := readColumns(t.Columns)
		for _, r := range t.Rows {
			for _, f := range []string{FieldLeadAgency, FieldLeadOfficer} {
				for _, a := range d.reg.Agencies(d.cell(cols, r, f), ctx) {
					if a.Matched && (a.Sector == "mental_health_trust" || a.Sector == "acute_trust") {
						found[a.Canonical] = true
					}
				}
			}
		}
	}
	if d.owner != "" {
		found[d.owner] = true
	}
	return onlyKey(found)
}

// areaFromLeads takes the review's area, when neither the page, the PDF
// Title nor the file name gives one, from the local bodies the lead-agency
// cells print ("Hampshire Constabulary", "Medway Council"): the weakest
// source, "lead_agency".
func (d *docState) areaFromLeads() {
	var b strings.Builder
	for _, t := range d.doc.Plans() {
		cols := readColumns(t.Columns)
		for _, r := range t.Rows {
			for _, f := range []string{FieldLeadAgency, FieldLeadOfficer} {
				b.WriteString(d.cell(cols, r, f))
				b.WriteString("\n")
			}
		}
	}
	if a := d.reg.FindArea(b.String()); a != "" {
		d.review.Area, d.review.AreaSource = a, "lead_agency"
		if ar := d.reg.Area(a); ar != nil {
			d.review.AreaCode = ar.Code
		}
	}
}

// titleTrust is the one NHS trust the title lines name, or "".
func (d *docState) titleTrust() string {
	found := map[string]bool{}
	ctx := Context{Area: d.review.Area}
	for _, a := range d.reg.FindIn(strings.Join(titleLines(d.doc), "\n"), ctx) {
		if a.Sector == "mental_health_trust" || a.Sector == "acute_trust" {
			found[a.Canonical] = true
		}
	}
	return onlyKey(found)
}

func onlyKey(m map[string]bool) string {
	if len(m) != 1 {
		return ""
	}
	for k := range m {
		return k
	}
	return ""
}

// setAgencies fills agency_detail with every agency read, and agencies with
// the bodies among them: "All agencies" is a multi_agency entry of
// agency_detail, but names no body.
func (rec *Record) setAgencies(as []Agency) {
	rec.AgencyDetail = append([]Agency{}, as...)
	rec.Agencies = []string{}
	for _, a := range as {
		if a.Canonical != allAgencies {
			rec.Agencies = append(rec.Agencies, a.Canonical)
		}
	}
}

const allAgencies = "All agencies"

// Cell is one cell of a row in column order: its header and text as
// printed, except for the hyphens that line ends left ("recom- mendation"),
// mended as every field is mended (a narrow column breaks words that its
// text does not hyphenate).
type Cell struct {
	Header, Text string
}

// rowCells gives a row's cells in column order, mended.
func rowCells(cols []string, cells []string, mend func(string) string) []Cell {
	out := make([]Cell, len(cols))
	for i, c := range cols {
		out[i].Header = mend(c)
		if i < len(cells) {
			out[i].Text = mend(cells[i])
		}
	}
	return out
}

// cellsMap keys every cell by its header; a header printed twice gets
// " (2)", " (3)".
func cellsMap(cells []Cell) map[string]string {
	m := map[string]string{}
	for _, c := range cells {
		k := c.Header
		for n := 2; ; n++ {
			if _, dup := m[k]; !dup {
				break
			}
			k = fmt.Sprintf("%s (%d)", c.Header, n)
		}
		m[k] = c.Text
	}
	return m
}

func trimNumber(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
}

const maxHeadingWords = 10

// tableOwner is the body named in the short lines (headings) just above a
// table's header ("1. Cheshire Constabulary"), where a document has one
// table per agency (so only when it has several plan tables); nil when
// they name none. The k-th plan table starting on a page is taken
// to sit under the k-th header line printed on it.
func (d *docState) tableOwner(t *extract.Table) *Agency {
	if t.PageFirst < 1 || t.PageFirst > len(d.doc.Pages) || len(d.doc.Plans()) < 2 {
		return nil
	}
	lines := d.doc.Pages[t.PageFirst-1].Lines
	at := headerLineIndex(lines, t.Columns, d.tablesBefore(t))
	if at < 0 {
		return nil
	}
	var above []string
	for i := at - 1; i >= 0 && i >= at-2; i-- {
		t := lines[i].Text()
		if len(strings.Fields(t)) > maxHeadingWords {
			break
		}
		above = append(above, t)
	}
	as := d.reg.FindIn(strings.Join(above, "\n"), Context{Area: d.review.Area})
	if len(as) == 0 {
		return nil
	}
	return &as[0]
}

// tablesBefore counts the plan tables that start on t's page before t.
func (d *docState) tablesBefore(t *extract.Table) int {
	n := 0
	for _, o := range d.doc.Plans() {
		if o.Index < t.Index && o.PageFirst == t.PageFirst {
			n++
		}
	}
	return n
}

// headerLineIndex is the index of the (k+1)-th line printing the header.
func headerLineIndex(lines []extract.Line, hdr []string, k int) int {
	return nthLine(lines, k, func(t string) bool { return isHeaderLine(t, hdr) })
}

// nthLine is the index of the (k+1)-th line whose trimmed text is, by
// match, the header's; -1 when there is none.
func nthLine(lines []extract.Line, k int, match func(string) bool) int {
	for i, l := range lines {
		if match(strings.TrimSpace(l.Text())) {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}
