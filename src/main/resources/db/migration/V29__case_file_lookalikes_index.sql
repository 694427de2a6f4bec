-- 案卷建立's dedupe hint (CaseFileRepository.findOpenLookalikes): open cases of the same category at the same place
-- since a given time. With case_file_category_idx alone PostgreSQL read every case of the category in the window and
-- filtered by place: 98 ms a case in the benchmark's county of 1.18 M cases (three categories), the largest share of
-- the database's time during intake at that size. Keyed by place first, open cases only, it reads the few
-- look-alikes there are.
CREATE INDEX case_file_lookalikes_idx ON case_file (unit_code, category_code, reported_at DESC) WHERE step <> 'ARCHIVED';
