#!/usr/bin/env bash
# Runs a command (default: npm test) with the machine's clock reading HH:MM today in Asia/Shanghai,
# every process shifted alike (libfaketime, Debian's `faketime`): `scripts/test-at.sh 21:59`.
# Proves the suite does not depend on the hour it runs at.
set -euo pipefail
at=${1:?usage: scripts/test-at.sh HH:MM [command ...]}
shift
command -v faketime >/dev/null || { echo "needs Debian's faketime: apt-get install -y faketime" >&2; exit 2; }
day=$(TZ=Asia/Shanghai date +%F)
target=$(date -d "${day}T${at}:00+08:00" +%s)
offset=$((target - $(date +%s)))
sign=$([ "$offset" -ge 0 ] && echo + || echo -)
echo "== clock at ${day} ${at} Asia/Shanghai (offset ${sign}${offset#-} s)"
if [ $# -eq 0 ]; then set -- npm test; fi
exec faketime -f "${sign}${offset#-}" "$@"
