package golden

import (
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

// minIdentityScore is the share of plan files whose review type, area and
// pseudonym must all be right (issue 9: at least 0.98).
const minIdentityScore = 0.98

// TestCorpusReviewIdentity scores review identity on every corpus file
// that holds a plan, against the review its spec states, and logs the
// figures: go test -tags sqlite_fts5 ./golden -run TestCorpusReviewIdentity -v
func TestCorpusReviewIdentity(t *testing.T) {
	n, err := normalize.New(normalize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, right := 0, 0
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
		rv := n.Document(extractEntry(t, e)).Review
		ok := true
		for _, f := range [][3]string{{"type", rv.Type, want.Type}, {"area", rv.Area, want.Area}, {"pseudonym", rv.Pseudonym, want.Pseudonym}} {
			if f[1] == f[2] {
				field[f[0]]++
				continue
			}
			ok = false
			t.Logf("%s: %s %q, want %q", e.ID, f[0], f[1], f[2])
		}
		if ok {
			right++
		}
	}
	if files == 0 {
		t.Fatal("no plan files")
	}
	nf := float64(files)
	score := float64(right) / nf
	t.Logf("review identity on %d corpus plan files: all three %.3f; type %.3f, area %.3f, pseudonym %.3f",
		files, score, float64(field["type"])/nf, float64(field["area"])/nf, float64(field["pseudonym"])/nf)
	if score < minIdentityScore {
		t.Errorf("review identity score %.3f, want at least %.2f", score, minIdentityScore)
	}
}
