package golden

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/corpus/spec"
	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

var update = flag.Bool("update", false, "rewrite golden/*.json from corpus/src (never from extractor output)")

const (
	corpusDir = "../corpus"
	manifest  = "../corpus/MANIFEST.tsv"
	pagesTSV  = "../corpus/pages.tsv"
	knownTSV  = "../corpus/known/canonical.tsv"
	// knownBreaks lists the cells whose paragraph breaks the product is
	// known to get wrong.
	knownBreaks = "../corpus/known/paragraphs.tsv"
)

func entries(t *testing.T) []Entry {
	t.Helper()
	es, err := ReadManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) == 0 {
		t.Fatal("empty manifest")
	}
	return es
}

func specOf(t *testing.T, e Entry) *spec.Spec {
	t.Helper()
	s, err := spec.Load(filepath.Join(corpusDir, e.Source))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// expected derives the golden record of e from its source spec.
func expected(t *testing.T, e Entry) spec.Golden {
	t.Helper()
	s, err := spec.Load(filepath.Join(corpusDir, e.Source))
	if err != nil {
		t.Fatal(err)
	}
	return spec.Expected(s, filepath.Base(e.File), e.Outcome)
}

func marshal(g spec.Golden) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(g); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func goldenPath(e Entry) string { return e.ID + ".json" }

func readGolden(t *testing.T, e Entry) spec.Golden {
	t.Helper()
	b, err := os.ReadFile(goldenPath(e))
	if err != nil {
		t.Fatalf("%v (run make golden-update)", err)
	}
	var g spec.Golden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", goldenPath(e), err)
	}
	return g
}

func extractEntry(t *testing.T, e Entry) *extract.Document {
	t.Helper()
	return extract.File(context.Background(), filepath.Join(corpusDir, e.File), extract.Options{})
}

