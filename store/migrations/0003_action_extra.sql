-- 0003_action_extra: keep the keys of an action record that have no column
-- of their own (keys normalize adds later, such as completion_date_iso) as a
-- JSON object, so that export writes every key of the record it was given.

ALTER TABLE actions ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';

DROP VIEW overdue_actions;
DROP VIEW action_export;

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
    CASE WHEN d.superseded_by_id IS NULL THEN 1 ELSE 0 END AS is_current,
    a.extra                   AS extra
FROM actions a
JOIN documents d ON d.id = a.document_id
JOIN plans p ON p.id = a.plan_id
JOIN recommendations r ON r.id = a.recommendation_id
LEFT JOIN reviews v ON v.id = d.review_id;

-- Actions of current plan versions whose target date has passed and that are
-- not completed (target_date_end is the last day of the printed period).
CREATE VIEW overdue_actions AS
SELECT e.*, a.target_date_end,
       CAST(julianday('now') - julianday(a.target_date_end) AS INTEGER) AS days_overdue
FROM action_export e
JOIN actions a ON a.id = e.action_id
WHERE e.is_current = 1
  AND a.target_date_end <> ''
  AND a.target_date_end < date('now')
  AND a.status <> 'completed';
