package golden

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/actionplan/actionplan/corpus/spec"
)

// seedRows is the hand-rebuilt truth of the seed plan, shipped beside the
// project (not in it).
const seedRows = "../../shared/seeds/000_9c3c55c7e149efd9.rows.json"

// TestSeedSpecFaithful checks that the corpus spec of the seed plan carries
// exactly the hand-rebuilt rows: the seed PDFs are only a fair test of the
// rebuild if they were rendered from the real plan's text.
func TestSeedSpecFaithful(t *testing.T) {
	b, err := os.ReadFile(seedRows)
	if err != nil {
		t.Skipf("the seed's hand-rebuilt rows are not beside the project (%v)", err)
	}
	var truth struct {
		Columns []string `json:"columns"`
		Rows    []struct {
			Number string   `json:"number"`
			Cells  []string `json:"cells"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(filepath.Join(corpusDir, "src", "seed_kmbc_dhr05.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tb *spec.Table
	for _, bl := range s.Blocks {
		if bl.Table != nil && bl.Table.Plan {
			tb = bl.Table
		}
	}
	if tb == nil || len(tb.Rows) != len(truth.Rows) {
		t.Fatalf("the seed spec's plan does not have the seed's %d rows", len(truth.Rows))
	}
	cols := tb.Columns[len(tb.Columns)-len(truth.Columns):]
	for i, c := range truth.Columns {
		if cols[i] != c {
			t.Errorf("column %d: %q, want %q", i, cols[i], c)
		}
	}
	for i, r := range truth.Rows {
		got := tb.Rows[i].Cells[len(tb.Rows[i].Cells)-len(r.Cells):]
		if tb.Rows[i].Number != r.Number {
			t.Errorf("row %d: number %q, want %q", i+1, tb.Rows[i].Number, r.Number)
		}
		for j, want := range r.Cells {
			if got[j] == nil || *got[j] != want {
				t.Errorf("row %d column %q differs from the hand-rebuilt seed", i+1, truth.Columns[j])
			}
		}
	}
}
