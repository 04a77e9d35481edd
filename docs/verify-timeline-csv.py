#!/usr/bin/env python3
"""Verify a CrisisCoord timeline CSV export without CrisisCoord: Python 3 standard library only.

Usage: python3 docs/verify-timeline-csv.py crisiscoord-timeline-….csv

Checks each chain in the file as docs/timeline.md specifies: sequence continuity (from the first
sequence present), every link, and every hash recomputed from the canonical encoding. An export that
starts mid-chain is checked from its first event on. Exit code 0 when every chain holds, 1 otherwise.
"""
import csv
import hashlib
import struct
import sys
from collections import defaultdict

NULL = struct.pack(">I", 0xFFFFFFFF)


def field(value):
    if value is None:
        return NULL
    data = value if isinstance(value, bytes) else value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def cell(value):
    """A cell as hashed: the export prefixes an apostrophe to a value starting with = + - @ tab or CR
    (spreadsheet formula neutralisation), so drop it again."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def event_hash(row, chain_uuid):
    row = {k: cell(v or "") for k, v in row.items()}
    # occurred_at_utc is written with microseconds and 'Z', exactly the form the hash covers.
    parts = [
        "crisiscoord-timeline-event-v1",
        row["event_id"],
        chain_uuid,
        row["sequence"],
        row["occurred_at_utc"],
        row["actor_user_id"] or None,
        row["actor_organisation_id"] or None,
        row["action"],
        row["entity_type"],
        row["entity_id"],
        hashlib.sha256(row["payload"].encode("utf-8")).digest(),
        bytes.fromhex(row["previous_hash"]),
    ]
    return hashlib.sha256(b"".join(field(p) for p in parts)).hexdigest()


def main(path):
    chains = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            chains[row["chain"]].append(row)

    broken = 0
    for chain, rows in chains.items():
        chain_uuid = "00000000-0000-0000-0000-000000000000" if chain == "registry" else chain
        rows.sort(key=lambda r: int(r["sequence"]))
        previous, problem = None, None
        for row in rows:
            seq = int(row["sequence"])
            if previous is not None and seq != int(previous["sequence"]) + 1:
                problem = f"#{int(previous['sequence']) + 1}: missing (next found is #{seq})"
            elif previous is None and seq == 1 and row["previous_hash"] != "0" * 64:
                problem = "#1: the first event's previous hash is not 32 zero bytes"
            elif previous is not None and row["previous_hash"] != previous["hash"]:
                problem = f"#{seq}: does not point at #{seq - 1}'s hash"
            elif event_hash(row, chain_uuid) != row["hash"]:
                problem = f"#{seq}: content no longer matches its hash"
            if problem:
                break
            previous = row
        if problem:
            broken += 1
            print(f"BROKEN  {chain}  at {problem}")
        else:
            print(f"OK      {chain}  #{rows[0]['sequence']}–#{rows[-1]['sequence']}, head {rows[-1]['hash']}")
    return 1 if broken else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
