# actionplan: build, test and measure.
# Every go command carries the sqlite_fts5 tag: without it SQLite has no FTS5.
GO      ?= go
TAGS    := sqlite_fts5
BIN     := bin/actionplan
DB      ?= actionplans.db
SHARED  ?= ../shared

.PHONY: all build test check run bench corpus golden-update realworld fuzz vet clean blind rss blind2 blind3 blind4 mutate

all: build

build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/actionplan

test:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) ./...

# Hygiene, run by .ci/run after the tests: go.mod and go.sum tidy, every file
# gofmt'ed, and go vet and staticcheck (pinned) reporting nothing.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
check:
	$(GO) mod tidy -diff
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# The main job on the corpus shipped in corpus/. The corpus holds a truncated
# file on purpose, so ingest's status 3 ("finished, some files unreadable")
# is expected here.
run: build
	./$(BIN) ingest --db $(DB) corpus/pdf; st=$$?; [ $$st -eq 0 ] || [ $$st -eq 3 ]
	./$(BIN) stats --db $(DB)

# Whole-ingest pages/second (1 worker, 2 workers) and the text layer alone,
# against poppler's pdftotext -bbox-layout on the same files in one run, with
# ratios and peak RSS (corpus/bench.sh; needs poppler-utils, qpdf, hyperfine,
# GNU time). Then the go benchmarks of each stage, with allocations.
bench: build
	./corpus/bench.sh $(BIN) corpus/pdf
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./extract ./normalize ./store

# Regenerate the corpus PDFs from corpus/src (needs LibreOffice, Chromium, Ghostscript, qpdf).
corpus:
	./corpus/make.sh

# Rewrite golden/ from corpus/src (never from the extractor's output), and
# corpus/pages.tsv, each golden row's pages as pdftotext reads them (needs
# poppler-utils).
golden-update:
	$(GO) test -tags $(TAGS) ./golden -run TestGolden -update; st=$$?; python3 corpus/pagespans.py && exit $$st

# Word-level agreement of our text layer with pdftotext on ../shared/realworld.
realworld: build
	$(GO) test -tags $(TAGS) ./extract -run TestRealworldAgreement -v -count=1 -shared $(abspath $(SHARED))

# Score the extractor on the blind stress set (corpus/blind/README.md): scored
# once at the end of issue 8's work. Add SCOREFLAGS=-v to list every mismatch.
blind: build
	$(GO) run -tags $(TAGS) ./corpus/blind/score -bin $(BIN) -dir corpus/blind $(SCOREFLAGS)

# The second blind set (corpus/blind2/README.md): unseen by the developers,
# scored once by the lead at the end of the session.
blind2: build
	$(GO) run -tags $(TAGS) ./corpus/blind/score -bin $(BIN) -dir corpus/blind2 $(SCOREFLAGS)

# The third blind set (corpus/blind3/README.md): unseen by the developers,
# scored once by the lead at the end of the session.
blind3: build
	$(GO) run -tags $(TAGS) ./corpus/blind/score -bin $(BIN) -dir corpus/blind3 $(SCOREFLAGS)

# The fourth blind set (corpus/blind4/README.md): unseen by the developers,
# scored once by the lead at the end of the session.
blind4: build
	$(GO) run -tags $(TAGS) ./corpus/blind/score -bin $(BIN) -dir corpus/blind4 $(SCOREFLAGS)

fuzz:
	./extract/fuzz.sh

# Peak RSS of ingest on a batch of decompression bombs (corpus/bad), four
# workers, against 512 MB (needs GNU time). WORKERS, COPIES, LIMIT_MB tune it.
rss: build
	./corpus/bad/rss.sh $(BIN)

# Mutation test (golden/mutate): flip an operator, negate a condition, change
# a constant or delete a statement in the row rebuilding, the header reader,
# statuses, agencies and the loader, one at a time, and run the tests that
# should notice; reports killed and surviving mutants per file. One mutant at
# a time takes 10-40 seconds, so the full run takes hours on a small machine:
# MUTATEFLAGS='-sample 8' runs every 8th mutant, '-only status.go' one file.
MUTATEFLAGS ?=
mutate:
	nice -n 10 $(GO) run ./golden/mutate $(MUTATEFLAGS)

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm
