-- First appearance of each narrative: the earliest dated article that carries it, and where
-- (ties on the day go to the smallest article id), with how that article stands to the claim:
-- 'asserts' (makes it in its own voice), 'reports' (relays someone else making it), 'disputes'
-- (calls it false), or null when it was loaded from a record written before 0.4.0. For the first
-- article that spreads the narrative, add AND h.stance = 'asserts' to the inner WHERE.
WITH current_articles AS (
    -- the articles the last run still had (docs/store.md, "The store accumulates"); use
    -- articles instead of current_articles below to count every article ever loaded
    SELECT * FROM articles
    WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1)
)
SELECT narrative_id, published_day, source, article_id, url, stance
FROM (
    SELECT h.narrative_id,
           a.published_day,
           a.outlet AS source,
           a.article_id,
           a.url,
           h.stance,
           ROW_NUMBER() OVER (PARTITION BY h.narrative_id ORDER BY a.published_day, a.article_id) AS rank_in_narrative
    FROM narrative_hits h
    JOIN current_articles a ON a.article_id = h.article_id
    WHERE a.published_day IS NOT NULL
) ranked
WHERE rank_in_narrative = 1
ORDER BY published_day, narrative_id;
