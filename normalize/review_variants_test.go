package normalize

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// minIdentityScore is the share of title blocks whose type, area and
// pseudonym must all be read right (issue: at least 0.98 on unseen plans).
const minIdentityScore = 0.98

// TestReviewVariants scores review identity on hand-written title blocks
// (testdata/review_variants.txt): each case's type, area and pseudonym,
// written by hand, never rewritten from the output.
func TestReviewVariants(t *testing.T) {
	for _, f := range []string{"review_variants.txt", "review_variants_b.txt"} {
		t.Run(f, func(t *testing.T) { scoreVariants(t, f) })
	}
}

func scoreVariants(t *testing.T, file string) {
	r := registry(t)
	cases, _ := ddFile(t, filepath.Join("testdata", file))
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	right, field := 0, map[string]int{}
	for _, c := range cases {
		want := parseKV(c.expected)
		rv := r.ReadReview(reviewTexts(variantDoc(c)))
		got := map[string]string{"type": rv.Type, "area": rv.Area, "pseudonym": rv.Pseudonym}
		ok := true
		for _, k := range []string{"type", "area", "pseudonym"} {
			if got[k] == want[k] {
				field[k]++
				continue
			}
			ok = false
			t.Logf("line %d: %s %q, want %q (%s)", c.line, k, got[k], want[k], strings.ReplaceAll(c.input, "\n", " / "))
		}
		if ok {
			right++
		}
	}
	n := float64(len(cases))
	score := float64(right) / n
	t.Logf("review identity on %d title blocks: all three %.3f; type %.3f, area %.3f, pseudonym %.3f",
		len(cases), score, float64(field["type"])/n, float64(field["area"])/n, float64(field["pseudonym"])/n)
	if score < minIdentityScore {
		t.Errorf("review identity score %.3f, want at least %.2f", score, minIdentityScore)
	}
}

// variantDoc is a one-page document of the case's title lines, with the
// PDF Title and file name its options give.
func variantDoc(c ddCase) *extract.Document {
	doc := &extract.Document{File: c.opts["file"], Meta: extract.Meta{Title: c.opts["pdf_title"]}}
	if c.input != "" {
		doc.Pages = []extract.Page{{Number: 1, Lines: textLines(c.input)}}
	}
	return doc
}

func parseKV(s string) map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			m[k] = v
		}
	}
	return m
}
