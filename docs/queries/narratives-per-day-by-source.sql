-- Narratives per day per source, the time series behind a dashboard chart: the articles carrying
-- each narrative, and of those the ones that assert it (make the claim in their own voice: plot
-- this column for who spreads it), report someone else making it and dispute it. Articles loaded
-- from records written before 0.4.0 have no stance and count under none of the three.
WITH current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT a.published_day AS day,
       a.outlet AS source,
       h.narrative_id,
       COUNT(*) AS articles,
       SUM(CASE WHEN h.stance = 'asserts' THEN 1 ELSE 0 END) AS asserts,
       SUM(CASE WHEN h.stance = 'reports' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN h.stance = 'disputes' THEN 1 ELSE 0 END) AS disputes
FROM narrative_hits h
JOIN current_articles a ON a.article_id = h.article_id
WHERE a.published_day IS NOT NULL
GROUP BY a.published_day, a.outlet, h.narrative_id
ORDER BY day, source, h.narrative_id;
