package main

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/actionplan/actionplan/normalize"
	"github.com/actionplan/actionplan/store"
	_ "github.com/mattn/go-sqlite3"
)

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"ingest", "-h"}, ExitOK},
		{[]string{"export", "--help"}, ExitOK},
		{[]string{"stats", "-h"}, ExitOK},
		{[]string{"ingest"}, ExitUsage},
		{[]string{"ingest", "--bogus", "x"}, ExitUsage},
		{[]string{"ingest", "--workers", "0", "x"}, ExitUsage},
		{[]string{"export", "--format", "xml"}, ExitUsage},
		{[]string{"export", "--what", "rows"}, ExitUsage},
		{[]string{"stats", "extra"}, ExitUsage},
	} {
		code, out, errs := runCLI(t, c.args...)
		if code != c.code {
			t.Errorf("%v: status %d, want %d\n%s", c.args, code, c.code, errs)
		}
		if c.code == ExitOK && !strings.HasPrefix(out, "usage: actionplan "+c.args[0]) {
			t.Errorf("%v: help not on stdout: %q", c.args, out)
		}
		if c.code == ExitUsage && !strings.Contains(errs, "usage:") {
			t.Errorf("%v: no usage on stderr: %q", c.args, errs)
		}
	}
}

func TestIngestCannotOpenDatabase(t *testing.T) {
	dir := t.TempDir()
	pdf := samplePlans(t, filepath.Join(dir, "in"), 1)[0]
	_, errs := mustRunCLI(t, ExitFailure, "ingest", "--db", filepath.Join(dir, "missing", "x.db"), pdf)
	if !strings.Contains(errs, "folder "+filepath.Join(dir, "missing")+" does not exist") {
		t.Errorf("stderr: %s", errs)
	}
	foreign := filepath.Join(dir, "foreign.db")
	writeTestFile(t, foreign, []byte(strings.Repeat("not sqlite ", 200)))
	_, errs = mustRunCLI(t, ExitFailure, "ingest", "--db", foreign, pdf)
	if !strings.Contains(errs, "not an actionplan database") {
		t.Errorf("stderr: %s", errs)
	}
	_, errs = mustRunCLI(t, ExitFailure, "stats", "--db", filepath.Join(dir, "none.db"))
	if !strings.Contains(errs, "does not exist") {
		t.Errorf("stderr: %s", errs)
	}
}

