-- Run once by the postgres image when it creates the cluster (docker-compose.yml mounts this folder).
-- crisiscoord (the image's POSTGRES_USER) owns the tables and applies migrations; the portal logs in
-- as crisiscoord_web, a member of crisiscoord_app, which may only read and append to the timeline.
CREATE ROLE crisiscoord_app NOLOGIN;
CREATE ROLE crisiscoord_web LOGIN PASSWORD 'crisiscoord-web' IN ROLE crisiscoord_app;
CREATE ROLE crisiscoord_witness NOLOGIN;  -- auditors' logins join it to store witnessed checkpoints (docs/operations.md)
