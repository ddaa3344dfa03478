-- 0005_document_flags: the quality flags of each document, what the
-- extractor and normalizer were unsure of (a column that maps to no field,
-- rows without a recommendation or action, row numbers that skip or
-- repeat, text in no table cell, a table with a plan's header not taken
-- for a plan, ...), one row per flag, so that analysts can filter on them.
-- A clean document has none. Replaced whenever the document is loaded again.

CREATE TABLE document_flags (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,              -- e.g. 'number_sequence_gap' (README "Quality flags")
    page         INTEGER,                    -- 1-based page it concerns; NULL for the whole document
    table_index  INTEGER,                    -- 0-based, as plans.table_index; NULL when no table
    detail       TEXT NOT NULL DEFAULT ''    -- what was found, for a reader
);
CREATE INDEX document_flags_document ON document_flags (document_id);
CREATE INDEX document_flags_code ON document_flags (code);
