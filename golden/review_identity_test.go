package golden

import (
	"strings"
	"testing"

	"github.com/actionplan/actionplan/corpus/spec"
	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// minIdentityScore is the share of plan files whose review type, area and
// pseudonym must all be right (issue 9: at least 0.98).
const minIdentityScore = 0.98

// TestCorpusReviewIdentity scores review identity on every corpus file
// that holds a plan, against the review its spec states, and logs the
// figures: go test -tags sqlite_fts5 ./golden -run TestCorpusReviewIdentity -v
// The gate is on the files whose title block reached the extracted text
// (what normalize is given); the end-to-end score over all files, which
// also counts title lines the extractor lost, is logged beside it.
func TestCorpusReviewIdentity(t *testing.T) {
	n, err := normalize.New(normalize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, right, seen, seenRight := 0, 0, 0, 0
	field := map[string]int{}
	for _, e := range entries(t) {
		if e.Outcome != "ok" {
			continue
		}
		want := specOf(t, e).Review
		if want == nil {
			continue
		}
		files++
		doc := extractEntry(t, e)
		rv := n.Document(doc).Review
		titled := titleExtracted(specOf(t, e), doc)
		ok := true
		for _, f := range [][3]string{{"type", rv.Type, want.Type}, {"area", rv.Area, want.Area}, {"pseudonym", rv.Pseudonym, want.Pseudonym}} {
			if f[1] == f[2] {
				field[f[0]]++
				continue
			}
			ok = false
			t.Logf("%s: %s %q, want %q (title block extracted: %v)", e.ID, f[0], f[1], f[2], titled)
		}
		if ok {
			right++
		}
		if titled {
			seen++
			if ok {
				seenRight++
			}
		}
	}
	if files == 0 {
		t.Fatal("no plan files")
	}
	nf := float64(files)
	score := float64(right) / nf
	t.Logf("review identity on %d corpus plan files: all three %.3f; type %.3f, area %.3f, pseudonym %.3f",
		files, score, float64(field["type"])/nf, float64(field["area"])/nf, float64(field["pseudonym"])/nf)
	if seen < files*9/10 {
		t.Errorf("title blocks extracted in %d of %d files", seen, files)
	}
	gate := float64(seenRight) / float64(seen)
	t.Logf("on the %d files whose title block was extracted: all three %.3f", seen, gate)
	if gate < minIdentityScore {
		t.Errorf("review identity score %.3f, want at least %.2f", gate, minIdentityScore)
	}
}

// titleExtracted reports whether every line of the spec's title blocks is
// in the document's extracted text (spaces collapsed).
func titleExtracted(s *spec.Spec, doc *extract.Document) bool {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			b.WriteString(l.Text())
			b.WriteString(" ")
		}
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	for _, bl := range s.Blocks {
		if bl.Kind != "title" {
			continue
		}
		for _, l := range strings.Split(bl.Text, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" && !strings.Contains(text, l) {
				return false
			}
		}
	}
	return true
}
