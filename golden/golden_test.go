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
// compares the cells again keeping paragraph breaks, and reports how many
// cells match so: where a row is cut by a page break at the end of a line,
// nothing on the page says whether a paragraph ended there, so that
// comparison is a measure, printed with -v, not a gate.
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
			for _, m := range d.Strict {
				t.Logf("[paragraph breaks kept] %s", m)
			}
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
	t.Logf("cells exact (whitespace collapsed): %d of %d (%.4f); rows exact: %d of %d; plan files with every row exact: %d of %d",
		all.CellsExact, all.Cells, float64(all.CellsExact)/float64(max(all.Cells, 1)), all.RowsExact, all.Rows, filesExact, files)
	t.Logf("page spans (first and last pages poppler places): %d of %d exact", all.PagesExact, all.PagesChecked)
	t.Logf("paragraph breaks: %d of %d cells exact (%.1f%%)", strict, cells, 100*float64(strict)/float64(max(cells, 1)))
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

// TestGoldenCanonical compares normalize's canonical fields with the
// expectations written by hand in the specs.
func TestGoldenCanonical(t *testing.T) {
	n, err := normalize.New(normalize.Options{})
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
			if unfilled(res.Records) {
				t.Skip("normalize does not fill canonical fields yet")
			}
			var diffs []string
			diffs = append(diffs, compareReview(g.Review, res.Review)...)
			diffs = append(diffs, compareCanonical(g, res.Records)...)
			unreviewed := specOf(t, e).ExpectUnreviewed
			for _, m := range diffs {
				if unreviewed {
					t.Logf("[canonical, expectations unreviewed] %s", m)
				} else {
					t.Errorf("[canonical] %s", m)
				}
			}
		})
	}
}

func unfilled(recs []normalize.Record) bool {
	for _, r := range recs {
		if r.Scope != "" || r.Status != "" {
			return false
		}
	}
	return true
}

func compareReview(want *spec.Review, got normalize.Review) []string {
	var out []string
	if want == nil {
		return nil
	}
	pairs := [][3]string{
		{"type", got.Type, want.Type}, {"reference", got.Reference, want.Reference},
		{"area", got.Area, want.Area}, {"pseudonym", got.Pseudonym, want.Pseudonym},
		{"plan date", got.PlanDate, want.Date},
	}
	for _, p := range pairs {
		if p[1] != p[2] {
			out = append(out, fmt.Sprintf("review %s: got %q, want %q", p[0], p[1], p[2]))
		}
	}
	return out
}

func compareCanonical(g spec.Golden, recs []normalize.Record) []string {
	var out []string
	var want []spec.GRow
	for _, p := range g.Plans {
		want = append(want, p.Rows...)
	}
	if len(recs) != len(want) {
		out = append(out, fmt.Sprintf("%d records, want %d", len(recs), len(want)))
	}
	for i := 0; i < len(recs) && i < len(want); i++ {
		w, r := want[i].Expect, recs[i]
		at := fmt.Sprintf("%s: row %d (number %q, seq %d)", g.File, i+1, r.Number, r.Seq)
		if r.Scope != w.Scope {
			out = append(out, fmt.Sprintf("%s: scope %q, want %q (printed %q)", at, r.Scope, w.Scope, r.ScopePrinted))
		}
		if r.Status != w.Status {
			out = append(out, fmt.Sprintf("%s: status %q, want %q (printed %q)", at, r.Status, w.Status, r.StatusPrinted))
		}
		if w.RecommendationNumber != "" && r.RecommendationNumber != w.RecommendationNumber {
			out = append(out, fmt.Sprintf("%s: recommendation number %q, want %q", at, r.RecommendationNumber, w.RecommendationNumber))
		}
		if w.Recommendation != "" && spec.Collapse(r.Recommendation) != w.Recommendation {
			out = append(out, fmt.Sprintf("%s: recommendation %q, want %q", at, r.Recommendation, w.Recommendation))
		}
		if a, b := sorted(r.Agencies), sorted(w.Agencies); !equal(a, b) {
			out = append(out, fmt.Sprintf("%s: agencies %q, want %q (lead agency %q)", at, a, b, r.LeadAgency))
		}
	}
	return out
}

func sorted(ss []string) []string {
	out := append([]string{}, ss...)
	sort.Strings(out)
	return out
}
