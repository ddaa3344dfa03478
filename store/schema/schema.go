// Package schema documents the actionplan database from one source,
// schema.json: the meaning and value set of every table, view and column,
// and the canned queries analysts start from. It writes the data dictionary
// (Markdown) and Datasette's metadata.json from that source and from the
// database itself (column order and types), so that neither can drift from
// the schema: a column the source does not describe is an error.
package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed schema.json
var source []byte

// Schema is schema.json: descriptions of the database's objects.
type Schema struct {
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Columns     map[string]Column `json:"columns"` // shared by every object that has a column of that name
	Tables      []Table           `json:"tables"`
	Queries     []Query           `json:"queries"`
}

// Column describes one column.
type Column struct {
	Description string `json:"description"`
	Values      []any  `json:"values,omitempty"` // the value set; "..." ends an open one
	Type        string `json:"type,omitempty"`   // for a view column whose type SQLite does not know
}

// Table describes one table or view.
type Table struct {
	Name        string            `json:"name"`
	Kind        string            `json:"kind,omitempty"` // "view", or "" for a table
	Description string            `json:"description"`
	Columns     map[string]Column `json:"columns,omitempty"` // what this object's columns mean, over the shared ones
	FTSTable    string            `json:"fts_table,omitempty"`
	FTSPK       string            `json:"fts_pk,omitempty"`
}

// Query is a canned query.
type Query struct {
	Name        string            `json:"name"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	SQL         string            `json:"sql"`
	Params      map[string]string `json:"params,omitempty"` // named parameters, with an example value
}

// Load reads the embedded schema.json.
func Load() (*Schema, error) {
	var s Schema
	if err := json.Unmarshal(source, &s); err != nil {
		return nil, fmt.Errorf("schema.json: %w", err)
	}
	return &s, nil
}

// Table returns the description of the named object.
func (s *Schema) Table(name string) (Table, bool) {
	for _, t := range s.Tables {
		if t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

// Column returns what a column of an object means: the object's own entry,
// else the shared one.
func (s *Schema) Column(table, column string) (Column, bool) {
	if t, ok := s.Table(table); ok {
		if c, ok := t.Columns[column]; ok {
			return c, true
		}
	}
	c, ok := s.Columns[column]
	return c, ok
}
