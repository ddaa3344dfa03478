package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestForeignSQLiteUntouched: another application's SQLite file, marked or
// not, is refused by ingest, export and stats with status 1, and is left
// byte for byte as it was (no switch to WAL, no -wal or -shm file).
func TestForeignSQLiteUntouched(t *testing.T) {
	dir := t.TempDir()
	pdf := samplePlans(t, filepath.Join(dir, "in"), 1)[0]
	for _, app := range []int{0x12345678, 0} {
		path := filepath.Join(dir, "other.db")
		os.Remove(path)
		db, err := sql.Open("sqlite3", path) // rollback journal, as most applications leave it
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
			"INSERT INTO notes (body) VALUES ('keep me')", "PRAGMA application_id = " + strconv.Itoa(app)} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		before, _ := os.ReadFile(path)
		for _, args := range [][]string{{"ingest", "--db", path, pdf}, {"export", "--db", path}, {"stats", "--db", path}} {
			_, errs := mustRunCLI(t, ExitFailure, args...)
			if !strings.Contains(errs, "not an actionplan database") {
				t.Errorf("%s on application_id %#x: %s", args[0], app, errs)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatalf("%s on application_id %#x changed the file", args[0], app)
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("%s left %s%s", args[0], filepath.Base(path), side)
				}
			}
		}
	}
}

// TestExportReadOnly: export and stats open the database read-only: they
// leave an actionplan database's bytes as they were, and still read it
// when SQLite cannot lock it (immutable=1).
func TestExportReadOnly(t *testing.T) {
	dir := t.TempDir()
	pdfs := samplePlans(t, filepath.Join(dir, "in"), 2)
	path := filepath.Join(dir, "plans.db")
	mustRunCLI(t, ExitOK, append([]string{"ingest", "--db", path}, pdfs...)...)
	before, _ := os.ReadFile(path)
	out, _ := mustRunCLI(t, ExitOK, "export", "--db", path, "--format", "csv")
	if strings.Count(out, "\n") < 2 {
		t.Errorf("export: %q", out)
	}
	mustRunCLI(t, ExitOK, "stats", "--db", path)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("export or stats changed the database")
	}
}

// TestCorruptDatabase: a database SQLite finds damaged stops ingest with
// status 1 and words on how to recover, before any file is loaded.
func TestCorruptDatabase(t *testing.T) {
	dir := t.TempDir()
	pdfs := samplePlans(t, filepath.Join(dir, "in"), 3)
	path := filepath.Join(dir, "plans.db")
	mustRunCLI(t, ExitOK, "ingest", "--db", path, pdfs[0], pdfs[1])
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := 4096
	if len(b) < 6*page {
		t.Fatalf("database of %d bytes: too small to damage", len(b))
	}
	// Damage interior pages (past the header page): b-tree pages with
	// garbage in their headers and cells.
	for p := 2; p < len(b)/page; p += 3 {
		copy(b[p*page:p*page+64], bytes.Repeat([]byte{0xA5}, 64))
	}
	writeTestFile(t, path, b)
	_, errs := mustRunCLI(t, ExitFailure, "ingest", "--db", path, pdfs[2])
	for _, w := range []string{"damaged", ".recover", "new --db"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q: %s", w, errs)
		}
	}
}

// TestDatabaseFolderNotAFolder: a --db whose folder is a file says so.
func TestDatabaseFolderNotAFolder(t *testing.T) {
	dir := t.TempDir()
	pdf := samplePlans(t, filepath.Join(dir, "in"), 1)[0]
	file := filepath.Join(dir, "afile")
	writeTestFile(t, file, []byte("x"))
	_, errs := mustRunCLI(t, ExitFailure, "ingest", "--db", filepath.Join(file, "x.db"), pdf)
	if !strings.Contains(errs, file+" is not a folder") {
		t.Errorf("stderr: %s", errs)
	}
}
