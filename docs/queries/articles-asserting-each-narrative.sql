-- Articles asserting each narrative: the articles that carry it, and of those the ones that make
-- the claim in their own voice (stance 'asserts'), that report someone else making it ('reports')
-- and that call it false ('disputes'); the first is who spreads it, fact-checks and wire reports
-- are in the others. Articles loaded from records written before 0.4.0 have no stance (null) and
-- count under none of the three.
WITH current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT h.narrative_id,
       COUNT(*) AS articles,
       SUM(CASE WHEN h.stance = 'asserts' THEN 1 ELSE 0 END) AS asserts,
       SUM(CASE WHEN h.stance = 'reports' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN h.stance = 'disputes' THEN 1 ELSE 0 END) AS disputes
FROM narrative_hits h
JOIN current_articles a ON a.article_id = h.article_id
GROUP BY h.narrative_id
ORDER BY asserts DESC, h.narrative_id;
