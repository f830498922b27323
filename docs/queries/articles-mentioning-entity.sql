-- Articles that mention an entity (set its kb id in the first lines), newest first.
WITH wanted AS (
    SELECT 'Q7184' AS kb_id
),
current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT a.article_id,
       a.published_day,
       a.outlet AS source,
       a.title,
       COUNT(*) AS mentions
FROM wanted w
JOIN entity_mentions m ON m.kb_id = w.kb_id
JOIN current_articles a ON a.article_id = m.article_id
GROUP BY a.article_id, a.published_day, a.outlet, a.title
ORDER BY a.published_day DESC NULLS LAST, a.article_id
LIMIT 100;
