-- 0006_analyst_schema: the schema analysts read, made plain.
--   * A missing value is NULL, not '' (tables are rebuilt: SQLite cannot
--     drop a NOT NULL constraint in place).
--   * No column is named with an SQL keyword: documents.rows is action_rows,
--     actions.action is action_text; the views say table_index, row_group,
--     action_text and update_text instead of "table", "group", action and
--     "update".
--   * Plan versions that mean something: documents.content_hash (the rows as
--     normalized), duplicate_of (the same rows printed again), is_current
--     (exactly one plan document per review), as_of_date (the day the plan's
--     statuses speak for, which "overdue" is measured at).
--   * target_date_iso is one ISO form, YYYY-MM-DD, the last day of the
--     printed period; its precision is in target_date_precision, its first
--     day in target_date_start.
--   * Actions have a lineage across versions, as recommendations have.
--   * Sector, unit and former name belong to each mention of an agency.
--   * Full-text search that sqlite-utils and Datasette find: actions_fts
--     (content actions) and recommendations_fts (content recommendations).
--   * The agency registry as tables.
-- The store fills content_hash and as_of_date for documents loaded by an
-- earlier build, and orders their versions again, when it opens the file.
-- Applied with foreign keys off (migrate.go), as SQLite's table rebuild
-- procedure asks, and checked with PRAGMA foreign_key_check before commit.

DROP VIEW IF EXISTS overdue_actions;
DROP VIEW IF EXISTS actions_by_sector_status;
DROP VIEW IF EXISTS recommendation_latest_status;
DROP VIEW IF EXISTS recommendation_history;
DROP VIEW IF EXISTS action_export;
DROP TRIGGER IF EXISTS actions_fts_insert;
DROP TRIGGER IF EXISTS actions_fts_delete;
DROP TRIGGER IF EXISTS actions_fts_before_update;
DROP TRIGGER IF EXISTS actions_fts_after_update;
DROP TRIGGER IF EXISTS recommendations_fts_delete;
DROP TRIGGER IF EXISTS recommendations_fts_before_update;
DROP TRIGGER IF EXISTS recommendations_fts_after_update;
DROP TABLE IF EXISTS action_fts;
DROP VIEW IF EXISTS action_search_source;

-- reviews ------------------------------------------------------------------
CREATE TABLE new_reviews (
    id            INTEGER PRIMARY KEY,
    review_type   TEXT,                         -- DHR, SAR, CSPR, LCSPR, MHHR, ... NULL when unknown
    reference     TEXT,                         -- the review's own reference ("DHR 2020/04")
    area          TEXT,                         -- canonical local authority area
    area_code     TEXT,                         -- its ONS code, when known
    pseudonym     TEXT,                         -- "Diana", "Adult K", "Mr B"
    ref_key       TEXT,
    name_key      TEXT,
    first_run_id  INTEGER REFERENCES import_runs (id) ON DELETE SET NULL
);
INSERT INTO new_reviews (id, review_type, reference, area, pseudonym, ref_key, name_key, first_run_id)
SELECT id, nullif(review_type, ''), nullif(reference, ''), nullif(area, ''), nullif(pseudonym, ''),
       ref_key, name_key, first_run_id
FROM reviews;
DROP TABLE reviews;
ALTER TABLE new_reviews RENAME TO reviews;
CREATE INDEX reviews_ref_key ON reviews (ref_key);
CREATE INDEX reviews_name_key ON reviews (name_key);

