-- The evidence for a narrative (set its id in the first lines): the sentences that carry it,
-- with the rule that matched and where (code point offsets into the article text), who the claim
-- is attributed to when the article relays it, and the evidence's stance ('asserts', 'reports' or
-- 'disputes'; null in articles loaded from records written before 0.4.0), newest first.
WITH wanted AS (
    SELECT 'russophobia' AS narrative_id
),
current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT a.published_day,
       a.outlet AS source,
       e.article_id,
       e.rule,
       e.sentence,
       e.start_offset,
       e.end_offset,
       e.text,
       e.attributed_to,
       e.stance
FROM wanted w
JOIN evidence e ON e.narrative_id = w.narrative_id
JOIN current_articles a ON a.article_id = e.article_id
ORDER BY a.published_day DESC NULLS LAST, e.article_id, e.evidence
LIMIT 100;
