package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// The search index follows rows deleted or edited by hand, and cascades.
func TestSearchIndexFollowsEdits(t *testing.T) {
	db := openTemp(t)
	mustLoad(t, db, fixture("a.pdf", "a", diana, dianaRows()))
	b := fixture("b.pdf", "b", diana, dianaRows())
	b.Norm.Review.AsOf = "2024-10"
	mustLoad(t, db, b)
	match := func(q string) int {
		return count(t, db, "SELECT count(*) FROM actions_fts WHERE actions_fts MATCH ?", q)
	}
	if n := match("bereaved"); n != 4 {
		t.Fatalf("bereaved: %d", n)
	}
	steps := []struct {
		sql   string
		query string
		want  int
	}{
		{"UPDATE actions SET action_text = 'Write to the coroner' WHERE seq = 3", "coroner", 2},
		{"UPDATE recommendations SET text = 'Ask bereaved relatives' WHERE seq = 1", "relatives", 4},
		{"DELETE FROM actions WHERE seq = 2", "bereaved", 2},
		{"DELETE FROM recommendations WHERE seq = 3", "housing", 0},
		{"DELETE FROM documents WHERE file = 'a.pdf'", "bereaved", 1},
		{"DELETE FROM plans", "coroner", 0},
	}
	for _, s := range steps {
		if _, err := db.SQL().Exec(s.sql); err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
		checkFTS(t, db)
		if n := match(s.query); n != s.want {
			t.Errorf("after %s: %q matches %d, want %d", s.sql, s.query, n, s.want)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM actions_fts"); n != 0 {
		t.Errorf("%d index rows left", n)
	}
}

// A database made by an earlier build (schema version 1) is brought forward
// on open, keeping its rows and its index.
func TestMigrateForward(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", DSN(path, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(ms[0].SQL + fmt.Sprintf("; PRAGMA user_version = 1; PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	raw.Exec(`INSERT INTO documents (sha256, path, file, outcome, extractor_version, loaded_at)
		VALUES ('abc', 'x.pdf', 'x.pdf', 'no_plan', '0.0.1', '2025-01-01')`)
	raw.Close()
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := count(t, db, "PRAGMA user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, SchemaVersion())
	}
	if n := count(t, db, "SELECT count(*) FROM documents"); n != 1 {
		t.Errorf("documents: %d", n)
	}
	s, ok, _ := db.Document(context.Background(), "abc")
	if !ok || s.Current(ExtractorVersion) {
		t.Errorf("old document should be re-extracted: %+v", s)
	}
	mustLoad(t, db, fixture("a.pdf", "a", diana, dianaRows()))
	checkFTS(t, db)
}