-- documents ----------------------------------------------------------------
CREATE TABLE new_documents (
    id                   INTEGER PRIMARY KEY,
    sha256               TEXT UNIQUE,
    path                 TEXT NOT NULL,
    file                 TEXT NOT NULL,
    url                  TEXT,
    size                 INTEGER NOT NULL DEFAULT 0,
    mtime                TEXT,
    pages                INTEGER NOT NULL DEFAULT 0,
    pdf_version          TEXT,
    title                TEXT,
    author               TEXT,
    subject              TEXT,
    producer             TEXT,
    creator              TEXT,
    creation_date        TEXT,
    mod_date             TEXT,
    encrypted            INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
    outcome              TEXT NOT NULL CHECK (outcome IN ('ok', 'no_plan', 'no_text', 'error')),
    error                TEXT,
    warnings             TEXT NOT NULL DEFAULT '[]',
    action_rows          INTEGER NOT NULL DEFAULT 0,
    extractor_version    TEXT NOT NULL,
    review_id            INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
    plan_date            TEXT,
    plan_date_source     TEXT,
    as_of                TEXT,
    as_of_date           TEXT,
    as_of_date_source    TEXT CHECK (as_of_date_source IN ('as_of', 'plan_date', 'pdf_date')),
    content_hash         TEXT,
    duplicate_of         INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    version              INTEGER,
    is_current           INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    previous_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    superseded_by_id     INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    first_run_id         INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    run_id               INTEGER REFERENCES import_runs (id) ON DELETE SET NULL,
    loaded_at            TEXT NOT NULL
);
INSERT INTO new_documents (id, sha256, path, file, url, size, mtime, pages, pdf_version, title, author,
    subject, producer, creator, creation_date, mod_date, encrypted, outcome, error, warnings, action_rows,
    extractor_version, review_id, plan_date, as_of, version, is_current, previous_document_id,
    superseded_by_id, first_run_id, run_id, loaded_at)
SELECT id, sha256, path, file, url, size, mtime, pages, nullif(pdf_version, ''), nullif(title, ''),
    nullif(author, ''), nullif(subject, ''), nullif(producer, ''), nullif(creator, ''), creation_date,
    mod_date, encrypted, outcome, nullif(error, ''), warnings, rows, extractor_version, review_id,
    nullif(plan_date, ''), nullif(as_of, ''), version,
    CASE WHEN outcome = 'ok' AND superseded_by_id IS NULL THEN 1 ELSE 0 END,
    previous_document_id, superseded_by_id, first_run_id, run_id, loaded_at
FROM documents;
DROP TABLE documents;
ALTER TABLE new_documents RENAME TO documents;
CREATE INDEX documents_review ON documents (review_id, version);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_outcome ON documents (outcome);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);

-- recommendations ------------------------------------------------------------
CREATE TABLE new_recommendations (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    review_id     INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
    seq           INTEGER NOT NULL,
    number        TEXT,
    text          TEXT,
    scope         TEXT,
    scope_printed TEXT,
    theme         TEXT,
    status        TEXT CHECK (status IN ('completed', 'ongoing', 'not_started')),
    actions       INTEGER NOT NULL DEFAULT 0,
    page_first    INTEGER NOT NULL,
    page_last     INTEGER NOT NULL,
    previous_id   INTEGER REFERENCES recommendations (id) ON DELETE SET NULL,
    lineage_id    INTEGER,
    match_method  TEXT CHECK (match_method IN ('number+text', 'number', 'text', 'duplicate')),
    match_score   REAL,
    UNIQUE (document_id, seq)
);
INSERT INTO new_recommendations
SELECT id, document_id, plan_id, review_id, seq, nullif(number, ''), nullif(text, ''), nullif(scope, ''),
    nullif(scope_printed, ''), nullif(theme, ''), nullif(status, ''), actions, page_first, page_last,
    previous_id, lineage_id, nullif(match_method, ''), match_score
FROM recommendations;
DROP TABLE recommendations;
ALTER TABLE new_recommendations RENAME TO recommendations;
CREATE INDEX recommendations_plan ON recommendations (plan_id);
CREATE INDEX recommendations_review ON recommendations (review_id);
CREATE INDEX recommendations_lineage ON recommendations (lineage_id);
CREATE INDEX recommendations_previous ON recommendations (previous_id);

