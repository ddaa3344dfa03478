#!/usr/bin/env bash
# Whole-ingest throughput against poppler, on the same files in the same run.
#
# usage: corpus/bench.sh BIN DIR...     (make bench)
#
# Builds a benchmark set from the PDFs of DIR... (COPIES copies of each file,
# every copy with distinct bytes: corpus/benchset.py), and one long document
# (every readable file of the set's first copy, pages joined by qpdf). Then,
# with hyperfine, ROUNDS runs of each, medians kept:
#
#   ingest 1w      BIN ingest --workers 1, pinned to one core (taskset -c 0)
#   ingest 1w/2c   BIN ingest --workers 1 on both cores
#   ingest 2w      BIN ingest --workers 2 on both cores
#   extract        BIN inspect --format pages (the text layer alone), one core
#   pdftotext      pdftotext -bbox-layout, one process per file, one core
#   start-up       pdftotext -v as many times as there are files, one core;
#                  subtracted from pdftotext's time, so that poppler is timed
#                  for its work and not for starting a process per file
#   long: ingest / pdftotext    the long document, one core, one process each
#
# Every ingest starts from an empty database. Prints pages/second (wall time
# and CPU time: on a shared machine CPU time is the steadier of the two), the
# ratios the issue sets targets for, and peak RSS (GNU time, one extra run).
# Needs poppler-utils, qpdf, hyperfine, python3, and GNU time at /usr/bin/time
# (apt-get install poppler-utils qpdf hyperfine time).
#
# ROUNDS=N runs per command (default 3); COPIES=N copies per file (default 4);
# KEEP=DIR builds the set in DIR and leaves it there.
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 BIN DIR..." >&2
	exit 2
fi
bin=$(realpath "$1")
shift
for tool in pdftotext pdfinfo qpdf hyperfine python3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (apt-get install poppler-utils qpdf hyperfine python3)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is not installed at /usr/bin/time (apt-get install time)" >&2; exit 2; }
rounds=${ROUNDS:-3}
copies=${COPIES:-4}
here=$(cd "$(dirname "$0")" && pwd)

src=()
for d in "$@"; do
	if [ ! -d "$d" ]; then
		echo "bench: skipping $d (no such folder)" >&2
		continue
	fi
	while IFS= read -r -d '' f; do src+=("$f"); done < <(find "$d" -maxdepth 1 -type f -iname '*.pdf' -print0 | sort -z)
done
if [ ${#src[@]} -eq 0 ]; then
	echo "bench: no PDFs found" >&2
	exit 2
fi

if [ -n "${KEEP:-}" ]; then
	work=$KEEP
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
set_dir=$work/set
rm -rf "$set_dir"
python3 "$here/benchset.py" "$set_dir" "$copies" "${src[@]}"

pages=0
readable=()
for f in "$set_dir"/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
	pages=$((pages + ${n:-0}))
	case $f in *_c00.pdf) [ -n "${n:-}" ] && readable+=("$f") ;; esac
done
nfiles=$(find "$set_dir" -name '*.pdf' | wc -l)
long=$work/long.pdf
qpdf --empty --warning-exit-0 --pages "${readable[@]}" -- "$long" 2>/dev/null || true
long_pages=$(pdfinfo "$long" 2>/dev/null | awk '/^Pages:/ {print $2}')

db=$work/bench.db
pin="taskset -c 0"
command -v taskset >/dev/null || pin=""
fresh="rm -f $db $db-wal $db-shm"

echo "set: $nfiles files, $pages pages ($copies copies of ${#src[@]} files); long document: $long_pages pages"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $rounds (medians)"

hyperfine --style none --runs "$rounds" -i --export-json "$work/h.json" \
	-n ingest1 --prepare "$fresh" "$pin $bin ingest --db $db --workers 1 $set_dir" \
	-n ingest1u --prepare "$fresh" "$bin ingest --db $db --workers 1 $set_dir" \
	-n ingest2 --prepare "$fresh" "$bin ingest --db $db --workers 2 $set_dir" \
	-n extract --prepare true "$pin $bin inspect --format pages $set_dir/*.pdf" \
	-n pdftotext --prepare true "$pin sh -c 'for f in $set_dir/*.pdf; do pdftotext -q -bbox-layout \"\$f\" /dev/null; done'" \
	-n startup --prepare true "$pin sh -c 'for f in $set_dir/*.pdf; do pdftotext -v >/dev/null 2>&1; done'" \
	-n long_ingest --prepare "$fresh" "$pin $bin ingest --db $db --workers 1 $long" \
	-n long_pdftotext --prepare true "$pin pdftotext -q -bbox-layout $long /dev/null" \
	>/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }

