package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/actionplan/actionplan/store"
)

const reportUsage = `usage: actionplan report [--db FILE] [--json]

Print the quality report of a database: what to look at before counting.
Documents linked to no review; no_plan documents that show tables (a plan
the extractor may have missed); agency names matched to nothing in the
registry, with how often they occur; action rows of current plans missing a
key field (recommendation, action, lead agency, target date, status);
status texts that were printed but not recognized; documents flagged as
duplicates of another; quality flags by code.

  --db FILE   the database (default actionplans.db)
  --json      one JSON object on stdout instead of text

Exit status: 0 done, 1 the database cannot be read, 2 bad usage.
`

func init() {
	register(command{name: "report", summary: "print a quality report: unidentified documents, unmatched agencies, gaps, duplicates", run: runReport})
}

func runReport(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database file")
	asJSON := fs.Bool("json", false, "JSON output")
	if code, ok := parseFlags(fs, reportUsage, args, s); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usageError(s, "report", reportUsage, "unexpected argument %q", fs.Arg(0))
	}
	r, err := readReport(ctx, *db)
	if err != nil {
		fmt.Fprintf(s.Err, "actionplan report: %v\n", err)
		return ExitFailure
	}
	if *asJSON {
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Fprintf(s.Out, "%s\n", b)
		return ExitOK
	}
	writeReport(s.Out, *db, r)
	return ExitOK
}

func readReport(ctx context.Context, path string) (store.Report, error) {
	db, err := openExisting(ctx, path)
	if err != nil {
		return store.Report{}, err
	}
	defer db.Close()
	return db.Report(ctx)
}

// writeReport prints the report as text, one section per check, each with
// its count in the heading.
func writeReport(w io.Writer, path string, r store.Report) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: quality report on %d documents\n", path, r.Documents)
	section := func(title string, n int) {
		fmt.Fprintf(&b, "\n%s: %d\n", title, n)
		if n == 0 {
			b.WriteString("  (none)\n")
		}
	}
	section("documents with no review", len(r.WithoutReview))
	for _, d := range r.WithoutReview {
		fmt.Fprintf(&b, "  %-8s %s\n", d.Outcome, d.Path)
	}
	section("no_plan documents that show tables", len(r.NoPlanWithTables))
	for _, d := range r.NoPlanWithTables {
		fmt.Fprintf(&b, "  %3d tables  %s\n", d.Tables, d.Path)
	}
	section("agency names matched to nothing", len(r.UnmatchedAgencies))
	for _, a := range r.UnmatchedAgencies {
		fmt.Fprintf(&b, "  %5d mentions in %3d documents  %s\n", a.Mentions, a.Documents, a.Name)
	}
	empty := 0
	for _, f := range r.EmptyKeyFields {
		empty += f.Rows
	}
	section("empty key fields in current plans (rows)", empty)
	for _, f := range r.EmptyKeyFields {
		var where []string
		for _, l := range f.First {
			where = append(where, fmt.Sprintf("%s row %d p.%d", l.File, l.Seq, l.Page))
		}
		more := ""
		if f.Rows > len(f.First) {
			more = ", ..."
		}
		fmt.Fprintf(&b, "  %-15s %5d  (%s%s)\n", f.Field, f.Rows, strings.Join(where, "; "), more)
	}
	section("statuses not recognized", len(r.UnreadStatuses))
	for _, st := range r.UnreadStatuses {
		fmt.Fprintf(&b, "  %5d  %q\n", st.Rows, st.Printed)
	}
	section("duplicates", len(r.Duplicates))
	for _, d := range r.Duplicates {
		fmt.Fprintf(&b, "  %s  duplicate of  %s\n", d.File, d.OriginalFile)
	}
	section("documents with quality flags, by code", len(r.Flags))
	for _, k := range byCount(r.Flags) {
		fmt.Fprintf(&b, "  %-28s %5d\n", k, r.Flags[k])
	}
	io.WriteString(w, b.String())
}
