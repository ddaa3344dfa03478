package schema

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/store"
)

var update = flag.Bool("update", false, "rewrite data-dictionary.md and metadata.json")

func emptyDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Every table, view and column of the database is described, and
// schema.json describes nothing the database lacks.
func TestEveryColumnDescribed(t *testing.T) {
	db := emptyDB(t)
	objs, err := Objects(context.Background(), db.SQL())
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) < 20 {
		t.Fatalf("only %d objects found", len(objs))
	}
	for _, p := range s.Check(objs) {
		t.Error(p)
	}
	for name, c := range s.Columns {
		if !usedAnywhere(objs, name) {
			t.Errorf("schema.json describes a column %q that no table or view has", name)
		}
		if c.Description == "" {
			t.Errorf("column %q has no description", name)
		}
	}
}

func usedAnywhere(objs []Object, name string) bool {
	for _, o := range objs {
		if hasColumn(o, name) {
			return true
		}
	}
	return false
}

// The generated files in the repository are what the generator writes now:
// they cannot drift from schema.json or the schema. Run
// go test ./store/schema -update to rewrite them.
func TestGeneratedFilesUpToDate(t *testing.T) {
	for _, format := range Formats {
		got, err := Generate(context.Background(), format)
		if err != nil {
			t.Fatal(err)
		}
		file := Files[format]
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("store/schema/%s is out of date: run go test -tags sqlite_fts5 ./store/schema -update", file)
		}
	}
}

// No column is named with an SQL keyword (SQLite's list): analysts never
// need to quote a name.
func TestNoKeywordColumns(t *testing.T) {
	db := emptyDB(t)
	objs, err := Objects(context.Background(), db.SQL())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if sqliteKeywords[strings.ToUpper(o.Name)] {
			t.Errorf("%s %s is named with an SQL keyword", o.Kind, o.Name)
		}
		for _, c := range o.Columns {
			if sqliteKeywords[strings.ToUpper(c.Name)] {
				t.Errorf("column %s.%s is named with an SQL keyword", o.Name, c.Name)
			}
		}
	}
}

// The canned queries run on an empty database, their parameters bound.
func TestCannedQueriesRun(t *testing.T) {
	db := emptyDB(t)
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Queries) < 3 {
		t.Fatalf("%d canned queries", len(s.Queries))
	}
	for _, q := range s.Queries {
		rows, err := db.SQL().Query(q.SQL, QueryArgs(q)...)
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		rows.Close()
	}
}
