-- Which outlets push narrative X about entity Y: per source, the articles that assert the narrative
-- (make the claim in their own voice: stance 'asserts') and whose evidence for it involves the
-- entity. Articles that only report someone else making the claim or that dispute it do not push
-- it and are left out, as are articles loaded from records written before 0.4.0, which have no
-- stance. X and Y are set in the first lines (ids as in the catalogs).
WITH wanted AS (
    SELECT 'nazi-ukraine-europe' AS narrative_id, 'Q212' AS kb_id
),
current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT a.outlet AS source,
       COUNT(DISTINCT a.article_id) AS asserts,
       MIN(a.published_day) AS first_day,
       MAX(a.published_day) AS last_day
FROM wanted w
JOIN evidence_entities ee ON ee.narrative_id = w.narrative_id AND ee.kb_id = w.kb_id
JOIN narrative_hits h ON h.article_id = ee.article_id AND h.narrative_id = ee.narrative_id AND h.stance = 'asserts'
JOIN current_articles a ON a.article_id = ee.article_id
GROUP BY a.outlet
ORDER BY asserts DESC, source
LIMIT 20;