func TestIngestExportStats(t *testing.T) {
	requireExtractor(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	samplePlans(t, in, 2)
	sub := filepath.Join(in, "sub")
	os.MkdirAll(sub, 0o755)
	writeTestFile(t, filepath.Join(sub, "PLAN-003.PDF"), samplePlan(3).pdfBytes())
	writeTestFile(t, filepath.Join(sub, "notes.txt"), []byte("not a pdf, not walked"))
	prose := testPlan{title: []string{"Overview report"}, rows: [][]string{{"Nothing to tabulate here."}}, prose: true}
	writeTestFile(t, filepath.Join(in, "report.pdf"), prose.pdfBytes())
	bad := filepath.Join(in, "page.pdf")
	writeTestFile(t, bad, []byte("<!DOCTYPE html><html><body>Not found</body></html>"))
	db := filepath.Join(dir, "a.db")

	s := ingestSummary(t, ExitSomeFailed, "--db", db, in)
	want := runSummary{Seen: 5, New: 5, WithRows: 3, NoPlan: 1, Failed: 1, Rows: 9}
	if s.Seen != want.Seen || s.New != want.New || s.WithRows != want.WithRows || s.NoPlan != want.NoPlan ||
		s.Failed != want.Failed || s.Rows != want.Rows || len(s.FailedFiles) != 1 {
		t.Errorf("first run: %+v", s)
	}
	// Again: unchanged files are skipped; the failed one is tried again.
	s = ingestSummary(t, ExitSomeFailed, "--db", db, in)
	if s.Unchanged != 4 || s.Reloaded != 1 || s.Failed != 1 || s.New != 0 {
		t.Errorf("second run: %+v", s)
	}
	os.Remove(bad)
	if s = ingestSummary(t, ExitOK, "--db", db, in); s.Unchanged != 4 || s.Seen != 4 {
		t.Errorf("third run: %+v", s)
	}
	// --force extracts everything again, and changes no rows.
	before, _ := mustRunCLI(t, ExitOK, "export", "--db", db)
	if s = ingestSummary(t, ExitOK, "--db", db, "--force", in); s.Reloaded != 4 || s.Rows != 9 {
		t.Errorf("forced run: %+v", s)
	}
	after, _ := mustRunCLI(t, ExitOK, "export", "--db", db)
	if before != after {
		t.Errorf("--force changed the export")
	}

	// export --what actions: one JSON object a line with the record's keys.
	lines := strings.Split(strings.TrimSpace(after), "\n")
	if len(lines) != 9 {
		t.Fatalf("%d action records", len(lines))
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &obj); err != nil {
		t.Fatal(err)
	}
	if got, want := sortedKeys(obj), recordKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("keys\n got %v\nwant %v", got, want)
	}
	var rec normalize.Record
	json.Unmarshal([]byte(lines[0]), &rec)
	if rec.File != "plan-001.pdf" || rec.Seq != 1 || rec.Cells["Lead Agency"] != "Test Police" || rec.PageFirst != 1 {
		t.Errorf("first record: %+v", rec)
	}

	// CSV: a header row, then one row per action.
	out, _ := mustRunCLI(t, ExitOK, "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 10 || rows[0][0] != "file" {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	// Documents, to a file.
	docs := filepath.Join(dir, "docs.jsonl")
	mustRunCLI(t, ExitOK, "export", "--db", db, "--what", "documents", "--out", docs)
	b, _ := os.ReadFile(docs)
	if n := strings.Count(string(b), "\n"); n != 5 || !strings.Contains(string(b), `"outcome":"no_plan"`) {
		t.Errorf("documents export:\n%s", b)
	}
	var d map[string]any
	json.Unmarshal([]byte(strings.SplitN(string(b), "\n", 2)[0]), &d)
	for _, k := range []string{"document_id", "file", "path", "sha256", "pages", "outcome", "error", "warnings", "flags",
		"action_rows", "plan_date", "as_of", "as_of_date", "review_id", "review_type", "reference", "area",
		"pseudonym", "plan_version", "is_current", "duplicate_of"} {
		if _, ok := d[k]; !ok {
			t.Errorf("document record without %q: %v", k, sortedKeys(d))
		}
	}
	if _, ok := d["warnings"].([]any); !ok {
		t.Errorf("document warnings not a JSON list: %v", d["warnings"])
	}
	// Reviews and recommendations, as JSONL and CSV.
	for what, n := range map[string]int{"reviews": 3, "recommendations": 9} {
		out, _ := mustRunCLI(t, ExitOK, "export", "--db", db, "--what", what)
		if got := strings.Count(out, "\n"); got != n {
			t.Errorf("export --what %s: %d records, want %d\n%s", what, got, n, out)
		}
		if !strings.Contains(out, `"review_type":"DHR"`) {
			t.Errorf("export --what %s: no review fields\n%s", what, out)
		}
		out, _ = mustRunCLI(t, ExitOK, "export", "--db", db, "--what", what, "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != n+1 {
			t.Errorf("export --what %s --format csv: %d rows, %v", what, len(rows), err)
		}
	}

	out, _ = mustRunCLI(t, ExitOK, "stats", "--db", db, "--json")
	var st struct {
		Documents int            `json:"documents"`
		Actions   int            `json:"actions"`
		ByOutcome map[string]int `json:"by_outcome"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Documents != 5 || st.Actions != 9 || st.ByOutcome["ok"] != 3 {
		t.Errorf("stats: %+v %v\n%s", st, err, out)
	}
	if out, _ = mustRunCLI(t, ExitOK, "stats", "--db", db); !strings.Contains(out, "documents by outcome") {
		t.Errorf("stats text:\n%s", out)
	}
}

func TestIngestProgressLines(t *testing.T) {
	requireExtractor(t)
	dir := t.TempDir()
	samplePlans(t, filepath.Join(dir, "in"), 3)
	_, errs := mustRunCLI(t, ExitOK, "ingest", "--db", filepath.Join(dir, "a.db"), filepath.Join(dir, "in"))
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[3], "ingest: 3 files seen") {
		t.Errorf("stderr:\n%s", errs)
	}
	for _, l := range lines[:3] {
		if !strings.Contains(l, "/3 ok") || strings.Contains(l, "\r") {
			t.Errorf("progress line %q", l)
		}
	}
}

func TestIngestChangedFileAndSources(t *testing.T) {
	requireExtractor(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	paths := samplePlans(t, in, 2)
	db := filepath.Join(dir, "a.db")
	mustRunCLI(t, ExitOK, "ingest", "--db", db, in)
	// The same path with other bytes: a new document; the old one stays.
	writeTestFile(t, paths[0], samplePlan(7).pdfBytes())
	future := time.Now().Add(time.Hour)
	os.Chtimes(paths[0], future, future)
	if s := ingestSummary(t, ExitOK, "--db", db, in); s.New != 1 || s.Unchanged != 1 {
		t.Errorf("changed file: %+v", s)
	}
	// Provenance for files already loaded is recorded without extraction.
	srcs := filepath.Join(in, "sources.csv")
	writeTestFile(t, srcs, []byte("path,url,fetched_at,etag,last_modified,sha256\n"+
		"plan-002.pdf,https://example.org/plan-2.pdf,2025-01-01T00:00:00Z,\"x\",,\n"))
	if s := ingestSummary(t, ExitOK, "--db", db, "--sources", srcs, in); s.Unchanged != 2 {
		t.Errorf("sources run: %+v", s)
	}
	sdb, _ := sql.Open("sqlite3", db)
	defer sdb.Close()
	var n int
	var url string
	sdb.QueryRow("SELECT count(*) FROM documents").Scan(&n)
	sdb.QueryRow("SELECT url FROM documents WHERE file = 'plan-002.pdf'").Scan(&url)
	if n != 3 || url != "https://example.org/plan-2.pdf" {
		t.Errorf("documents %d, url %q", n, url)
	}
}

func sortedKeys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

// recordKeys are the JSON keys of normalize.Record.
func recordKeys() []string {
	keys, _ := csvFields(reflect.ValueOf(store.ActionRecord{}))
	sort.Strings(keys)
	return keys
}
