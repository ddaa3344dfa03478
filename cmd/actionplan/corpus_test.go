package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// corpusPDFs lists corpus/pdf, skipping the test while the corpus is empty
// or the extractor is not built.
func corpusPDFs(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "corpus", "pdf")
	var pdfs []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			pdfs = append(pdfs, p)
		}
		return nil
	})
	if len(pdfs) == 0 {
		t.Skip("corpus/pdf is empty")
	}
	doc := extract.File(context.Background(), pdfs[0], extract.Options{})
	if doc.Err != nil && strings.Contains(doc.Err.Error(), "not yet built") {
		t.Skip("the extractor is not yet built")
	}
	return pdfs
}

// TestIngestCorpus loads every corpus file: each is recorded once, with an
// error message when it failed, and a second run extracts nothing.
func TestIngestCorpus(t *testing.T) {
	pdfs := corpusPDFs(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "corpus.db")
	code, out, errs := runCLI(t, "ingest", "--json", "--db", db, filepath.Join("..", "..", "corpus", "pdf"))
	t.Logf("%s", errs)
	if code != ExitOK && code != ExitSomeFailed {
		t.Fatalf("status %d", code)
	}
	s := ingestSummary(t, code, "--db", db, filepath.Join("..", "..", "corpus", "pdf"))
	_ = out
	if s.Seen != len(pdfs) {
		t.Errorf("second run saw %d files, want %d", s.Seen, len(pdfs))
	}
	if s.Unchanged != s.Seen-s.Failed || s.New != 0 {
		t.Errorf("second run extracted again: %+v", s)
	}
	if (code == ExitSomeFailed) != (s.Failed > 0) {
		t.Errorf("status %d with %d failed", code, s.Failed)
	}
	sdb := openSQL(t, db)
	checkIntegrity(t, sdb)
	if n := queryInt(t, sdb, "SELECT count(*) FROM files"); n != len(pdfs) {
		t.Errorf("%d files recorded, want %d", n, len(pdfs))
	}
	if n := queryInt(t, sdb, "SELECT count(*) FROM documents WHERE outcome = 'error' AND error = ''"); n != 0 {
		t.Errorf("%d failed documents without an error message", n)
	}
	if n := queryInt(t, sdb, "SELECT count(*) FROM documents WHERE action_rows <> (SELECT count(*) FROM actions a WHERE a.document_id = documents.id)"); n != 0 {
		t.Errorf("%d documents whose row count disagrees with their actions", n)
	}
	t.Logf("%d files: %d with rows, %d without a plan, %d without text, %d failed", len(pdfs),
		queryInt(t, sdb, "SELECT count(*) FROM documents WHERE outcome = 'ok'"),
		queryInt(t, sdb, "SELECT count(*) FROM documents WHERE outcome = 'no_plan'"),
		queryInt(t, sdb, "SELECT count(*) FROM documents WHERE outcome = 'no_text'"), s.Failed)
}
