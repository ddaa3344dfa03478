package store

import (
	"database/sql"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// A document that could not be read says why (documents.error: "why the
// document could not be read (outcome error)"), even when the extractor
// gave no error: an error outcome with an empty reason tells the analyst
// nothing. A document with no outcome at all is an error too.
func TestLoadErrorHasReason(t *testing.T) {
	db := openTemp(t)
	for i, outcome := range []extract.Outcome{extract.OutcomeError, ""} {
		in := fixture("broken.pdf", "bytes "+string(rune('a'+i)), diana, nil)
		in.Doc.Outcome, in.Doc.Err, in.Doc.Tables = outcome, nil, nil
		mustLoad(t, db, in)
		var got, errText sql.NullString
		db.SQL().QueryRow("SELECT outcome, error FROM documents WHERE sha256 = ?", in.SHA256).Scan(&got, &errText)
		if got.String != string(extract.OutcomeError) || errText.String == "" {
			t.Errorf("outcome %q loaded as %q with error %q, want an error with its reason", outcome, got.String, errText.String)
		}
	}
}

// A source known by its fetch details but not its address gives the
// document no address: url stays NULL, not an empty string.
func TestLoadSourceWithoutURL(t *testing.T) {
	db := openTemp(t)
	in := fixture("diana.pdf", "v1", diana, dianaRows())
	in.Source = &Source{FetchedAt: "2024-10-01T12:00:00Z", ETag: `"abc"`}
	mustLoad(t, db, in)
	if n := count(t, db, "SELECT count(*) FROM documents WHERE url IS NULL"); n != 1 {
		t.Errorf("documents with no url: %d, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM files WHERE url IS NULL AND etag = '\"abc\"'"); n != 1 {
		t.Errorf("files with no url and the etag: %d, want 1", n)
	}
}
