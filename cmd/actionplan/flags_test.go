package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestFlags: the ingest summary counts the quality flags of the files
// it loads (text and --json), and export --what documents lists them per
// document; a clean plan has none. Real corpus PDFs: an outbreak report
// whose table reads like a plan's by its header (flagged not_a_plan, no
// rows) and a recommendation-only plan with no doubt about it.
func TestIngestFlags(t *testing.T) {
	requireExtractor(t)
	lookalike := filepath.Join("..", "..", "corpus", "pdf", "x02_outbreak_report_lo.pdf")
	clean := filepath.Join("..", "..", "corpus", "pdf", "u01_sar_calderdale_recs_only_lo.pdf")
	db := filepath.Join(t.TempDir(), "f.db")
	out, errs := mustRunCLI(t, ExitOK, "ingest", "--json", "--db", db, lookalike, clean)
	var s runSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.FlaggedFiles != 1 || s.Flags["not_a_plan"] != 1 || len(s.Flags) != 1 || s.Rows != 7 || s.NoPlan != 1 {
		t.Errorf("summary: flagged %d, flags %v, rows %d, no_plan %d", s.FlaggedFiles, s.Flags, s.Rows, s.NoPlan)
	}
	if !strings.Contains(errs, "quality flags on 1 files: not_a_plan 1") {
		t.Errorf("text summary does not count the flags:\n%s", errs)
	}
	out, _ = mustRunCLI(t, ExitOK, "export", "--db", db, "--what", "documents")
	flags := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d struct {
			File  string `json:"file"`
			Flags []struct {
				Code string `json:"code"`
			} `json:"flags"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		flags[d.File] = len(d.Flags)
	}
	if flags["x02_outbreak_report_lo.pdf"] != 1 || flags["u01_sar_calderdale_recs_only_lo.pdf"] != 0 || len(flags) != 2 {
		t.Errorf("exported flags per document: %v", flags)
	}
}
