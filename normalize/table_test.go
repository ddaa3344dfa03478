package normalize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// tableDoc builds a one-table document from a case: the first input line
// holds the headers separated by " | ", each further line a row ("\n" is a
// line break in a cell; "@theme=" options do not apply per row, so a row
// starting "# " is a theme heading for the rows below it). "@title=" is a
// title line, "@heading=" a line just above the header ("@heading2=" puts
// the table again under a second heading, as in plans with one table per
// agency), "@key=" a line
// elsewhere in the text (a colour key).
func tableDoc(c ddCase) *extract.Document {
	doc := oneTableDoc(c)
	if h := c.opts["heading2"]; h != "" { // the same table again, under this heading
		t := doc.Tables[0]
		t.Index = 1
		doc.Tables = append(doc.Tables, t)
		more := textLines(h + "\n" + strings.Join(t.Columns, " "))
		doc.Pages[0].Lines = append(doc.Pages[0].Lines, more...)
	}
	return doc
}

func oneTableDoc(c ddCase) *extract.Document {
	lines := strings.Split(c.input, "\n")
	tab := extract.Table{IsPlan: true, Columns: splitCells(lines[0]), PageFirst: 1, PageLast: 1}
	theme := ""
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "# ") {
			theme = l[2:]
			continue
		}
		cells := splitCells(l)
		n := len(tab.Rows) + 1
		tab.Rows = append(tab.Rows, extract.Row{Seq: n, Cells: cells, Theme: theme, Group: n, PageFirst: 1, PageLast: 1})
	}
	var page []string
	if t := c.opts["title"]; t != "" {
		page = append(page, t)
	}
	if h := c.opts["heading"]; h != "" {
		page = append(page, h)
	}
	page = append(page, strings.Join(tab.Columns, " "))
	if k := c.opts["key"]; k != "" {
		page = append(page, k)
	}
	return &extract.Document{File: "t.pdf", Pages: []extract.Page{{Number: 1, Lines: textLines(strings.Join(page, "\n"))}},
		Tables: []extract.Table{tab}}
}

func splitCells(l string) []string {
	cs := strings.Split(l, " | ")
	for i, c := range cs {
		cs[i] = strings.ReplaceAll(strings.TrimSpace(c), `\n`, "\n")
		if cs[i] == `""` {
			cs[i] = ""
		}
	}
	return cs
}

// showRecord prints the derived fields of a record on one line each.
func showRecord(r Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "row %s: status=%s", r.Number, r.Status)
	if r.Status != "" {
		fmt.Fprintf(&b, " from %q (%s)", r.StatusPrinted, r.StatusSource)
	}
	for _, kv := range [][2]string{{"status_date", r.StatusDate}, {"rag", r.RAG}, {"scope", r.Scope},
		{"target", r.TargetDateISO + "/" + r.TargetDatePrec}, {"completion", r.CompletionISO}, {"as_of", r.AsOf},
		{"officer", r.LeadOfficer}, {"outcome", r.Outcome}, {"agencies", strings.Join(r.Agencies, "; ")},
		{"recommendation", recHeading(r)}} {
		if kv[1] != "" && kv[1] != "/" {
			fmt.Fprintf(&b, " %s=%s", kv[0], kv[1])
		}
	}
	return b.String()
}

// recHeading shows a recommendation that a heading above the table gave
// ("N: text"); "" otherwise, so that other cases need not repeat theirs.
func recHeading(r Record) string {
	if r.RecommendationNumber == "" || r.Theme != "" {
		return ""
	}
	return r.RecommendationNumber + ": " + r.Recommendation
}

func TestTables(t *testing.T) {
	n := newTestNormalizer(t)
	runDD(t, "tables.txt", func(c ddCase) string {
		res := n.Document(tableDoc(c))
		var out []string
		for _, r := range res.Records {
			out = append(out, showRecord(r))
		}
		for _, w := range res.Warnings {
			out = append(out, "warning: "+w)
		}
		return strings.Join(out, "\n")
	})
}

// TestCellsMended: a record's cells, and its headers, keep their printed
// text but lose the hyphens that line ends left inside words, as its
// fields do; a hyphen the text prints ("post-separation") stays.
func TestCellsMended(t *testing.T) {
	n := newTestNormalizer(t)
	doc := tableDoc(ddCase{input: "No. | Learning / Recommenda- tion | Lead | Progress\n" +
		"1 | Commission specialist support for post- separation advocacy. | Penhallow Safer Com- munities Partnership | Ongoing. Notifica- tion live.",
		opts: map[string]string{}})
	res := n.Document(doc)
	if len(res.Records) != 1 {
		t.Fatalf("%d records, want 1", len(res.Records))
	}
	r := res.Records[0]
	want := map[string]string{
		"No.":                       "1",
		"Learning / Recommendation": "Commission specialist support for post-separation advocacy.",
		"Lead":                      "Penhallow Safer Communities Partnership",
		"Progress":                  "Ongoing. Notification live.",
	}
	if fmt.Sprint(r.Cells) != fmt.Sprint(want) {
		t.Errorf("cells\n got  %q\n want %q", r.Cells, want)
	}
	var heads []string
	for _, c := range r.CellList {
		heads = append(heads, c.Header)
	}
	if got := strings.Join(heads, " | "); got != "No. | Learning / Recommendation | Lead | Progress" {
		t.Errorf("cell list headers %q", got)
	}
}

// With no agency column, the officer column is the lead as printed, and
// the canonical agency still comes from what it names or from the trust
// whose plan it is; with an agency column, the officer stays apart.
func TestLeadFromOfficer(t *testing.T) {
	n := newTestNormalizer(t)
	for _, c := range []struct{ title, input, lead, agency string }{
		{"Mersey Care NHS Foundation Trust\nMental Health Homicide Review: Mr A",
			"Ref | Action | Person responsible | Target date\nR1 | Audit risk assessments | Head of Clinical Audit | March 2025", "Head of Clinical Audit", "Mersey Care NHS Foundation Trust"},
		{"Safeguarding Adults Review: Adult D",
			"Ref | Action | Owner | Due\nJ1 | Revise the protocol | Wirral Council (Adult Services) | Dec 2024", "Wirral Council (Adult Services)", "Wirral Metropolitan Borough Council"},
		{"Safeguarding Adults Review: Adult D",
			"No. | Action | Agency | Lead officer\n1 | Revise the protocol | Wirral Council | Head of Safeguarding", "Wirral Council", "Wirral Metropolitan Borough Council"},
	} {
		res := n.Document(tableDoc(ddCase{opts: map[string]string{"title": c.title}, input: c.input}))
		if len(res.Records) != 1 {
			t.Fatalf("%q: %d records", c.input, len(res.Records))
		}
		r := res.Records[0]
		if r.LeadAgency != c.lead || strings.Join(r.Agencies, "; ") != c.agency {
			t.Errorf("%q: lead %q agencies %q, want %q and %q", c.input, r.LeadAgency, r.Agencies, c.lead, c.agency)
		}
	}
}
