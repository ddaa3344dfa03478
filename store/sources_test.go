package store

import (
	"context"
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

func TestRecordSources(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	in := fixture("diana.pdf", "diana", normalize.Review{Type: "DHR", Area: "Kirklees", Pseudonym: "Diana"}, dianaRows())
	res := mustLoad(t, db, in)
	recs := []SourceRecord{
		{SHA256: in.SHA256, URL: "https://a.example/diana.pdf", Path: "x-diana.pdf", Referrer: "https://a.example/dhr",
			LinkText: "DHR Diana", FetchedAt: "2026-01-01T00:00:00Z", HasGoneAt: true},
		{SHA256: in.SHA256, URL: "https://a.example/copy.pdf", GoneAt: "2026-02-01T00:00:00Z", HasGoneAt: true},
		{SHA256: "0000", URL: "https://a.example/not-loaded.pdf"},
		{SHA256: in.SHA256, URL: ""},
	}
	if n, err := db.RecordSources(ctx, 0, recs); err != nil || n != 2 {
		t.Fatalf("RecordSources: %d, %v; want 2 stored", n, err)
	}
	if n := count(t, db, "SELECT count(*) FROM sources WHERE document_id = ?", res.DocumentID); n != 2 {
		t.Errorf("%d sources for the document, want 2", n)
	}
	if n := count(t, db, "SELECT count(*) FROM sources WHERE gone_at IS NOT NULL"); n != 1 {
		t.Errorf("%d gone, want 1", n)
	}
	// A CSV without gone_at keeps what is known; one with an empty gone_at
	// says the URL is back; empty fields keep the stored referrer.
	if _, err := db.RecordSources(ctx, 0, []SourceRecord{{SHA256: in.SHA256, URL: "https://a.example/copy.pdf"}}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM sources WHERE gone_at IS NOT NULL"); n != 1 {
		t.Errorf("gone_at lost without the column")
	}
	back := []SourceRecord{{SHA256: in.SHA256, URL: "https://a.example/copy.pdf", HasGoneAt: true},
		{SHA256: in.SHA256, URL: "https://a.example/diana.pdf", HasGoneAt: true}}
	if _, err := db.RecordSources(ctx, 0, back); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM sources WHERE gone_at IS NOT NULL"); n != 0 {
		t.Errorf("gone_at kept although the URL is back")
	}
	if n := count(t, db, "SELECT count(*) FROM sources WHERE referrer = 'https://a.example/dhr' AND link_text = 'DHR Diana'"); n != 1 {
		t.Errorf("referrer or link text lost")
	}
	// Deleting a document by hand removes its sources.
	if _, err := db.SQL().Exec("DELETE FROM documents WHERE id = ?", res.DocumentID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM sources"); n != 0 {
		t.Errorf("%d sources left after the document was deleted", n)
	}
}
