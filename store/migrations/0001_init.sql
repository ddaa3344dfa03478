-- 0001_init: the first schema of an actionplan database.
-- Applied in one transaction that also sets PRAGMA user_version = 1.
-- Every row keeps its document, page span and import run.

-- One row per run of `actionplan ingest`.
CREATE TABLE import_runs (
    id                INTEGER PRIMARY KEY,
    started_at        TEXT NOT NULL,            -- UTC, ISO 8601
    finished_at       TEXT,                     -- NULL while running, or when the run was killed
    status            TEXT NOT NULL DEFAULT 'running'
                      CHECK (status IN ('running', 'finished', 'interrupted')),
    tool_version      TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    args              TEXT NOT NULL DEFAULT '[]', -- JSON array of the command-line arguments
    summary           TEXT                      -- JSON object: the summary printed at the end
);

-- One row per review (a DHR, SAR, ...): the thing several plan versions belong to.
-- A document joins a review when it has the same review type and reference,
-- or else the same review type, area and pseudonym.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    review_type   TEXT NOT NULL DEFAULT '',
    reference     TEXT NOT NULL DEFAULT '',
    area          TEXT NOT NULL DEFAULT '',
    pseudonym     TEXT NOT NULL DEFAULT '',
    ref_key       TEXT,                         -- lower(type)|lower(reference), NULL without a reference
    name_key      TEXT,                         -- lower(type)|lower(area)|lower(pseudonym), NULL without both
    first_run_id  INTEGER REFERENCES import_runs (id) ON DELETE SET NULL
);
CREATE INDEX reviews_ref_key ON reviews (ref_key);
CREATE INDEX reviews_name_key ON reviews (name_key);

-- One row per distinct file content (keyed by sha256).
CREATE TABLE documents (
    id                   INTEGER PRIMARY KEY,
    sha256               TEXT UNIQUE,           -- hex; NULL only when the file could not be read at all
    path                 TEXT NOT NULL,         -- the path it was last loaded from
    file                 TEXT NOT NULL,         -- base name
    url                  TEXT,                  -- where it was fetched from (ingest --sources)
    size                 INTEGER NOT NULL DEFAULT 0,
    mtime                TEXT,                  -- modification time of the file when loaded, UTC ISO 8601
    pages                INTEGER NOT NULL DEFAULT 0,
    pdf_version          TEXT NOT NULL DEFAULT '',
    title                TEXT NOT NULL DEFAULT '',
    author               TEXT NOT NULL DEFAULT '',
    subject              TEXT NOT NULL DEFAULT '',
    producer             TEXT NOT NULL DEFAULT '',
    creator              TEXT NOT NULL DEFAULT '',
    creation_date        TEXT,                  -- from the PDF's Info, UTC ISO 8601
    mod_date             TEXT,
    encrypted            INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
    outcome              TEXT NOT NULL CHECK (outcome IN ('ok', 'no_plan', 'no_text', 'error')),
    error                TEXT NOT NULL DEFAULT '',
    warnings             TEXT NOT NULL DEFAULT '[]', -- JSON array of extraction and normalization warnings
    rows                 INTEGER NOT NULL DEFAULT 0, -- action rows loaded
    extractor_version    TEXT NOT NULL,
    review_id            INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
    plan_date            TEXT NOT NULL DEFAULT '',   -- as read by normalize, ISO to the precision printed
    as_of                TEXT NOT NULL DEFAULT '',   -- from a dated update column
    version              INTEGER,               -- 1, 2, ... among the review's plans; NULL when not a plan
    previous_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    superseded_by_id     INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    first_run_id         INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    run_id               INTEGER REFERENCES import_runs (id) ON DELETE SET NULL, -- the run that last loaded it
    loaded_at            TEXT NOT NULL
);
CREATE INDEX documents_review ON documents (review_id, version);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_outcome ON documents (outcome);

