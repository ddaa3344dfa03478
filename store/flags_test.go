package store

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestDocumentFlags: a document's quality flags are stored with it,
// replaced when it is loaded again, exported with the document, and gone
// with it; a clean document has none.
func TestDocumentFlags(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	in := fixture("diana.pdf", "v1", diana, dianaRows())
	in.Norm.Flags = []extract.Flag{
		{Code: extract.FlagNumberGap, Page: 2, Table: 2, Detail: "3 after 1"},
		{Code: extract.FlagNotPlan, Detail: "whole document"},
	}
	first := mustLoad(t, db, in)
	clean := mustLoad(t, db, fixture("clean.pdf", "v2", diana, dianaRows()))
	if n := count(t, db, `SELECT count(*) FROM document_flags WHERE document_id = ?`, first.DocumentID); n != 2 {
		t.Fatalf("%d flags stored, want 2", n)
	}
	var page, table int
	if err := db.SQL().QueryRow(`SELECT page, table_index FROM document_flags WHERE code = ?`, extract.FlagNumberGap).Scan(&page, &table); err != nil || page != 2 || table != 1 {
		t.Errorf("flag page %d table %d (%v), want page 2, table index 1", page, table, err)
	}
	if n := count(t, db, `SELECT count(*) FROM document_flags WHERE document_id = ?`, clean.DocumentID); n != 0 {
		t.Errorf("clean document has %d flags", n)
	}
	got := map[string][]DocumentFlag{}
	err := db.Export(ctx, "documents", func(r Row) error {
		var file string
		var flags []DocumentFlag
		for i, k := range r.Keys {
			switch k {
			case "file":
				file = r.Values[i].(string)
			case "flags":
				if err := json.Unmarshal(r.Values[i].(json.RawMessage), &flags); err != nil {
					return err
				}
			}
		}
		got[file] = flags
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fs := got["diana.pdf"]; len(fs) != 2 || fs[0].Code != extract.FlagNumberGap || *fs[0].Page != 2 || fs[1].Page != nil || fs[1].Table != nil {
		t.Errorf("exported flags %+v", fs)
	}
	if fs := got["clean.pdf"]; fs == nil || len(fs) != 0 {
		t.Errorf("clean document exports flags %#v, want []", fs)
	}
	in.Force = true
	in.Norm.Flags = in.Norm.Flags[:1]
	mustLoad(t, db, in)
	if n := count(t, db, `SELECT count(*) FROM document_flags WHERE document_id = ?`, first.DocumentID); n != 1 {
		t.Errorf("%d flags after reload, want 1", n)
	}
	if _, err := db.SQL().Exec(`DELETE FROM documents WHERE id = ?`, first.DocumentID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM document_flags`); n != 0 {
		t.Errorf("%d flags left after the document was deleted", n)
	}
}
