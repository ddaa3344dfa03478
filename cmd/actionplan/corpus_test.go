package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var corpusDir = filepath.Join("..", "..", "corpus")

// corpusFile is one line of corpus/MANIFEST.tsv with the row count its
// golden file (derived from the spec, never from the extractor) expects.
type corpusFile struct {
	id, file, outcome string
	rows              int
}

// corpusManifest reads corpus/MANIFEST.tsv and golden/<id>.json: every
// corpus PDF with the outcome and the number of plan rows expected of it.
func corpusManifest(t testing.TB) []corpusFile {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusFile
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 8 || p[0] == "id" {
			continue
		}
		cf := corpusFile{id: p[0], file: filepath.Base(p[1]), outcome: p[len(p)-1]}
		b, err := os.ReadFile(filepath.Join("..", "..", "golden", p[0]+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Plans []struct {
				Rows []json.RawMessage `json:"rows"`
			} `json:"plans"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("golden/%s.json: %v", p[0], err)
		}
		for _, pl := range g.Plans {
			cf.rows += len(pl.Rows)
		}
		out = append(out, cf)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("corpus/MANIFEST.tsv lists no file")
	}
	return out
}

// TestIngestCorpus loads the corpus shipped in corpus/pdf: the run ends with
// status 3 exactly when the manifest expects a file to fail, names those
// files, gives every file the outcome the manifest expects and every plan
// the number of rows its golden file holds; a second run, over the same
// paths and over copies of the same bytes at new paths, extracts nothing.
func TestIngestCorpus(t *testing.T) {
	want := corpusManifest(t)
	pdfDir := filepath.Join(corpusDir, "pdf")
	dir := t.TempDir()
	db := filepath.Join(dir, "corpus.db")

	failed, withRows, noPlan, noText, rows := 0, 0, 0, 0, 0
	var wantFailed []string
	for _, w := range want {
		switch w.outcome {
		case "error":
			failed++
			wantFailed = append(wantFailed, w.file)
		case "ok":
			withRows++
		case "no_plan":
			noPlan++
		case "no_text":
			noText++
		}
		rows += w.rows
	}
	status := ExitOK
	if failed > 0 {
		status = ExitSomeFailed
	}
	s := ingestSummary(t, status, "--db", db, "--workers", "1", pdfDir)
	if s.Seen != len(want) || s.New != len(want) || s.Extracted != len(want) || s.Unchanged != 0 {
		t.Errorf("first run: seen %d, new %d, extracted %d, unchanged %d; want %d files, each new and extracted",
			s.Seen, s.New, s.Extracted, s.Unchanged, len(want))
	}
	if s.WithRows != withRows || s.NoPlan != noPlan || s.NoText != noText || s.Failed != failed || s.Rows != rows {
		t.Errorf("first run: %d with rows, %d no plan, %d no text, %d failed, %d rows; want %d, %d, %d, %d, %d",
			s.WithRows, s.NoPlan, s.NoText, s.Failed, s.Rows, withRows, noPlan, noText, failed, rows)
	}
	var gotFailed []string
	for _, f := range s.FailedFiles {
		gotFailed = append(gotFailed, filepath.Base(f.Path))
	}
	sort.Strings(gotFailed)
	sort.Strings(wantFailed)
	if strings.Join(gotFailed, " ") != strings.Join(wantFailed, " ") {
		t.Errorf("failed files %q, want %q", gotFailed, wantFailed)
	}

	sdb := openSQL(t, db)
	checkIntegrity(t, sdb)
	got := map[string][2]string{}
	q, err := sdb.Query(`SELECT file, outcome, action_rows, coalesce(error, '') FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	for q.Next() {
		var file, outcome, msg string
		var n int
		if err := q.Scan(&file, &outcome, &n, &msg); err != nil {
			t.Fatal(err)
		}
		got[file] = [2]string{outcome, strings.Repeat("x", n)}
		if outcome == "error" && msg == "" {
			t.Errorf("%s failed without an error message", file)
		}
	}
	q.Close()
	for _, w := range want {
		g, ok := got[w.file]
		switch {
		case !ok:
			t.Errorf("%s: no document", w.file)
		case g[0] != w.outcome:
			t.Errorf("%s: outcome %s, want %s", w.file, g[0], w.outcome)
		case len(g[1]) != w.rows:
			t.Errorf("%s: %d action rows, want %d (golden/%s.json)", w.file, len(g[1]), w.rows, w.id)
		}
	}
	if n := queryInt(t, sdb, "SELECT count(*) FROM files"); n != len(want) {
		t.Errorf("%d files recorded, want %d", n, len(want))
	}
	if n := queryInt(t, sdb, "SELECT count(*) FROM actions"); n != rows {
		t.Errorf("%d actions stored, want %d", n, rows)
	}
	if n := queryInt(t, sdb, "SELECT count(*) FROM documents WHERE action_rows <> (SELECT count(*) FROM actions a WHERE a.document_id = documents.id)"); n != 0 {
		t.Errorf("%d documents whose row count disagrees with their actions", n)
	}
	sdb.Close()

	// Again, with a copy of every readable file at a new path, newer than
	// the original: the originals cost one query (path, size and mtime), the
	// copies one hash each (known bytes), and neither an extraction.
	copies := filepath.Join(dir, "copies")
	if err := os.MkdirAll(copies, 0o755); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	for _, w := range want {
		if w.outcome == "error" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(pdfDir, w.file))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(copies, "copy-"+w.file), b)
		if err := os.Chtimes(filepath.Join(copies, "copy-"+w.file), later, later); err != nil {
			t.Fatal(err)
		}
	}
	s = ingestSummary(t, status, "--db", db, "--workers", "1", pdfDir, copies)
	if s.Extracted != failed {
		t.Errorf("second run extracted %d files, want only the %d that failed before", s.Extracted, failed)
	}
	if s.Seen != 2*len(want)-failed || s.New != 0 || s.Unchanged != 2*len(want)-2*failed || s.Failed != failed {
		t.Errorf("second run: %+v", s)
	}
}
