-- Which outlets push narrative X about entity Y: per source, the articles whose evidence for the
-- narrative involves the entity. X and Y are set in the first lines (ids as in the catalogs).
WITH wanted AS (
    SELECT 'nazi-fascist' AS narrative_id, 'Q212' AS kb_id
)
SELECT COALESCE(a.source, '(unknown)') AS source,
       COUNT(DISTINCT a.article_id) AS articles,
       MIN(a.published_day) AS first_day,
       MAX(a.published_day) AS last_day
FROM wanted w
JOIN evidence_entities ee ON ee.narrative_id = w.narrative_id AND ee.kb_id = w.kb_id
JOIN articles a ON a.article_id = ee.article_id
GROUP BY COALESCE(a.source, '(unknown)')
ORDER BY articles DESC, source
LIMIT 20;
