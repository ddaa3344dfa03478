-- 0004_sources: where each document was fetched from, one row per URL and
-- content, as `ingest --sources` reads it from a sources CSV (the one
-- `actionplan fetch` writes): the page that linked it, the link's text, and
-- when the URL stopped serving it, so that analysts can list the plans that
-- are no longer published. Files and rows of a gone document are kept.

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    sha256        TEXT NOT NULL,             -- the bytes the URL served
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    path          TEXT,                      -- the file, as the CSV names it
    fetched_at    TEXT,                      -- when these bytes were downloaded, UTC ISO 8601
    etag          TEXT,
    last_modified TEXT,
    referrer      TEXT,                      -- the page that linked the document
    link_text     TEXT,                      -- the text of that link, which often names the review
    gone_at       TEXT,                      -- when the URL answered 404 or 410; NULL while it is online
    first_run_id  INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    last_run_id   INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    UNIQUE (url, sha256)
);
CREATE INDEX sources_document ON sources (document_id);
CREATE INDEX sources_gone ON sources (gone_at);
