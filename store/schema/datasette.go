package schema

import (
	"bytes"
	"encoding/json"
	"strings"
)

// DatasetteDB is the name Datasette gives the database: the file's name
// without .db (actionplans.db, the default).
const DatasetteDB = "actionplans"

type dsMetadata struct {
	Title       string                `json:"title"`
	Description string                `json:"description"`
	Databases   map[string]dsDatabase `json:"databases"`
}

type dsDatabase struct {
	Description string             `json:"description"`
	Tables      map[string]dsTable `json:"tables"`
	Queries     map[string]dsQuery `json:"queries"`
}

type dsTable struct {
	Description string            `json:"description"`
	Columns     map[string]string `json:"columns"`
	FTSTable    string            `json:"fts_table,omitempty"`
	FTSPK       string            `json:"fts_pk,omitempty"`
}

type dsQuery struct {
	SQL         string `json:"sql"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// Datasette writes metadata.json in Datasette's documented format: the
// description of every table, view and column of objs (with the value set
// after the meaning), search for views through fts_table and fts_pk, and the
// canned queries.
func (s *Schema) Datasette(objs []Object) ([]byte, error) {
	db := dsDatabase{Description: s.Description, Tables: map[string]dsTable{}, Queries: map[string]dsQuery{}}
	for _, o := range objs {
		t, _ := s.Table(o.Name)
		dt := dsTable{Description: t.Description, Columns: map[string]string{}, FTSTable: t.FTSTable, FTSPK: t.FTSPK}
		for _, c := range o.Columns {
			d, _ := s.Column(o.Name, c.Name)
			text := d.Description
			if v := values(d.Values); v != "" {
				text += " Values: " + strings.ReplaceAll(v, "`", "") + "."
			}
			dt.Columns[c.Name] = text
		}
		db.Tables[o.Name] = dt
	}
	for _, q := range s.Queries {
		db.Queries[q.Name] = dsQuery{SQL: q.SQL, Title: q.Title, Description: q.Description}
	}
	m := dsMetadata{Title: s.Title, Description: s.Description, Databases: map[string]dsDatabase{DatasetteDB: db}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
