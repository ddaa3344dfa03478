#!/usr/bin/env bash
# Peak memory of ingest on a batch of bombs (make rss): every bomb of
# corpus/bad in COPIES distinct copies, ingested with WORKERS workers, under
# GNU time. Prints the peak resident set size and checks it against
# LIMIT_MB (issue 12: a batch of bombs with 4 workers stays under 512 MB).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-bin/actionplan}
workers=${WORKERS:-4}
copies=${COPIES:-4}
limit=${LIMIT_MB:-512}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
BAD_DIR="$tmp/in" BAD_BOMB_COPIES="$copies" go test -tags sqlite_fts5 ./corpus/bad -run '^TestWrite$' -count=1 >/dev/null
find "$tmp/in" -type f ! -name 'bomb_*_[0-9][0-9].pdf' -delete
n=$(ls "$tmp/in" | wc -l)
set +e
/usr/bin/time -f '%M %e' -o "$tmp/time" "$bin" ingest --db "$tmp/rss.db" --workers "$workers" "$tmp/in" 2>"$tmp/log" >/dev/null
status=$?
set -e
read -r kb secs < <(tail -1 "$tmp/time")
mb=$((kb / 1024))
echo "rss: $n bombs (Flate to 4 GiB, LZW to 100 MiB), $workers workers: peak RSS $mb MB, $secs s, exit $status (limit $limit MB)"
grep -c "read in part" "$tmp/log" | sed 's/^/rss: files read in part: /'
if [ "$status" -ne 0 ]; then
	grep failed "$tmp/log" || true
	tail -5 "$tmp/log"
	exit 1
fi
[ "$mb" -lt "$limit" ]
