-- Articles asserting each narrative: the articles that carry it, and of those the ones that make
-- the claim in their own voice (stance 'asserts'), that report someone else making it ('reports')
-- and that call it false ('disputes'); the first is who spreads it, fact-checks and wire reports
-- are in the others. Articles loaded from records written before 0.4.0 have no stance (null) and
-- count under none of the three.
SELECT narrative_id,
       COUNT(*) AS articles,
       SUM(CASE WHEN stance = 'asserts' THEN 1 ELSE 0 END) AS asserts,
       SUM(CASE WHEN stance = 'reports' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN stance = 'disputes' THEN 1 ELSE 0 END) AS disputes
FROM narrative_hits
GROUP BY narrative_id
ORDER BY asserts DESC, narrative_id;
