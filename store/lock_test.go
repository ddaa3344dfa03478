package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A writer that holds the lock longer than the busy timeout makes Load fail
// with ErrLocked and a message that says why, and changes nothing.
func TestLockedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other, err := sql.Open("sqlite3", DSN(path, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin() // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	start := time.Now()
	_, err = db.Load(ctx, fixture("a.pdf", "a", diana, dianaRows()))
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another ingest") {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited < 100*time.Millisecond {
		t.Errorf("gave up after %v, before the busy timeout", waited)
	}
	tx.Rollback()
	if n := count(t, db, "SELECT count(*) FROM documents"); n != 0 {
		t.Errorf("documents: %d", n)
	}
	mustLoad(t, db, fixture("a.pdf", "a", diana, dianaRows()))
}
