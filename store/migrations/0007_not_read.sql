-- 0007_not_read: what of a document was not read. A document cut short by
-- a cap (2,000 pages; 64 MiB decoded from one stream, 256 MiB from the
-- document), by a stream that cannot be decoded or by the end of a
-- truncated file keeps its outcome (ok when a plan was found in what was
-- read) and says here what is missing, so that it is never taken for whole.

ALTER TABLE documents ADD COLUMN pages_read INTEGER;            -- pages interpreted; NULL when loaded before this column
ALTER TABLE documents ADD COLUMN not_read TEXT NOT NULL DEFAULT ''; -- what was not read and why, '; '-separated; '' read whole

DROP VIEW document_export;
-- One row per document with its review and version (export --what documents).
CREATE VIEW document_export AS
SELECT
    d.id AS document_id, d.file, d.path, d.sha256, d.url, d.size, d.pages, d.pages_read, d.title, d.producer, d.creator,
    d.creation_date, d.mod_date, d.encrypted, d.outcome, d.error, d.warnings, d.not_read, d.action_rows,
    d.extractor_version, d.review_id, v.review_type, v.reference, v.area, v.area_code, v.pseudonym,
    d.plan_date, d.plan_date_source, d.as_of, d.as_of_date, d.as_of_date_source,
    d.version AS plan_version, d.is_current, d.duplicate_of, d.previous_document_id, d.superseded_by_id,
    d.content_hash, d.loaded_at,
    (SELECT json_group_array(json_object('code', f.code, 'page', f.page, 'table', f.table_index, 'detail', f.detail))
     FROM (SELECT * FROM document_flags WHERE document_id = d.id ORDER BY id) f) AS flags
FROM documents d
LEFT JOIN reviews v ON v.id = d.review_id;