-- Every path ingest has seen, with the size and mtime that make the fast path
-- possible, and the document its bytes were when last seen.
CREATE TABLE files (
    path          TEXT PRIMARY KEY,
    document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    sha256        TEXT,
    url           TEXT,
    fetched_at    TEXT,
    etag          TEXT,
    last_modified TEXT,
    first_run_id  INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    last_run_id   INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    last_seen_at  TEXT NOT NULL
);
CREATE INDEX files_document ON files (document_id);

-- Every table rebuilt from a document: action plans (is_plan = 1) and other
-- tables (is_plan = 0, whose rows are kept as JSON in rows_json).
CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    table_index  INTEGER NOT NULL,              -- 0-based position among the document's tables
    is_plan      INTEGER NOT NULL CHECK (is_plan IN (0, 1)),
    columns      TEXT NOT NULL DEFAULT '[]',    -- JSON array of the headers as printed
    row_count    INTEGER NOT NULL DEFAULT 0,
    rows_json    TEXT,                          -- non-plan tables: JSON array of rows (arrays of cells)
    page_first   INTEGER NOT NULL,
    page_last    INTEGER NOT NULL,
    UNIQUE (document_id, table_index)
);

-- One row per recommendation of a plan: action rows that share a merged
-- recommendation cell are one recommendation.
CREATE TABLE recommendations (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    review_id     INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
    seq           INTEGER NOT NULL,             -- 1-based position among the document's recommendations
    number        TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    scope         TEXT NOT NULL DEFAULT '',
    scope_printed TEXT NOT NULL DEFAULT '',
    theme         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT '',     -- from its actions: see README "Database"
    actions       INTEGER NOT NULL DEFAULT 0,
    page_first    INTEGER NOT NULL,
    page_last     INTEGER NOT NULL,
    previous_id   INTEGER REFERENCES recommendations (id) ON DELETE SET NULL, -- same recommendation, previous version
    lineage_id    INTEGER,                      -- id of the same recommendation in the earliest version
    match_method  TEXT NOT NULL DEFAULT '',     -- 'number+text', 'number', 'text' or '' (no match)
    match_score   REAL,                         -- word similarity with previous_id's text, 0..1
    UNIQUE (document_id, seq)
);
CREATE INDEX recommendations_plan ON recommendations (plan_id);
CREATE INDEX recommendations_review ON recommendations (review_id);
CREATE INDEX recommendations_lineage ON recommendations (lineage_id);
CREATE INDEX recommendations_previous ON recommendations (previous_id);

-- One row per action record (export --what actions).
CREATE TABLE actions (
    id                    INTEGER PRIMARY KEY,
    document_id           INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    plan_id               INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    recommendation_id     INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    seq                   INTEGER NOT NULL,     -- 1-based position of the row in the document
    number                TEXT NOT NULL DEFAULT '',
    row_group             INTEGER NOT NULL DEFAULT 0,
    theme                 TEXT NOT NULL DEFAULT '',
    scope                 TEXT NOT NULL DEFAULT '',
    scope_printed         TEXT NOT NULL DEFAULT '',
    action                TEXT NOT NULL DEFAULT '',
    lead_agency           TEXT NOT NULL DEFAULT '',
    lead_officer          TEXT NOT NULL DEFAULT '',
    milestone             TEXT NOT NULL DEFAULT '',
    target_date           TEXT NOT NULL DEFAULT '',
    target_date_iso       TEXT NOT NULL DEFAULT '',
    target_date_precision TEXT NOT NULL DEFAULT '',
    target_date_end       TEXT NOT NULL DEFAULT '', -- last day of the target period (YYYY-MM-DD), '' when unknown
    completion_date       TEXT NOT NULL DEFAULT '',
    outcome               TEXT NOT NULL DEFAULT '',
    update_text           TEXT NOT NULL DEFAULT '',
    evidence              TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT ''
                          CHECK (status IN ('', 'completed', 'ongoing', 'not_started')),
    status_printed        TEXT NOT NULL DEFAULT '',
    status_source         TEXT NOT NULL DEFAULT '',
    status_date           TEXT NOT NULL DEFAULT '',
    rag                   TEXT NOT NULL DEFAULT '',
    as_of                 TEXT NOT NULL DEFAULT '',
    page_first            INTEGER NOT NULL,
    page_last             INTEGER NOT NULL,
    UNIQUE (document_id, seq)
);
CREATE INDEX actions_recommendation ON actions (recommendation_id);
CREATE INDEX actions_plan ON actions (plan_id);
CREATE INDEX actions_status ON actions (status);
CREATE INDEX actions_target ON actions (target_date_end);

