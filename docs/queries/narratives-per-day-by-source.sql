-- Narratives per day per source, the time series behind a dashboard chart.
SELECT a.published_day AS day,
       COALESCE(a.source, '(unknown)') AS source,
       h.narrative_id,
       COUNT(*) AS articles
FROM narrative_hits h
JOIN articles a ON a.article_id = h.article_id
WHERE a.published_day IS NOT NULL
GROUP BY a.published_day, COALESCE(a.source, '(unknown)'), h.narrative_id
ORDER BY day, source, h.narrative_id;
