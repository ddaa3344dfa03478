-- 0008_cspr_type: a local child safeguarding practice review is a CSPR.
-- Earlier versions gave it a type of its own, LCSPR, which split the count
-- of child safeguarding practice reviews in two; the printed title still
-- says "Local" where the plan does.

UPDATE reviews SET review_type = replace(review_type, 'LCSPR', 'CSPR')
WHERE review_type LIKE '%LCSPR%';
