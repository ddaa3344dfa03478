package schema

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Object is a table or view of a database, as SQLite describes it.
type Object struct {
	Name    string
	Kind    string // "table" or "view"
	Columns []DBColumn
}

// DBColumn is one column as SQLite declares it.
type DBColumn struct {
	Name string
	Type string // declared type; "" for a view's expression
}

// Objects lists the tables and views of db in name order (tables first),
// leaving out SQLite's own tables and the shadow tables of full-text
// indexes, with their visible columns.
func Objects(ctx context.Context, db *sql.DB) ([]Object, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type, coalesce(sql, '') FROM sqlite_schema
		WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name`)
	if err != nil {
		return nil, err
	}
	var objs []Object
	fts := map[string]bool{}
	for rows.Next() {
		var o Object
		var ddl string
		if err := rows.Scan(&o.Name, &o.Kind, &ddl); err != nil {
			rows.Close()
			return nil, err
		}
		if strings.Contains(strings.ToUpper(ddl), "USING FTS") {
			fts[o.Name] = true
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Object
	for _, o := range objs {
		if shadow(o.Name, fts) {
			continue
		}
		cols, err := columns(ctx, db, o.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name, err)
		}
		o.Columns = cols
		out = append(out, o)
	}
	return out, nil
}

// shadow reports a table FTS5 keeps for an index (name_data, name_idx, ...).
func shadow(name string, fts map[string]bool) bool {
	for _, suffix := range []string{"_data", "_idx", "_docsize", "_config", "_content"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && fts[base] {
			return true
		}
	}
	return false
}

func columns(ctx context.Context, db *sql.DB, table string) ([]DBColumn, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type, hidden FROM pragma_table_xinfo(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DBColumn
	for rows.Next() {
		var c DBColumn
		var hidden int
		if err := rows.Scan(&c.Name, &c.Type, &hidden); err != nil {
			return nil, err
		}
		if hidden == 0 {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// Check reports every table, view or column of the database that the schema
// does not describe, and every object the schema describes that the
// database lacks.
func (s *Schema) Check(objs []Object) []string {
	var problems []string
	have := map[string]bool{}
	for _, o := range objs {
		have[o.Name] = true
		t, ok := s.Table(o.Name)
		if !ok || t.Description == "" {
			problems = append(problems, fmt.Sprintf("%s %s is not described", o.Kind, o.Name))
		}
		for _, c := range o.Columns {
			if d, ok := s.Column(o.Name, c.Name); !ok || d.Description == "" {
				problems = append(problems, fmt.Sprintf("column %s.%s is not described", o.Name, c.Name))
			}
		}
		for name := range t.Columns {
			if !hasColumn(o, name) {
				problems = append(problems, fmt.Sprintf("schema.json describes %s.%s, which the database lacks", o.Name, name))
			}
		}
	}
	for _, t := range s.Tables {
		if !have[t.Name] {
			problems = append(problems, fmt.Sprintf("schema.json describes %s, which the database lacks", t.Name))
		}
	}
	return problems
}

func hasColumn(o Object, name string) bool {
	for _, c := range o.Columns {
		if c.Name == name {
			return true
		}
	}
	return false
}

// columnType is the column's declared type, or for a view's expression the
// type the schema gives, else that of a table column of the same name.
func (s *Schema) columnType(objs []Object, o Object, c DBColumn) string {
	if c.Type != "" {
		return c.Type
	}
	if d, ok := s.Column(o.Name, c.Name); ok && d.Type != "" {
		return d.Type
	}
	for _, t := range objs {
		if t.Kind != "table" {
			continue
		}
		for _, tc := range t.Columns {
			if tc.Name == c.Name && tc.Type != "" {
				return tc.Type
			}
		}
	}
	return "any"
}
