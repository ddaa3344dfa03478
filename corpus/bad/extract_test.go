package bad

import (
	"context"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// pending lists the cases the extractor does not yet end as they should,
// with why; each is skipped, by name, until it is fixed.
var pending = map[string]string{}

// TestCases extracts every hostile case and checks how it ends: outcome,
// action rows, the words of its error or of its note on what was not read,
// and whether a cap was hit.
func TestCases(t *testing.T) {
	for _, c := range Cases() {
		t.Run(c.Name, func(t *testing.T) {
			if why, ok := pending[c.Name]; ok {
				t.Skip("pending: " + why)
			}
			if testing.Short() && (strings.HasPrefix(c.Name, "bomb") || c.Name == "page_cap.pdf") {
				t.Skip("-short: a bomb or a long document")
			}
			d := extract.Bytes(context.Background(), c.Name, c.Make(), extract.Options{})
			checkCase(t, c, d)
		})
	}
}

func checkCase(t *testing.T, c Case, d *extract.Document) {
	t.Helper()
	if string(d.Outcome) != c.Want.Outcome {
		t.Errorf("outcome %s, want %s (err %v, not read %q)", d.Outcome, c.Want.Outcome, d.Err, d.Incomplete)
	}
	rows := 0
	for _, p := range d.Plans() {
		rows += len(p.Rows)
	}
	if c.Want.Rows >= 0 && rows != c.Want.Rows {
		t.Errorf("%d action rows, want %d", rows, c.Want.Rows)
	}
	said := strings.Join(d.Incomplete, "; ")
	if d.Err != nil {
		said = d.Err.Error() + "; " + said
		if !strings.HasPrefix(d.Err.Error(), c.Name) {
			t.Errorf("error %q does not name the file", d.Err)
		}
	}
	if c.Want.Message != "" && !strings.Contains(said, c.Want.Message) {
		t.Errorf("said %q, want words %q", said, c.Want.Message)
	}
	if partial := len(d.Incomplete) > 0; partial != c.Want.Partial && c.Want.Outcome != "error" && c.Want.Outcome != "no_text" {
		t.Errorf("read in part: %v, want %v (%q)", partial, c.Want.Partial, d.Incomplete)
	}
}
