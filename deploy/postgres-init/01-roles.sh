#!/bin/sh
# Run once by the postgres image when it creates the cluster (docker-compose.yml mounts this folder).
# crisiscoord (the image's POSTGRES_USER) owns the tables and applies migrations; the portal logs in
# as crisiscoord_web, a member of crisiscoord_app, which may only read and append to the timeline.
# The password comes from .env (scripts/compose-secrets.sh), passed as a psql variable so it is quoted safely.
set -eu
psql -v ON_ERROR_STOP=1 -v web_password="$CRISISCOORD_WEB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE crisiscoord_app NOLOGIN;
CREATE ROLE crisiscoord_web LOGIN PASSWORD :'web_password' IN ROLE crisiscoord_app;
-- Auditors' logins join it to store witnessed checkpoints (docs/operations.md).
CREATE ROLE crisiscoord_witness NOLOGIN;
SQL