// TestGolden extracts every corpus PDF and compares its plan tables with the
// golden file: outcome, tables, columns, rows, number, theme, group, and
// every cell with whitespace collapsed; any difference fails. It then
// compares the cells again keeping paragraph breaks: a difference fails
// unless corpus/known/paragraphs.tsv lists that cell with the text the
// product gives today and why (where a row is cut by a page break at the
// end of a line, nothing on the page says whether a paragraph ended there);
// a listed cell that comes out otherwise fails too.
func TestGolden(t *testing.T) {
	es := entries(t)
	if *update {
		for _, e := range es {
			if err := os.WriteFile(goldenPath(e), marshal(expected(t, e)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cells, strict := 0, 0
	spans, err := ReadSpans(pagesTSV)
	if err != nil {
		t.Fatal(err)
	}
	breaks, err := ReadKnownGaps(knownBreaks)
	if err != nil {
		t.Fatal(err)
	}
	var all Diffs
	files, filesExact := 0, 0
	for _, e := range es {
		t.Run(e.ID, func(t *testing.T) {
			g := readGolden(t, e)
			doc := extractEntry(t, e)
			d := Compare(g, doc)
			d.Pages(spans[e.ID], doc)
			for _, m := range d.Loose {
				t.Errorf("[collapsed whitespace] %s", m)
			}
			checkBreaks(t, e.ID, d, breaks)
			all.Cells += d.Cells
			all.CellsExact += d.CellsExact
			all.Rows += d.Rows
			all.RowsExact += d.RowsExact
			all.PagesChecked += d.PagesChecked
			all.PagesExact += d.PagesExact
			if d.Rows > 0 {
				files++
				if d.RowsExact == d.Rows && len(d.Loose) == 0 {
					filesExact++
				}
			}
			n := cellCount(g)
			cells += n
			strict += max(0, n-len(d.Strict))
		})
	}
	ids := map[string]bool{}
	for _, e := range es {
		ids[e.ID] = true
	}
	for _, k := range breaks {
		if !ids[k.Key] || k.Field != "paragraphs" {
			t.Errorf("corpus/known/paragraphs.tsv line %d: %s %s: not a corpus file id with field paragraphs", k.Line, k.Key, k.Field)
		}
	}
	t.Logf("cells exact (whitespace collapsed): %d of %d (%.4f); rows exact: %d of %d; plan files with every row exact: %d of %d",
		all.CellsExact, all.Cells, float64(all.CellsExact)/float64(max(all.Cells, 1)), all.RowsExact, all.Rows, filesExact, files)
	t.Logf("page spans (first and last pages poppler places): %d of %d exact", all.PagesExact, all.PagesChecked)
	t.Logf("paragraph breaks: %d of %d cells exact (%.1f%%)", strict, cells, 100*float64(strict)/float64(max(cells, 1)))
}

// checkBreaks fails on each paragraph-break difference of file id that
// paragraphs.tsv does not list with exactly that text, and on each listed
// cell of id that no longer differs so.
func checkBreaks(t *testing.T, id string, d *Diffs, known KnownGaps) {
	t.Helper()
	matched := map[int]bool{}
	for _, b := range d.Breaks {
		got := strconv.Quote(b.Got)
		i, k := known.Find(id, id, b.Where, "paragraphs")
		switch {
		case k == nil:
			t.Errorf("[paragraph breaks] %s: %s:\n\tgot:  %q\n\twant: %q", d.File, b.Where, b.Got, b.Want)
		case k.Got != got:
			t.Errorf("[paragraph breaks] %s: %s: got %s; corpus/known/paragraphs.tsv expects the known gap %s (%s)", d.File, b.Where, got, k.Got, k.Reason)
		default:
			matched[i] = true
		}
	}
	for _, i := range known.For(id, id) {
		if !matched[i] {
			t.Errorf("[paragraph breaks] %s: %s: known gap %s (%s) is gone; update corpus/known/paragraphs.tsv", d.File, known[i].Where, known[i].Got, known[i].Reason)
		}
	}
}

func cellCount(g spec.Golden) int {
	n := 0
	for _, p := range g.Plans {
		for _, r := range p.Rows {
			n += len(r.Cells)
		}
	}
	return n
}

// TestGoldenFiles checks that golden/*.json are exactly what the specs give,
// and that no golden file lacks a corpus PDF.
func TestGoldenFiles(t *testing.T) {
	es := entries(t)
	known := map[string]bool{}
	for _, e := range es {
		known[goldenPath(e)] = true
		b, err := os.ReadFile(goldenPath(e))
		if err != nil {
			t.Errorf("%s: %v (run make golden-update)", e.ID, err)
			continue
		}
		if !bytes.Equal(b, marshal(expected(t, e))) {
			t.Errorf("%s is stale: run make golden-update", goldenPath(e))
		}
	}
	files, _ := filepath.Glob("*.json")
	for _, f := range files {
		if !known[f] {
			t.Errorf("%s has no corpus PDF in the manifest", f)
		}
	}
}

// TestManifest checks every manifest line against the committed files.
func TestManifest(t *testing.T) {
	outcomes := map[string]bool{"ok": true, "no_plan": true, "no_text": true, "error": true}
	seen := map[string]bool{}
	for _, e := range entries(t) {
		if seen[e.ID] {
			t.Errorf("%s: duplicate id", e.ID)
		}
		seen[e.ID] = true
		if !outcomes[e.Outcome] {
			t.Errorf("%s: outcome %q", e.ID, e.Outcome)
		}
		if strings.TrimSuffix(filepath.Base(e.File), ".pdf") != e.ID {
			t.Errorf("%s: file %s does not match id", e.ID, e.File)
		}
		b, err := os.ReadFile(filepath.Join(corpusDir, e.File))
		if err != nil {
			t.Error(err)
			continue
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != e.SHA256 {
			t.Errorf("%s: sha256 differs from the manifest", e.File)
		}
	}
	used := map[string]bool{}
	for _, e := range entries(t) {
		used[e.Source] = true
	}
	specs, _ := filepath.Glob(filepath.Join(corpusDir, "src", "*.json"))
	for _, p := range specs {
		if rel := "src/" + filepath.Base(p); !used[rel] {
			t.Errorf("%s is rendered into no corpus PDF", rel)
		}
	}
	pdfs, _ := filepath.Glob(filepath.Join(corpusDir, "pdf", "*.pdf"))
	for _, p := range pdfs {
		if !seen[strings.TrimSuffix(filepath.Base(p), ".pdf")] {
			t.Errorf("%s is not in the manifest", p)
		}
	}
}

// TestGoldenCanonical compares normalize's canonical fields (review
// identity; each record's scope, status, agencies and band recommendation)
// with the expectations written by hand in the specs. Every difference
// fails, unless corpus/known/canonical.tsv lists it, with its reason, as a
// gap the product has today: then the test expects exactly that wrong value,
// so it fails when the gap closes as well as when it changes.
func TestGoldenCanonical(t *testing.T) {
	n, err := normalize.New(normalize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	known, err := ReadKnownGaps(knownTSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries(t) {
		if e.Outcome != "ok" {
			continue
		}
		t.Run(e.ID, func(t *testing.T) {
			g := readGolden(t, e)
			doc := extractEntry(t, e)
			res := n.Document(doc)
			var diffs []CanonDiff
			diffs = append(diffs, compareReview(g.Review, res.Review)...)
			diffs = append(diffs, compareCanonical(g, res.Records)...)
			specID := strings.TrimSuffix(filepath.Base(e.Source), ".json")
			matched := map[int]bool{}
			for _, d := range diffs {
				i, k := known.Find(e.ID, specID, d.Where, d.Field)
				switch {
				case k == nil:
					t.Errorf("[canonical] %s: %s", g.File, d)
				case k.Got != d.Got:
					t.Errorf("[canonical] %s: %s; corpus/known/canonical.tsv expects the known gap %q (%s)", g.File, d, k.Got, k.Reason)
				default:
					matched[i] = true
				}
			}
			for _, i := range known.For(e.ID, specID) {
				if !matched[i] {
					k := known[i]
					t.Errorf("[canonical] %s: %s %s: known gap %q (%s) is gone: the product now gives what the spec wants, or something else; update corpus/known/canonical.tsv",
						g.File, k.Where, k.Field, k.Got, k.Reason)
				}
			}
		})
	}
	keys := map[string]bool{}
	for _, e := range entries(t) {
		if e.Outcome == "ok" {
			keys[e.ID] = true
			keys[strings.TrimSuffix(filepath.Base(e.Source), ".json")] = true
		}
	}
	for _, k := range known {
		if !keys[k.Key] {
			t.Errorf("corpus/known/canonical.tsv line %d: %s is no plan file or spec in the manifest", k.Line, k.Key)
		}
	}
}

// CanonDiff is one canonical field that differs from the spec.
type CanonDiff struct {
	Where string // "review" or "row N" (N counts the plan rows from 1)
	Field string // type, reference, area, pseudonym, plan_date, records, scope, status, agencies, recommendation_number, recommendation
	Got   string
	Want  string
	Note  string
}

func (d CanonDiff) String() string {
	s := fmt.Sprintf("%s %s: got %q, want %q", d.Where, d.Field, d.Got, d.Want)
	if d.Note != "" {
		s += " (" + d.Note + ")"
	}
	return s
}

func compareReview(want *spec.Review, got normalize.Review) []CanonDiff {
	var out []CanonDiff
	if want == nil {
		return nil
	}
	pairs := [][3]string{
		{"type", got.Type, want.Type}, {"reference", got.Reference, want.Reference},
		{"area", got.Area, want.Area}, {"pseudonym", got.Pseudonym, want.Pseudonym},
		{"plan_date", got.PlanDate, want.Date},
	}
	for _, p := range pairs {
		if p[1] != p[2] {
			out = append(out, CanonDiff{Where: "review", Field: p[0], Got: p[1], Want: p[2]})
		}
	}
	return out
}

func compareCanonical(g spec.Golden, recs []normalize.Record) []CanonDiff {
	var out []CanonDiff
	var want []spec.GRow
	for _, p := range g.Plans {
		want = append(want, p.Rows...)
	}
	if len(recs) != len(want) {
		out = append(out, CanonDiff{Where: "plan", Field: "records", Got: fmt.Sprint(len(recs)), Want: fmt.Sprint(len(want))})
	}
	for i := 0; i < len(recs) && i < len(want); i++ {
		w, r := want[i].Expect, recs[i]
		at := fmt.Sprintf("row %d", i+1)
		num := fmt.Sprintf("number %q", r.Number)
		if r.Scope != w.Scope {
			out = append(out, CanonDiff{at, "scope", r.Scope, w.Scope, num + fmt.Sprintf(", printed %q", r.ScopePrinted)})
		}
		if r.Status != w.Status {
			out = append(out, CanonDiff{at, "status", r.Status, w.Status, num + fmt.Sprintf(", printed %q", r.StatusPrinted)})
		}
		if w.RecommendationNumber != "" && r.RecommendationNumber != w.RecommendationNumber {
			out = append(out, CanonDiff{at, "recommendation_number", r.RecommendationNumber, w.RecommendationNumber, num})
		}
		if w.Recommendation != "" && spec.Collapse(r.Recommendation) != w.Recommendation {
			out = append(out, CanonDiff{at, "recommendation", spec.Collapse(r.Recommendation), w.Recommendation, num})
		}
		if a, b := sorted(r.Agencies), sorted(w.Agencies); !equal(a, b) {
			out = append(out, CanonDiff{at, "agencies", strings.Join(a, "|"), strings.Join(b, "|"), num + fmt.Sprintf(", lead agency %q", r.LeadAgency)})
		}
	}
	return out
}

func sorted(ss []string) []string {
	out := append([]string{}, ss...)
	sort.Strings(out)
	return out
}
