#!/usr/bin/env bash
# Writes the secrets docker-compose.yml needs into .env (git-ignored; or the file named as the first argument):
# database passwords, the API token key, the timeline checkpoint key and the certificate that encrypts the
# data-protection key ring, all made here with openssl. Keep the file: the database was created with its
# passwords, and checkpoints are signed with its key. It refuses to overwrite an existing file.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-.env}

command -v openssl >/dev/null 2>&1 || { echo "openssl is required" >&2; exit 1; }
if [ -e "$target" ]; then
  echo "$target exists; its passwords are the database's. Move it away first to make new ones." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$work/checkpoint.pem"
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=CrisisCoord data protection" \
  -keyout "$work/dataprotection.key" -out "$work/dataprotection.crt" 2>/dev/null
cat "$work/dataprotection.crt" "$work/dataprotection.key" > "$work/dataprotection.pem"

# A PEM on one line with \n escapes: docker compose turns them back into line breaks inside double quotes.
one_line() { awk '{ printf "%s\\n", $0 }' "$1"; }

cat > "$target" <<ENV
# Made by scripts/compose-secrets.sh on $(date -u +%Y-%m-%d). Secret: never commit this file.
CRISISCOORD_DB_OWNER_PASSWORD=$(openssl rand -hex 24)
CRISISCOORD_DB_WEB_PASSWORD=$(openssl rand -hex 24)
CRISISCOORD_SIGNING_KEY=$(openssl rand -hex 32)
CRISISCOORD_CHECKPOINT_KEY="$(one_line "$work/checkpoint.pem")"
CRISISCOORD_DATA_PROTECTION_CERTIFICATE="$(one_line "$work/dataprotection.pem")"
ENV
# The portal speaks HTTPS itself (its cookies are Secure outside Development): a self-signed certificate for
# https://localhost:5443 unless deploy/tls/ already holds one. Put your own tls.crt and tls.key there for a
# real name; behind a TLS proxy, see ForwardedHeaders:* in docs/operations.md instead.
# (Beside the .env file written, so compose, which reads both from the repository's root, finds them.)
tls=$(dirname "$target")/deploy/tls
if [ ! -f "$tls/tls.crt" ]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$tls/tls.key" -out "$tls/tls.crt" 2>/dev/null
  # Readable by the container's unprivileged user, which is not this machine's user.
  chmod 644 "$tls/tls.key" "$tls/tls.crt"
fi
echo "wrote $target; now: docker compose up --build, then open https://localhost:5443/"
