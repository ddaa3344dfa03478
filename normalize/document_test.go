package normalize

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// seed is the hand-rebuilt plan of testdata/seed_000.rows.json, with the
// values an analyst expects.
type seed struct {
	TitleLines []string          `json:"title_lines"`
	Review     map[string]string `json:"review"`
	Columns    []string          `json:"columns"`
	Rows       []struct {
		Number string            `json:"number"`
		Cells  []string          `json:"cells"`
		Expect map[string]string `json:"expect"`
	} `json:"rows"`
}

func loadSeed(t *testing.T) (seed, *extract.Document) {
	b, err := os.ReadFile("testdata/seed_000.rows.json")
	if err != nil {
		t.Fatal(err)
	}
	var s seed
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	lines := textLines(strings.Join(append(s.TitleLines, strings.Join(s.Columns, " ")), "\n"))
	tab := extract.Table{IsPlan: true, Columns: append([]string{""}, s.Columns...), PageFirst: 1, PageLast: 5}
	for i, r := range s.Rows {
		cells := append([]string{r.Number + "."}, r.Cells...)
		tab.Rows = append(tab.Rows, extract.Row{Seq: i + 1, Number: r.Number, Cells: cells, Group: i + 1, PageFirst: 1 + i/2, PageLast: 1 + i/2})
	}
	doc := &extract.Document{File: "000_9c3c55c7e149efd9.pdf", SHA256: "9c3c", Outcome: extract.OutcomeOK,
		Pages: []extract.Page{{Number: 1, Lines: lines}}, Tables: []extract.Table{tab}}
	return s, doc
}

func newTestNormalizer(t *testing.T) *Normalizer {
	return &Normalizer{reg: registry(t)}
}

// TestSeedDocument checks the seed plan against the analyst's values:
// review fields, scope and status of every row, and that rows share a
// canonical agency exactly when they share an agency_group letter.
func TestSeedDocument(t *testing.T) {
	s, doc := loadSeed(t)
	res := newTestNormalizer(t).Document(doc)
	rv := res.Review
	got := map[string]string{"type": rv.Type, "reference": rv.Reference, "area": rv.Area, "pseudonym": rv.Pseudonym, "date": rv.PlanDate}
	if !reflect.DeepEqual(got, s.Review) {
		t.Errorf("review: got %v, want %v", got, s.Review)
	}
	if rv.AsOf != "2024-10" {
		t.Errorf("as_of %q, want 2024-10", rv.AsOf)
	}
	if len(res.Records) != len(s.Rows) {
		t.Fatalf("%d records, want %d", len(res.Records), len(s.Rows))
	}
	group := map[string]string{} // letter -> canonical
	owner := map[string]string{} // canonical -> letter
	for i, rec := range res.Records {
		want := s.Rows[i].Expect
		if rec.Scope != want["scope"] || rec.Status != want["status"] {
			t.Errorf("row %s: scope %q status %q, want %q %q", rec.Number, rec.Scope, rec.Status, want["scope"], want["status"])
		}
		if len(rec.Agencies) != 1 || !rec.AgencyDetail[0].Matched {
			t.Errorf("row %s: agencies %+v, want one matched", rec.Number, rec.AgencyDetail)
			continue
		}
		letter, canon := want["agency_group"], rec.Agencies[0]
		if g, ok := group[letter]; ok && g != canon {
			t.Errorf("row %s: group %s is %q here and %q before", rec.Number, letter, canon, g)
		}
		if o, ok := owner[canon]; ok && o != letter {
			t.Errorf("row %s: %q is group %s here and %s before", rec.Number, canon, letter, o)
		}
		group[letter], owner[canon] = canon, letter
	}
}

// TestDocumentRecordJSON pins every key of one record of the seed.
func TestDocumentRecordJSON(t *testing.T) {
	_, doc := loadSeed(t)
	res := newTestNormalizer(t).Document(doc)
	runDD(t, "record.txt", func(c ddCase) string {
		for _, r := range res.Records {
			if r.Number == c.input {
				var b strings.Builder
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				enc.Encode(r)
				return b.String()
			}
		}
		return "no row " + c.input
	})
}

// TestDocumentConcurrent normalizes one document from several goroutines:
// a Normalizer is shared by ingest's workers.
func TestDocumentConcurrent(t *testing.T) {
	_, doc := loadSeed(t)
	n := newTestNormalizer(t)
	want, _ := json.Marshal(n.Document(doc))
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			got, _ := json.Marshal(n.Document(doc))
			if string(got) != string(want) {
				errs <- "differs"
				return
			}
			errs <- ""
		}()
	}
	for i := 0; i < 8; i++ {
		if e := <-errs; e != "" {
			t.Error("concurrent result " + e)
		}
	}
}

// TestRecordNeverNull: list keys are [] when empty, never null.
func TestRecordNeverNull(t *testing.T) {
	doc := &extract.Document{File: "x.pdf", Tables: []extract.Table{{IsPlan: true, Columns: []string{"Recommendation"},
		Rows: []extract.Row{{Seq: 1, Cells: []string{"a"}}}}}}
	res := newTestNormalizer(t).Document(doc)
	b, _ := json.Marshal(res.Records[0])
	for _, k := range []string{`"agencies":null`, `"agency_detail":null`, `"cells":null`} {
		if strings.Contains(string(b), k) {
			t.Errorf("%s in %s", k, b)
		}
	}
}

// TestAllAgencies: "All agencies" is a multi_agency entry of agency_detail
// but names no body in agencies.
func TestAllAgencies(t *testing.T) {
	doc := &extract.Document{File: "x.pdf", Tables: []extract.Table{{IsPlan: true, Columns: []string{"Recommendation", "Lead Agency"},
		Rows: []extract.Row{{Seq: 1, Cells: []string{"a", "All agencies"}}}}}}
	rec := newTestNormalizer(t).Document(doc).Records[0]
	if len(rec.Agencies) != 0 || len(rec.AgencyDetail) != 1 || rec.AgencyDetail[0].Sector != "multi_agency" {
		t.Errorf("agencies %q, detail %+v", rec.Agencies, rec.AgencyDetail)
	}
}
