#!/usr/bin/env bash
# Runs each fuzz target of the extract package for a bounded time (make fuzz).
# FUZZTIME=60s by default. New crashers land in extract/testdata/fuzz/<Target>/;
# commit them so that plain go test replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-60s}
status=0
for target in FuzzCMap FuzzContentStream FuzzExtract FuzzPageTree FuzzFlattenDeep FuzzObjects; do
	echo "== $target ($fuzztime)"
	if ! go test -tags sqlite_fts5 ./extract -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime"; then
		status=1
	fi
done
exit $status