-- Every cell of every action row as printed, so nothing is lost.
CREATE TABLE action_cells (
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,                -- 0-based column position in its table
    header     TEXT NOT NULL,                   -- the column's header as printed ('' when unlabeled)
    text       TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;

-- Agencies by canonical name.
CREATE TABLE agencies (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,               -- canonical name, or the cleaned printed form
    sector  TEXT NOT NULL DEFAULT '',           -- police, pcc, probation, ... or '' when unknown
    matched INTEGER NOT NULL DEFAULT 0 CHECK (matched IN (0, 1)) -- in the registry
);
CREATE INDEX agencies_sector ON agencies (sector);

-- The agencies an action names (an action may name several).
CREATE TABLE action_agencies (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,                 -- 0-based order in the lead-agency cell
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    printed   TEXT NOT NULL DEFAULT '',         -- the part of the cell that named it
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
CREATE INDEX action_agencies_agency ON action_agencies (agency_id);

-- The text the full-text index reads: one row per action.
CREATE VIEW action_search_source AS
SELECT a.id AS action_id, r.text AS recommendation, a.action AS action, a.update_text AS update_text
FROM actions a JOIN recommendations r ON r.id = a.recommendation_id;

-- Full-text search over recommendation, action and update text (rowid = actions.id).
-- External content: the text lives in actions and recommendations; the store
-- keeps the index in step in the same transaction as the document.
CREATE VIRTUAL TABLE action_fts USING fts5 (
    recommendation, action, update_text,
    content = 'action_search_source', content_rowid = 'action_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- One flat row per action: the export (export --what actions reads it).
CREATE VIEW action_export AS
SELECT
    d.file                    AS file,
    d.sha256                  AS sha256,
    coalesce(v.review_type, '') AS review_type,
    coalesce(v.reference, '') AS reference,
    coalesce(v.area, '')      AS area,
    coalesce(v.pseudonym, '') AS pseudonym,
    a.seq                     AS seq,
    a.number                  AS number,
    r.text                    AS recommendation,
    a.scope                   AS scope,
    a.action                  AS action,
    a.lead_agency             AS lead_agency,
    (SELECT json_group_array(g.name) FROM
        (SELECT ag.name FROM action_agencies aa JOIN agencies ag ON ag.id = aa.agency_id
         WHERE aa.action_id = a.id ORDER BY aa.position) g) AS agencies,
    a.milestone               AS milestone,
    a.target_date             AS target_date,
    a.outcome                 AS outcome,
    a.update_text             AS "update",
    a.status                  AS status,
    a.page_first              AS page_first,
    a.page_last               AS page_last,
    (SELECT json_group_object(c.header, c.text) FROM
        (SELECT header, text FROM action_cells WHERE action_id = a.id ORDER BY position) c) AS cells,
    p.table_index             AS "table",
    a.row_group               AS "group",
    a.theme                   AS theme,
    a.scope_printed           AS scope_printed,
    a.lead_officer            AS lead_officer,
    a.target_date_iso         AS target_date_iso,
    a.target_date_precision   AS target_date_precision,
    a.completion_date         AS completion_date,
    a.evidence                AS evidence,
    a.status_printed          AS status_printed,
    a.status_source           AS status_source,
    a.status_date             AS status_date,
    a.rag                     AS rag,
    a.as_of                   AS as_of,
    (SELECT json_group_array(json_object('printed', g.printed, 'canonical', g.name,
                                         'sector', g.sector, 'matched', json(CASE g.matched WHEN 1 THEN 'true' ELSE 'false' END)))
     FROM (SELECT aa.printed, ag.name, ag.sector, ag.matched FROM action_agencies aa
           JOIN agencies ag ON ag.id = aa.agency_id WHERE aa.action_id = a.id ORDER BY aa.position) g) AS agency_detail,
    d.path                    AS path,
    d.id                      AS document_id,
    a.recommendation_id       AS recommendation_id,
    a.id                      AS action_id,
    d.version                 AS plan_version,
    CASE WHEN d.superseded_by_id IS NULL THEN 1 ELSE 0 END AS is_current
FROM actions a
JOIN documents d ON d.id = a.document_id
JOIN plans p ON p.id = a.plan_id
JOIN recommendations r ON r.id = a.recommendation_id
LEFT JOIN reviews v ON v.id = d.review_id;

-- Every version of every recommendation, with the plan version it came from:
-- follow one recommendation (lineage_id) across the versions of its plan.
CREATE VIEW recommendation_history AS
SELECT
    r.lineage_id, r.id AS recommendation_id, r.review_id,
    v.review_type, v.reference, v.area, v.pseudonym,
    d.version, d.id AS document_id, d.file, d.plan_date, d.as_of,
    r.number, r.text AS recommendation, r.status, r.previous_id, r.match_method, r.match_score,
    CASE WHEN d.superseded_by_id IS NULL THEN 1 ELSE 0 END AS is_current
FROM recommendations r
JOIN documents d ON d.id = r.document_id
LEFT JOIN reviews v ON v.id = r.review_id;

-- The latest status of each recommendation: its row in the newest version of
-- its plan that contains it, with the status it had when first seen.
CREATE VIEW recommendation_latest_status AS
SELECT h.lineage_id, h.review_id, h.review_type, h.reference, h.area, h.pseudonym,
       h.number, h.recommendation, h.status AS latest_status, h.version AS latest_version,
       h.document_id AS latest_document_id, h.file AS latest_file, h.is_current,
       f.status AS first_status, f.version AS first_version,
       (SELECT count(*) FROM recommendations x WHERE x.lineage_id = h.lineage_id) AS versions
FROM recommendation_history h
JOIN recommendation_history f ON f.recommendation_id = h.lineage_id
WHERE h.recommendation_id = (
    SELECT x.id FROM recommendations x JOIN documents xd ON xd.id = x.document_id
    WHERE x.lineage_id = h.lineage_id
    ORDER BY coalesce(xd.version, 0) DESC, x.id DESC LIMIT 1);

-- Actions of current plan versions counted by agency sector and status.
-- An action naming agencies of two sectors counts once in each.
CREATE VIEW actions_by_sector_status AS
SELECT coalesce(s.sector, '') AS sector, a.status AS status,
       count(DISTINCT a.id) AS actions, count(DISTINCT d.review_id) AS reviews,
       count(DISTINCT a.document_id) AS documents
FROM actions a
JOIN documents d ON d.id = a.document_id AND d.superseded_by_id IS NULL
LEFT JOIN (SELECT DISTINCT aa.action_id, ag.sector FROM action_agencies aa
           JOIN agencies ag ON ag.id = aa.agency_id) s ON s.action_id = a.id
GROUP BY 1, 2;

-- Actions of current plan versions whose target date has passed and that are
-- not completed. target_date_end is the last day of the printed period, so
-- "March 2023" is overdue from 2023-04-01.
CREATE VIEW overdue_actions AS
SELECT e.*, a.target_date_end,
       CAST(julianday('now') - julianday(a.target_date_end) AS INTEGER) AS days_overdue
FROM action_export e
JOIN actions a ON a.id = e.action_id
WHERE e.is_current = 1
  AND a.target_date_end <> ''
  AND a.target_date_end < date('now')
  AND a.status <> 'completed';