-- actions --------------------------------------------------------------------
CREATE TABLE new_actions (
    id                    INTEGER PRIMARY KEY,
    document_id           INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    plan_id               INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    recommendation_id     INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    seq                   INTEGER NOT NULL,
    number                TEXT,
    row_group             INTEGER NOT NULL DEFAULT 0,
    theme                 TEXT,
    scope                 TEXT,
    scope_printed         TEXT,
    recommendation_text   TEXT,
    action_text           TEXT,
    lead_agency           TEXT,
    lead_officer          TEXT,
    milestone             TEXT,
    target_date           TEXT,
    target_date_iso       TEXT,
    target_date_start     TEXT,
    target_date_precision TEXT CHECK (target_date_precision IN ('day', 'month', 'quarter', 'financial_year', 'year')),
    completion_date       TEXT,
    completion_date_iso   TEXT,
    outcome               TEXT,
    update_text           TEXT,
    evidence              TEXT,
    status                TEXT CHECK (status IN ('completed', 'ongoing', 'not_started')),
    status_printed        TEXT,
    status_source         TEXT,
    status_date           TEXT,
    rag                   TEXT,
    as_of                 TEXT,
    page_first            INTEGER NOT NULL,
    page_last             INTEGER NOT NULL,
    extra                 TEXT NOT NULL DEFAULT '{}',
    previous_id           INTEGER REFERENCES actions (id) ON DELETE SET NULL,
    lineage_id            INTEGER,
    match_method          TEXT CHECK (match_method IN ('number+text', 'number', 'text', 'position', 'duplicate')),
    UNIQUE (document_id, seq)
);
INSERT INTO new_actions (id, document_id, plan_id, recommendation_id, seq, number, row_group, theme, scope,
    scope_printed, recommendation_text, action_text, lead_agency, lead_officer, milestone, target_date,
    target_date_iso, target_date_start, target_date_precision, completion_date, completion_date_iso,
    outcome, update_text, evidence, status, status_printed, status_source, status_date, rag, as_of,
    page_first, page_last, extra, lineage_id)
SELECT a.id, a.document_id, a.plan_id, a.recommendation_id, a.seq, nullif(a.number, ''), a.row_group,
    nullif(a.theme, ''), nullif(a.scope, ''), nullif(a.scope_printed, ''), nullif(r.text, ''),
    nullif(a.action, ''), nullif(a.lead_agency, ''), nullif(a.lead_officer, ''), nullif(a.milestone, ''),
    nullif(a.target_date, ''),
    CASE a.target_date_precision
        WHEN 'day' THEN a.target_date_iso
        WHEN 'month' THEN date(a.target_date_iso || '-01', '+1 month', '-1 day')
        WHEN 'quarter' THEN date(substr(a.target_date_iso, 1, 4) || '-'
            || printf('%02d', 3 * CAST(substr(a.target_date_iso, 7, 1) AS INTEGER)) || '-01', '+1 month', '-1 day')
        WHEN 'year' THEN a.target_date_iso || '-12-31'
    END,
    CASE a.target_date_precision
        WHEN 'day' THEN a.target_date_iso
        WHEN 'month' THEN a.target_date_iso || '-01'
        WHEN 'quarter' THEN substr(a.target_date_iso, 1, 4) || '-'
            || printf('%02d', 3 * CAST(substr(a.target_date_iso, 7, 1) AS INTEGER) - 2) || '-01'
        WHEN 'year' THEN a.target_date_iso || '-01-01'
    END,
    nullif(a.target_date_precision, ''), nullif(a.completion_date, ''),
    json_extract(a.extra, '$.completion_date_iso'),
    nullif(a.outcome, ''), nullif(a.update_text, ''), nullif(a.evidence, ''), nullif(a.status, ''),
    nullif(a.status_printed, ''), nullif(a.status_source, ''), nullif(a.status_date, ''), nullif(a.rag, ''),
    nullif(a.as_of, ''), a.page_first, a.page_last, json_remove(a.extra, '$.completion_date_iso'), a.id
FROM actions a JOIN recommendations r ON r.id = a.recommendation_id;
DROP TABLE actions;
ALTER TABLE new_actions RENAME TO actions;
CREATE INDEX actions_recommendation ON actions (recommendation_id);
CREATE INDEX actions_plan ON actions (plan_id);
CREATE INDEX actions_status ON actions (status);
CREATE INDEX actions_target ON actions (target_date_iso);
CREATE INDEX actions_lineage ON actions (lineage_id);
CREATE INDEX actions_previous ON actions (previous_id);

