package normalize

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestReviewPDFs reads review identity from real PDFs (testdata/titles,
// Chromium and LibreOffice printings of title blocks; make.sh there), each
// value from the printed title, against testdata/titles/expected.tsv.
func TestReviewPDFs(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "titles", "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || strings.HasPrefix(line, "#") {
			continue
		}
		cases++
		path := filepath.Join("testdata", "titles", f[0]+".pdf")
		doc := extract.File(context.Background(), path, extract.Options{})
		if doc.Err != nil {
			t.Fatalf("%s: %v", path, doc.Err)
		}
		rv := n.Review(doc)
		for _, c := range [][4]string{{"type", rv.Type, rv.TypeSource, f[1]}, {"area", rv.Area, rv.AreaSource, f[2]},
			{"pseudonym", rv.Pseudonym, rv.PseudonymSource, f[3]}} {
			if c[1] != c[3] || c[2] != "title" {
				t.Errorf("%s: %s %q from %q, want %q from the title", f[0], c[0], c[1], c[2], c[3])
			}
		}
	}
	if cases < 6 {
		t.Fatalf("%d cases", cases)
	}
}
