#!/usr/bin/env bash
# Runs every alcove benchmark and writes bench/RESULTS.md. Not a test: it is not part of .ci/run.
#   bench/run.sh                      defaults: 1 GiB of data, 1000 files, 5M rows, 2000 steps, 3 repeats
#   SIZE_MB=256 REPEAT=3 bench/run.sh smaller data for a quick look
#   QUICK=1 bench/run.sh              the guard before committing a change to a hot path: small sizes,
#                                     S3 rows with 32 MiB; exits non-zero when a ratio regressed by
#                                     more than 25% against bench/RESULTS-quick.md (UPDATE=1 rewrites it)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rclone >/dev/null || { echo "installing rclone (Debian package)"; apt-get install -y -qq rclone >/dev/null; } \
  || echo "no rclone: the transfer rows (6a-6d) are skipped"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests
fi
exec python3 bench/bench.py "$@"
