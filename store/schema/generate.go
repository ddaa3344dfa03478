package schema

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/actionplan/actionplan/store"
)

// Formats are the documents Generate writes.
var Formats = []string{"markdown", "datasette"}

// Generate writes the data dictionary ("markdown") or Datasette's
// metadata.json ("datasette") for the schema this build creates, read from
// a new, empty database.
func Generate(ctx context.Context, format string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "actionplan-schema-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(ctx, filepath.Join(dir, "schema.db"), store.Options{})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	objs, err := Objects(ctx, db.SQL())
	if err != nil {
		return nil, err
	}
	s, err := Load()
	if err != nil {
		return nil, err
	}
	if p := s.Check(objs); len(p) > 0 {
		return nil, fmt.Errorf("schema.json is out of step with the database: %v", p)
	}
	switch format {
	case "markdown":
		return []byte(s.Markdown(objs)), nil
	case "datasette":
		return s.Datasette(objs)
	}
	return nil, fmt.Errorf("unknown format %q (want markdown or datasette)", format)
}

// Files are the generated documents kept in the repository, by format.
var Files = map[string]string{"markdown": "data-dictionary.md", "datasette": "metadata.json"}
