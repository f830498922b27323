-- Top narratives of the week by source: how many articles of each outlet carried each narrative
-- in the latest week of the store (weeks start on Monday), and of those how many assert it (make
-- the claim in their own voice), report someone else making it and dispute it. Articles loaded
-- from records written before 0.4.0 have no stance and count under none of the three. For another
-- week write its Monday, e.g. a.published_week = '2019-12-23'.
WITH current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT a.outlet AS source,
       h.narrative_id,
       COUNT(*) AS articles,
       SUM(CASE WHEN h.stance = 'asserts' THEN 1 ELSE 0 END) AS asserts,
       SUM(CASE WHEN h.stance = 'reports' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN h.stance = 'disputes' THEN 1 ELSE 0 END) AS disputes,
       ROUND(CAST(AVG(h.score) AS NUMERIC), 3) AS mean_score
FROM narrative_hits h
JOIN current_articles a ON a.article_id = h.article_id
WHERE a.published_week = (SELECT MAX(published_week) FROM current_articles)
GROUP BY a.outlet, h.narrative_id
ORDER BY articles DESC, source, h.narrative_id
LIMIT 20;
