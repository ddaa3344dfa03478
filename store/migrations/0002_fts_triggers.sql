-- 0002_fts_triggers: keep the full-text index in step with actions and
-- recommendations by triggers, so that rows deleted or edited by hand (or by
-- a cascade from documents or plans) leave the index right.
-- action_fts is an external-content index: a 'delete' must give the values
-- that were indexed, so deletions run BEFORE the row goes.

CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN
    INSERT INTO action_fts (rowid, recommendation, action, update_text)
    VALUES (new.id, (SELECT text FROM recommendations WHERE id = new.recommendation_id),
            new.action, new.update_text);
END;

-- An action deleted on its own. When its recommendation is being deleted
-- (directly or by a cascade), the recommendation's trigger has done it.
CREATE TRIGGER actions_fts_delete BEFORE DELETE ON actions
WHEN EXISTS (SELECT 1 FROM recommendations WHERE id = old.recommendation_id) BEGIN
    INSERT INTO action_fts (action_fts, rowid, recommendation, action, update_text)
    VALUES ('delete', old.id, (SELECT text FROM recommendations WHERE id = old.recommendation_id),
            old.action, old.update_text);
END;

CREATE TRIGGER actions_fts_before_update BEFORE UPDATE OF action, update_text, recommendation_id ON actions BEGIN
    INSERT INTO action_fts (action_fts, rowid, recommendation, action, update_text)
    VALUES ('delete', old.id, (SELECT text FROM recommendations WHERE id = old.recommendation_id),
            old.action, old.update_text);
END;

CREATE TRIGGER actions_fts_after_update AFTER UPDATE OF action, update_text, recommendation_id ON actions BEGIN
    INSERT INTO action_fts (rowid, recommendation, action, update_text)
    VALUES (new.id, (SELECT text FROM recommendations WHERE id = new.recommendation_id),
            new.action, new.update_text);
END;

CREATE TRIGGER recommendations_fts_delete BEFORE DELETE ON recommendations BEGIN
    INSERT INTO action_fts (action_fts, rowid, recommendation, action, update_text)
    SELECT 'delete', a.id, old.text, a.action, a.update_text FROM actions a WHERE a.recommendation_id = old.id;
END;

CREATE TRIGGER recommendations_fts_before_update BEFORE UPDATE OF text ON recommendations BEGIN
    INSERT INTO action_fts (action_fts, rowid, recommendation, action, update_text)
    SELECT 'delete', a.id, old.text, a.action, a.update_text FROM actions a WHERE a.recommendation_id = old.id;
END;

CREATE TRIGGER recommendations_fts_after_update AFTER UPDATE OF text ON recommendations BEGIN
    INSERT INTO action_fts (rowid, recommendation, action, update_text)
    SELECT a.id, new.text, a.action, a.update_text FROM actions a WHERE a.recommendation_id = new.id;
END;
