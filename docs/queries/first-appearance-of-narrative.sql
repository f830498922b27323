-- First appearance of each narrative: the earliest dated article that carries it, and where
-- (ties on the day go to the smallest article id).
SELECT narrative_id, published_day, source, article_id, url
FROM (
    SELECT h.narrative_id,
           a.published_day,
           COALESCE(a.source, '(unknown)') AS source,
           a.article_id,
           a.url,
           ROW_NUMBER() OVER (PARTITION BY h.narrative_id ORDER BY a.published_day, a.article_id) AS rank_in_narrative
    FROM narrative_hits h
    JOIN articles a ON a.article_id = h.article_id
    WHERE a.published_day IS NOT NULL
) ranked
WHERE rank_in_narrative = 1
ORDER BY published_day, narrative_id;
