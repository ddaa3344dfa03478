#!/usr/bin/env bash
# Pages per second of our text layer (BIN inspect --format pages, one process
# over all files) against poppler's pdftotext -bbox-layout (one process per
# file), on the same files in the same run, both pinned to one core.
# Prints pages/second for each, their ratio (target: ours >= 0.7 of
# poppler's) and peak resident memory.
#
# usage: corpus/bench.sh BIN DIR...     (make bench)
# ROUNDS=N runs each side N times and keeps the fastest (default 3).
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 BIN DIR..." >&2
	exit 2
fi
bin=$1
shift
command -v pdftotext >/dev/null || { echo "bench: pdftotext (poppler-utils) is not installed" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "bench: pdfinfo (poppler-utils) is not installed" >&2; exit 2; }
rounds=${ROUNDS:-3}

files=()
for d in "$@"; do
	if [ ! -d "$d" ]; then
		echo "bench: skipping $d (no such folder)" >&2
		continue
	fi
	while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$d" -maxdepth 1 -type f -iname '*.pdf' -print0 | sort -z)
done
if [ ${#files[@]} -eq 0 ]; then
	echo "bench: no PDFs found" >&2
	exit 2
fi

pages=0
for f in "${files[@]}"; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
	pages=$((pages + ${n:-0}))
done

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%e %M'); fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# run NAME CMD...: best wall time (s) and its peak RSS (KiB) over the rounds.
best_s="" best_kb=""
run() {
	best_s="" best_kb=""
	for _ in $(seq "$rounds"); do
		if [ ${#timer[@]} -gt 0 ]; then
			"${timer[@]}" -o "$tmp" "$@" >/dev/null 2>&1 || true
			read -r s kb < <(tail -n 1 "$tmp")
		else
			start=$(date +%s.%N)
			"$@" >/dev/null 2>&1 || true
			s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
			kb=0
		fi
		if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN {exit !(a < b)}'; then
			best_s=$s best_kb=$kb
		fi
	done
}

echo "files: ${#files[@]}  pages: $pages  core: ${pin[*]:-unpinned} GOMAXPROCS=1  rounds: $rounds (best kept)"

run env GOMAXPROCS=1 "${pin[@]}" "$bin" inspect --format pages "${files[@]}"
ours_s=$best_s ours_kb=$best_kb

run "${pin[@]}" bash -c 'for f; do pdftotext -q -bbox-layout "$f" /dev/null; done' _ "${files[@]}"
pop_s=$best_s pop_kb=$best_kb

awk -v p="$pages" -v os="$ours_s" -v ok="$ours_kb" -v ps="$pop_s" -v pk="$pop_kb" 'BEGIN {
	ors = (os > 0) ? p / os : 0
	prs = (ps > 0) ? p / ps : 0
	printf "ours:    %7.2f s  %8.1f pages/s  peak RSS %6.1f MiB\n", os, ors, ok / 1024
	printf "poppler: %7.2f s  %8.1f pages/s  peak RSS %6.1f MiB (largest single process)\n", ps, prs, pk / 1024
	if (prs > 0) printf "ratio ours/poppler: %.2f (target >= 0.70)\n", ors / prs
}'
