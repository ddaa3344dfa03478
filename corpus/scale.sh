#!/usr/bin/env bash
# National scale, simulated: a set of PAGES pages (default 150,000) built from
# corpus/pdf, ingested into a fresh database, then ingested again unchanged.
#
# usage: corpus/scale.sh BIN WORKDIR        (needs qpdf, pdfinfo, python3)
#
# Files of about 50 pages, as published reviews run: each joins 25 corpus
# files picked at random (qpdf --pages), and each such join is copied with
# distinct bytes (corpus/benchset.py) until the set holds PAGES pages. The set
# is split into PARTS folders of equal size, ingested one after the other
# into one database (so that a run cut short still tells pages per second),
# each part timed; then the whole set is ingested again, unchanged.
# Run it with nice on a shared machine. WORKERS (default: CPUs) is passed on.
set -euo pipefail
bin=$(realpath "$1")
work=$2
pages_wanted=${PAGES:-150000}
parts=${PARTS:-10}
workers=${WORKERS:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/joins"
cd "$work"

readable=()
for f in "$here"/pdf/*.pdf; do
	pdfinfo "$f" >/dev/null 2>&1 && ! grep -aq /Encrypt "$f" && readable+=("$f")
done
# 60 joins of 25 files each.
if [ ! -f joins/.done ]; then
	RANDOM=1
	for j in $(seq -w 1 60); do
		pick=()
		for _ in $(seq 25); do pick+=("${readable[RANDOM % ${#readable[@]}]}"); done
		qpdf --empty --warning-exit-0 --pages "${pick[@]}" -- "joins/join$j.pdf" 2>/dev/null || true
	done
	touch joins/.done
fi
per_join=0
for f in joins/*.pdf; do per_join=$((per_join + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
copies=$(( (pages_wanted + per_join - 1) / per_join ))
if [ ! -d set ]; then
	python3 "$here/benchset.py" set "$copies" joins/*.pdf
	# split into parts
	i=0
	for f in set/*.pdf; do
		d=set/part$((i % parts))
		mkdir -p "$d"
		mv "$f" "$d/"
		i=$((i + 1))
	done
fi
total_files=$(find set -name '*.pdf' | wc -l)
echo "set: $total_files files, $((per_join * copies)) pages ($copies copies of 60 joins of $per_join pages in all), $parts parts; workers $workers"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f scale.db scale.db-wal scale.db-shm
start=$(date +%s.%N)
for d in set/part*; do
	/usr/bin/time -f "%e s wall %U s user %S s sys %M KiB peak" "$bin" ingest --db scale.db --workers "$workers" "$d" 2>&1 >/dev/null | tail -n 2
	echo "$d done at $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}') s; db $(du -m scale.db | cut -f1) MB; load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "unchanged re-run over the whole set:"
/usr/bin/time -f "%e s wall %U s user %S s sys %M KiB peak" "$bin" ingest --db scale.db --workers "$workers" set 2>&1 >/dev/null | tail -n 2
echo "database: $(du -m scale.db | cut -f1) MB"