rss() { # peak RSS in KiB of one run of CMD...
	/usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
	tail -n 1 "$work/rss"
}
$fresh
rss_ingest1=$(rss $pin "$bin" ingest --db "$db" --workers 1 "$set_dir")
$fresh
rss_ingest2=$(rss "$bin" ingest --db "$db" --workers 2 "$set_dir")
$fresh
rss_long=$(rss $pin "$bin" ingest --db "$db" --workers 1 "$long")
rss_pop=$(rss pdftotext -q -bbox-layout "$long" /dev/null)

python3 - "$work/h.json" "$pages" "$long_pages" "$rss_ingest1" "$rss_ingest2" "$rss_long" "$rss_pop" <<'EOF'
import json, statistics, sys
h = json.load(open(sys.argv[1]))
pages, long_pages = int(sys.argv[2]), int(sys.argv[3] or 0)
rss = [int(x or 0) / 1024 for x in sys.argv[4:8]]
r = {x["command"]: x for x in h["results"]}
wall = {k: statistics.median(v["times"]) for k, v in r.items()}
cpu = {k: statistics.median([u + s for u, s in zip(v["user"], v["system"])]) if "user" in v and isinstance(v["user"], list) else v["user"] + v["system"] for k, v in r.items()}
def line(name, label, n, w, c):
    print("%-34s %8.2f s %8.1f pages/s   cpu %8.2f s %8.1f pages/cpu-s" % (label, w, n / w if w > 0 else 0, c, n / c if c > 0 else 0))
pop_w = wall["pdftotext"] - wall["startup"]
pop_c = cpu["pdftotext"] - cpu["startup"]
line("", "ingest, 1 worker, 1 core", pages, wall["ingest1"], cpu["ingest1"])
line("", "ingest, 1 worker, 2 cores", pages, wall["ingest1u"], cpu["ingest1u"])
line("", "ingest, 2 workers, 2 cores", pages, wall["ingest2"], cpu["ingest2"])
line("", "extract (inspect), 1 core", pages, wall["extract"], cpu["extract"])
line("", "pdftotext -bbox-layout, 1 core", pages, wall["pdftotext"], cpu["pdftotext"])
print("%-34s %8.2f s                     cpu %8.2f s" % ("pdftotext -v (start-up), 1 core", wall["startup"], cpu["startup"]))
line("", "pdftotext minus start-up", pages, pop_w, pop_c)
line("", "long: ingest, 1 core", long_pages, wall["long_ingest"], cpu["long_ingest"])
line("", "long: pdftotext -bbox-layout", long_pages, wall["long_pdftotext"], cpu["long_pdftotext"])
def ratio(label, a, b, target):
    print("%-52s wall %5.2f  cpu %5.2f   (target >= %s)" % (label, a[0] / b[0] if b[0] else 0, a[1] / b[1] if b[1] else 0, target))
print()
ratio("ingest 1 core / (pdftotext - start-up)", (wall["pdftotext"] - wall["startup"], cpu["pdftotext"] - cpu["startup"]), (wall["ingest1"], cpu["ingest1"]), "1.0")
ratio("extract 1 core / (pdftotext - start-up)", (wall["pdftotext"] - wall["startup"], cpu["pdftotext"] - cpu["startup"]), (wall["extract"], cpu["extract"]), "1.3")
ratio("long: ingest / pdftotext", (wall["long_pdftotext"], cpu["long_pdftotext"]), (wall["long_ingest"], cpu["long_ingest"]), "1.0")
print("%-52s wall %5.2f   (target >= 1.7)" % ("scaling: 2 workers 2 cores / 1 worker 1 core", wall["ingest1"] / wall["ingest2"]))
print("%-52s wall %5.2f" % ("scaling: 2 workers / 1 worker, both on 2 cores", wall["ingest1u"] / wall["ingest2"]))
print()
print("peak RSS: ingest 1 worker %.1f MiB, 2 workers %.1f MiB; long document: ingest %.1f MiB, pdftotext %.1f MiB" % tuple(rss))
EOF
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
