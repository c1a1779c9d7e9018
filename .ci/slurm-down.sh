#!/usr/bin/env bash
# Stops the one-node Slurm cluster of .ci/slurm-up.sh: the controller and node daemons
# (scontrol shutdown), then munged by the pid in its pid file.
set -uo pipefail

if command -v scontrol >/dev/null 2>&1; then
  scontrol shutdown >/dev/null 2>&1 || true
fi
if [ -f /run/munge/munged.pid ]; then
  kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
fi
for _ in $(seq 1 20); do
  pgrep -x slurmctld >/dev/null 2>&1 || pgrep -x slurmd >/dev/null 2>&1 || { echo "slurm: stopped"; exit 0; }
  sleep 0.5
done
echo "slurm: daemons still running after 10 s" >&2
exit 1
