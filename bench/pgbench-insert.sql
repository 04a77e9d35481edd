-- pgbench's half of the INSERT baseline (bench/run.sh): one row shaped like an incident, into a table with the
-- incidents table's columns, constraints and indexes, the same row the minimal endpoint inserts.
INSERT INTO bench_baseline_incidents (id, title, description, category, severity, state, place_name, latitude, longitude, reported_at, state_changed_at)
VALUES (gen_random_uuid(), 'Levee breach at Dongshan', 'Water over the east levee at km 12; two farms flooded, the road to the pumping station is cut.',
        'NaturalDisaster', 'II', 'Reported', 'Dongshan Town, Qing River levee km 12', 30.5124, 114.2861, now(), now());
