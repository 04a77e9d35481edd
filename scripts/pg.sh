# Shared by run.sh and test.sh: a private PostgreSQL cluster made from the installed server binaries.
# Source it; it defines functions only. PostgreSQL refuses to run as root, so as root the server runs
# as the 'postgres' system user.

pg_log() { printf '\033[1m[crisiscoord]\033[0m %s\n' "$*" >&2; }

as_root_or_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || { pg_log "apt-get not found: install $* by hand"; return 1; }
  if [ -z "${CRISISCOORD_APT_UPDATED:-}" ]; then
    as_root_or_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    export CRISISCOORD_APT_UPDATED=1
  fi
  as_root_or_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Sets PG_BIN to the newest installed server's bin directory, installing the server when missing.
pg_find_binaries() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    pg_log "PostgreSQL server binaries not found; installing the distribution's postgresql package"
    # Only the binaries are wanted: stop Debian from creating and starting its own cluster on 5432.
    as_root_or_sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root_or_sudo tee -a /etc/postgresql-common/createcluster.conf >/dev/null
    apt_install postgresql || { pg_log "could not install PostgreSQL: install the 'postgresql' package and retry"; return 1; }
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$PG_BIN/initdb" ] || { pg_log "no initdb under /usr/lib/postgresql/*/bin"; return 1; }
}

# Runs a PostgreSQL server command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The kernel's ephemeral range, "LOW HIGH": ports it hands to client sockets, which a server cannot bind
# while a client holds one (a server port is chosen outside it).
pg_ephemeral_range() {
  local low high
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { low=32768 high=60999; }
  echo "$low $high"
}

# pg_port_usable PORT: outside the ephemeral range, and nothing listens on it on 127.0.0.1.
pg_port_usable() {
  local port=$1 low high
  read -r low high < <(pg_ephemeral_range)
  { [ "$port" -lt "$low" ] || [ "$port" -gt "$high" ]; } && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# A TCP port on 127.0.0.1 outside the ephemeral range that nothing listens on.
pg_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 10000 + ((RANDOM << 15) | RANDOM) % 55536 ))
    if pg_port_usable "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

# pg_init DIR SUPERUSER_PASSWORD: a new cluster in DIR (socket in DIR, password auth over TCP).
pg_init() {
  local dir=$1 password=$2
  mkdir -p "$dir"
  local pwfile
  pwfile=$(mktemp)
  printf '%s\n' "$password" > "$pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
    chmod 700 "$dir"
    chown postgres: "$pwfile"
    if ! runuser -u postgres -- test -w "$dir"; then
      pg_log "the 'postgres' user cannot reach $dir (a parent folder such as /root is private)."
      pg_log "Clone the repository somewhere postgres can read, e.g. /srv or /opt, or run as a normal user."
      rm -f "$pwfile"
      return 1
    fi
  fi
  pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
}

# The server's Unix socket lives in /tmp: short (socket paths are limited to ~100 bytes) and free of
# spaces whatever the checkout path; the file name carries the port, so clusters do not collide.
PG_SOCKET_DIR=/tmp

# pg_start DIR PORT: starts the cluster and sets PG_PORT to the port it listens on. When PORT cannot be bound
# (another server, or a client socket, holds it) it tries up to five other free ports. PG_OPTIONS adds
# server settings ("-c name=value ...").
pg_start() {
  local dir=$1 port=$2 seen
  for _ in 1 2 3 4 5 6; do
    seen=0
    [ -f "$dir/server.log" ] && seen=$(wc -l < "$dir/server.log")
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCKET_DIR -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" start >/dev/null; then
      PG_PORT=$port; return 0
    fi
    # Counted rather than grep -q, so the check holds under pipefail (no early exit, no SIGPIPE).
    [ "$(tail -n +"$((seen + 1))" "$dir/server.log" | grep -c 'could not bind\|could not create any TCP/IP sockets')" -gt 0 ] || break
    pg_log "port $port is taken; trying another"
    port=$(pg_free_port) || break
  done
  pg_log "PostgreSQL did not start; its log:"; tail -n 20 "$dir/server.log" >&2; return 1
}

pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

pg_is_running() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

# The port a running cluster listens on (line 4 of postmaster.pid).
pg_running_port() { sed -n 4p "$1/postmaster.pid"; }

# pg_psql PORT SQL...: as superuser over the cluster's socket.
pg_psql() {
  local port=$1; shift
  pg_as_owner "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}