-- action_cells: an unlabelled column's header is NULL -------------------------
CREATE TABLE new_action_cells (
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    header     TEXT,
    text       TEXT,
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
INSERT INTO new_action_cells SELECT action_id, position, nullif(header, ''), nullif(text, '') FROM action_cells;
DROP TABLE action_cells;
ALTER TABLE new_action_cells RENAME TO action_cells;

-- agencies and their mentions ----------------------------------------------------
CREATE TABLE new_agencies (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    sector  TEXT,
    matched INTEGER NOT NULL DEFAULT 0 CHECK (matched IN (0, 1))
);
INSERT INTO new_agencies SELECT id, name, nullif(sector, ''), matched FROM agencies;

CREATE TABLE new_action_agencies (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    printed   TEXT,
    sector    TEXT,
    unit      TEXT,
    former    TEXT,
    matched   INTEGER NOT NULL DEFAULT 0 CHECK (matched IN (0, 1)),
    matched_name TEXT,
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
INSERT INTO new_action_agencies
SELECT aa.action_id, aa.position, aa.agency_id, nullif(aa.printed, ''), nullif(ag.sector, ''), NULL, NULL, ag.matched, NULL
FROM action_agencies aa JOIN agencies ag ON ag.id = aa.agency_id;
DROP TABLE action_agencies;
DROP TABLE agencies;
ALTER TABLE new_agencies RENAME TO agencies;
ALTER TABLE new_action_agencies RENAME TO action_agencies;
CREATE INDEX agencies_sector ON agencies (sector);
CREATE INDEX action_agencies_agency ON action_agencies (agency_id);

-- The agency registry the names were matched against, as data.
CREATE TABLE agency_registry (
    name         TEXT PRIMARY KEY,              -- canonical name
    sector       TEXT,
    kind         TEXT,                          -- police, pcc, icb, ccg, trust, council, service, partnership, national, other
    code         TEXT,                          -- ODS code (NHS bodies) or ONS code (councils)
    code_system  TEXT CHECK (code_system IN ('ODS', 'ONS')),
    area         TEXT,                          -- the local authority area a council or its service serves
    successor    TEXT,                          -- for an abolished body, the body that took on its duties
    part_of      TEXT                           -- for a service or team, the body it belongs to
) WITHOUT ROWID;
CREATE TABLE agency_registry_names (
    alias       TEXT NOT NULL,                  -- a name as it may be printed
    name        TEXT NOT NULL REFERENCES agency_registry (name) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('canonical', 'alias', 'former')),
    PRIMARY KEY (alias, name)
) WITHOUT ROWID;
-- Local authority areas, with the bodies that serve each.
CREATE TABLE areas (
    name          TEXT PRIMARY KEY,
    code          TEXT,                         -- ONS code
    tier          TEXT,
    council       TEXT,
    police_force  TEXT,
    pcc           TEXT,
    icb           TEXT
) WITHOUT ROWID;
CREATE INDEX agency_registry_names_name ON agency_registry_names (name);

-- Full-text search -------------------------------------------------------------
-- actions_fts indexes each action with its recommendation's text; its content
-- is the actions table itself (rowid = actions.id), so that
-- `sqlite-utils search DB actions WORD` and Datasette's search box find it.
CREATE VIRTUAL TABLE actions_fts USING fts5 (
    recommendation_text, action_text, milestone, outcome, evidence, update_text,
    content="actions", content_rowid="id",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO actions_fts (actions_fts) VALUES ('rebuild');

CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN
    INSERT INTO actions_fts (rowid, recommendation_text, action_text, milestone, outcome, evidence, update_text)
    VALUES (new.id, new.recommendation_text, new.action_text, new.milestone, new.outcome, new.evidence, new.update_text);
END;
CREATE TRIGGER actions_fts_delete AFTER DELETE ON actions BEGIN
    INSERT INTO actions_fts (actions_fts, rowid, recommendation_text, action_text, milestone, outcome, evidence, update_text)
    VALUES ('delete', old.id, old.recommendation_text, old.action_text, old.milestone, old.outcome, old.evidence, old.update_text);
END;
CREATE TRIGGER actions_fts_update AFTER UPDATE OF recommendation_text, action_text, milestone, outcome, evidence, update_text ON actions BEGIN
    INSERT INTO actions_fts (actions_fts, rowid, recommendation_text, action_text, milestone, outcome, evidence, update_text)
    VALUES ('delete', old.id, old.recommendation_text, old.action_text, old.milestone, old.outcome, old.evidence, old.update_text);
    INSERT INTO actions_fts (rowid, recommendation_text, action_text, milestone, outcome, evidence, update_text)
    VALUES (new.id, new.recommendation_text, new.action_text, new.milestone, new.outcome, new.evidence, new.update_text);
END;
-- actions.recommendation_text follows its recommendation's text.
CREATE TRIGGER recommendations_text_update AFTER UPDATE OF text ON recommendations BEGIN
    UPDATE actions SET recommendation_text = new.text WHERE recommendation_id = new.id;
END;

-- recommendations_fts: one entry per recommendation (rowid = recommendations.id).
CREATE VIRTUAL TABLE recommendations_fts USING fts5 (
    number, text, theme,
    content="recommendations", content_rowid="id",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO recommendations_fts (recommendations_fts) VALUES ('rebuild');

CREATE TRIGGER recommendations_fts_insert AFTER INSERT ON recommendations BEGIN
    INSERT INTO recommendations_fts (rowid, number, text, theme) VALUES (new.id, new.number, new.text, new.theme);
END;
CREATE TRIGGER recommendations_fts_delete AFTER DELETE ON recommendations BEGIN
    INSERT INTO recommendations_fts (recommendations_fts, rowid, number, text, theme)
    VALUES ('delete', old.id, old.number, old.text, old.theme);
END;
CREATE TRIGGER recommendations_fts_update AFTER UPDATE OF number, text, theme ON recommendations BEGIN
    INSERT INTO recommendations_fts (recommendations_fts, rowid, number, text, theme)
    VALUES ('delete', old.id, old.number, old.text, old.theme);
    INSERT INTO recommendations_fts (rowid, number, text, theme) VALUES (new.id, new.number, new.text, new.theme);
END;

-- Views ------------------------------------------------------------------------

-- One flat row per action with its document, plan version and review
-- (export --what actions reads it). Duplicates are included, flagged.
CREATE VIEW action_export AS
SELECT
    a.id                      AS action_id,
    d.id                      AS document_id,
    a.recommendation_id       AS recommendation_id,
    d.review_id               AS review_id,
    d.file                    AS file,
    d.path                    AS path,
    d.sha256                  AS sha256,
    v.review_type             AS review_type,
    v.reference               AS reference,
    v.area                    AS area,
    v.area_code               AS area_code,
    v.pseudonym               AS pseudonym,
    d.version                 AS plan_version,
    d.is_current              AS is_current,
    d.duplicate_of            AS duplicate_of,
    d.plan_date               AS plan_date,
    d.as_of_date              AS as_of_date,
    a.seq                     AS seq,
    p.table_index             AS table_index,
    a.row_group               AS row_group,
    a.number                  AS number,
    a.theme                   AS theme,
    a.recommendation_text     AS recommendation,
    a.scope                   AS scope,
    a.scope_printed           AS scope_printed,
    a.action_text             AS action_text,
    a.lead_agency             AS lead_agency,
    (SELECT json_group_array(g.name) FROM
        (SELECT ag.name FROM action_agencies aa JOIN agencies ag ON ag.id = aa.agency_id
         WHERE aa.action_id = a.id ORDER BY aa.position) g) AS agencies,
    a.lead_officer            AS lead_officer,
    a.milestone               AS milestone,
    a.target_date             AS target_date,
    a.target_date_iso         AS target_date_iso,
    a.target_date_start       AS target_date_start,
    a.target_date_precision   AS target_date_precision,
    a.completion_date         AS completion_date,
    a.completion_date_iso     AS completion_date_iso,
    a.outcome                 AS outcome,
    a.update_text             AS update_text,
    a.evidence                AS evidence,
    a.status                  AS status,
    a.status_printed          AS status_printed,
    a.status_source           AS status_source,
    a.status_date             AS status_date,
    a.rag                     AS rag,
    a.as_of                   AS as_of,
    a.page_first              AS page_first,
    a.page_last               AS page_last,
    a.lineage_id              AS lineage_id,
    a.previous_id             AS previous_action_id,
    (SELECT json_group_object(coalesce(c.header, ''), coalesce(c.text, '')) FROM
        (SELECT header, text FROM action_cells WHERE action_id = a.id ORDER BY position) c) AS cells,
    (SELECT json_group_array(json_object('printed', coalesce(g.printed, ''), 'canonical', g.name,
                                         'sector', coalesce(g.sector, ''),
                                         'matched', json(CASE g.matched WHEN 1 THEN 'true' ELSE 'false' END),
                                         'unit', coalesce(g.unit, ''), 'former', coalesce(g.former, '')))
     FROM (SELECT aa.printed, ag.name, aa.sector, aa.matched, aa.unit, aa.former FROM action_agencies aa
           JOIN agencies ag ON ag.id = aa.agency_id WHERE aa.action_id = a.id ORDER BY aa.position) g) AS agency_detail,
    a.extra                   AS extra
FROM actions a
JOIN documents d ON d.id = a.document_id
JOIN plans p ON p.id = a.plan_id
LEFT JOIN reviews v ON v.id = d.review_id;

-- Every version of every recommendation, duplicates left out: follow one
-- recommendation (lineage_id) across the versions of its plan.
CREATE VIEW recommendation_history AS
SELECT
    r.lineage_id, r.id AS recommendation_id, r.review_id,
    v.review_type, v.reference, v.area, v.pseudonym,
    d.version, d.id AS document_id, d.file, d.plan_date, d.as_of, d.as_of_date,
    r.number, r.text AS recommendation, r.status, r.previous_id, r.match_method, r.match_score,
    d.is_current
FROM recommendations r
JOIN documents d ON d.id = r.document_id AND d.duplicate_of IS NULL
LEFT JOIN reviews v ON v.id = r.review_id;

-- The latest status of each recommendation: its row in the newest version of
-- its plan that contains it, with the status it had when first seen.
CREATE VIEW recommendation_latest_status AS
SELECT h.lineage_id, h.review_id, h.review_type, h.reference, h.area, h.pseudonym,
       h.number, h.recommendation, h.status AS latest_status, h.version AS latest_version,
       h.document_id AS latest_document_id, h.file AS latest_file, h.is_current,
       f.status AS first_status, f.version AS first_version,
       (SELECT count(*) FROM recommendation_history x WHERE x.lineage_id = h.lineage_id) AS versions
FROM recommendation_history h
JOIN recommendation_history f ON f.recommendation_id = h.lineage_id
WHERE h.recommendation_id = (
    SELECT x.recommendation_id FROM recommendation_history x
    WHERE x.lineage_id = h.lineage_id
    ORDER BY coalesce(x.version, 0) DESC, x.recommendation_id DESC LIMIT 1);

-- Every version of every action, duplicates left out, with its status at each.
CREATE VIEW action_history AS
SELECT
    a.lineage_id, a.id AS action_id, a.recommendation_id, r.lineage_id AS recommendation_lineage_id,
    d.review_id, v.review_type, v.reference, v.area, v.pseudonym,
    d.version, d.id AS document_id, d.file, d.as_of_date, d.is_current,
    a.number, a.action_text, a.lead_agency, a.target_date_iso, a.status, a.status_printed, a.rag,
    a.update_text, a.previous_id, a.match_method
FROM actions a
JOIN recommendations r ON r.id = a.recommendation_id
JOIN documents d ON d.id = a.document_id AND d.duplicate_of IS NULL
LEFT JOIN reviews v ON v.id = d.review_id;

-- Actions of current plan versions counted by agency sector (of each mention)
-- and status. An action naming agencies of two sectors counts once in each.
CREATE VIEW actions_by_sector_status AS
SELECT s.sector AS sector, a.status AS status,
       count(DISTINCT a.id) AS actions, count(DISTINCT d.review_id) AS reviews,
       count(DISTINCT a.document_id) AS documents
FROM actions a
JOIN documents d ON d.id = a.document_id AND d.is_current = 1
LEFT JOIN (SELECT DISTINCT action_id, sector FROM action_agencies) s ON s.action_id = a.id
GROUP BY 1, 2;

-- Actions of current plan versions that were overdue at the plan's own
-- as-of date: the whole target period had ended before it, and the status
-- says the action was not completed. An action without a status, or a plan
-- without any date, is never overdue.
CREATE VIEW overdue_actions AS
SELECT e.*,
       CAST(julianday(e.as_of_date) - julianday(e.target_date_iso) AS INTEGER) AS days_overdue
FROM action_export e
WHERE e.is_current = 1
  AND e.status IN ('ongoing', 'not_started')
  AND e.target_date_iso IS NOT NULL
  AND e.as_of_date IS NOT NULL
  AND e.target_date_iso < e.as_of_date;

-- One row per document with its review and version (export --what documents).
CREATE VIEW document_export AS
SELECT
    d.id AS document_id, d.file, d.path, d.sha256, d.url, d.size, d.pages, d.title, d.producer, d.creator,
    d.creation_date, d.mod_date, d.encrypted, d.outcome, d.error, d.warnings, d.action_rows,
    d.extractor_version, d.review_id, v.review_type, v.reference, v.area, v.area_code, v.pseudonym,
    d.plan_date, d.plan_date_source, d.as_of, d.as_of_date, d.as_of_date_source,
    d.version AS plan_version, d.is_current, d.duplicate_of, d.previous_document_id, d.superseded_by_id,
    d.content_hash, d.loaded_at,
    (SELECT json_group_array(json_object('code', f.code, 'page', f.page, 'table', f.table_index, 'detail', f.detail))
     FROM (SELECT * FROM document_flags WHERE document_id = d.id ORDER BY id) f) AS flags
FROM documents d
LEFT JOIN reviews v ON v.id = d.review_id;

-- One row per recommendation with its document, version and review
-- (export --what recommendations). Duplicates are included, flagged.
CREATE VIEW recommendation_export AS
SELECT
    r.id AS recommendation_id, r.document_id, d.file, r.review_id, v.review_type, v.reference, v.area,
    v.area_code, v.pseudonym, d.version AS plan_version, d.is_current, d.duplicate_of, d.as_of_date,
    r.seq, r.number, r.theme, r.text AS recommendation, r.scope, r.scope_printed, r.status, r.actions,
    r.page_first, r.page_last, r.lineage_id, r.previous_id, r.match_method, r.match_score
FROM recommendations r
JOIN documents d ON d.id = r.document_id
LEFT JOIN reviews v ON v.id = r.review_id;

-- One row per review with its documents and its current plan
-- (export --what reviews). Counts are of the current plan.
CREATE VIEW review_export AS
SELECT
    v.id AS review_id, v.review_type, v.reference, v.area, v.area_code, v.pseudonym,
    (SELECT count(*) FROM documents x WHERE x.review_id = v.id) AS documents,
    (SELECT count(*) FROM documents x WHERE x.review_id = v.id AND x.outcome = 'ok' AND x.duplicate_of IS NULL) AS plan_versions,
    (SELECT count(*) FROM documents x WHERE x.review_id = v.id AND x.duplicate_of IS NOT NULL) AS duplicates,
    c.id AS current_document_id, c.file AS current_file, c.plan_date, c.as_of_date,
    (SELECT count(*) FROM recommendations x WHERE x.document_id = c.id) AS recommendations,
    (SELECT count(*) FROM actions x WHERE x.document_id = c.id) AS actions,
    (SELECT count(*) FROM actions x WHERE x.document_id = c.id AND x.status = 'completed') AS completed,
    (SELECT count(*) FROM actions x WHERE x.document_id = c.id AND x.status IN ('ongoing', 'not_started')
        AND x.target_date_iso < c.as_of_date) AS overdue
FROM reviews v
LEFT JOIN documents c ON c.review_id = v.id AND c.is_current = 1;
