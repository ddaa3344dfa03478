package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/actionplan/actionplan/store"
)

const statsUsage = `usage: actionplan stats [--db FILE] [--as-of YYYY-MM-DD] [--json]

Print counts of what the database holds: documents by outcome, reviews by
type, and actions by status, scope and agency sector. Recommendations and
actions are counted in the current version of each plan only: a plan loaded
in several versions, or printed several times, counts once. An action is
overdue when its status says it is not completed and its whole target period
ended before the plan's own as-of date (or --as-of); an action without a
status is never overdue.

  --db FILE          the database (default actionplans.db)
  --as-of DATE       count overdue actions at this date instead of each
                     plan's own as-of date
  --json             one JSON object on stdout instead of text

Exit status: 0 done, 1 the database cannot be read, 2 bad usage.
`

func init() {
	register(command{name: "stats", summary: "print counts by outcome, review type, status, scope and sector", run: runStats})
}

func runStats(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database file")
	asJSON := fs.Bool("json", false, "JSON output")
	asOf := fs.String("as-of", "", "date overdue is measured at (YYYY-MM-DD)")
	if code, ok := parseFlags(fs, statsUsage, args, s); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usageError(s, "stats", statsUsage, "unexpected argument %q", fs.Arg(0))
	}
	if *asOf != "" && !isDay(*asOf) {
		return usageError(s, "stats", statsUsage, "--as-of must be a date YYYY-MM-DD, not %q", *asOf)
	}
	st, err := readStats(ctx, *db, store.StatsOptions{AsOf: *asOf})
	if err != nil {
		fmt.Fprintf(s.Err, "actionplan stats: %v\n", err)
		return ExitFailure
	}
	if *asJSON {
		b, _ := json.MarshalIndent(st, "", "  ")
		fmt.Fprintf(s.Out, "%s\n", b)
		return ExitOK
	}
	writeStats(s.Out, *db, st)
	return ExitOK
}

func readStats(ctx context.Context, path string, opt store.StatsOptions) (store.Stats, error) {
	db, err := openExisting(ctx, path)
	if err != nil {
		return store.Stats{}, err
	}
	defer db.Close()
	return db.Stats(ctx, opt)
}

func writeStats(w io.Writer, path string, st store.Stats) {
	var b strings.Builder
	at := "at each plan's as-of date"
	if st.AsOf != "" {
		at = "at " + st.AsOf
	}
	fmt.Fprintf(&b, "%s: %d documents, %d reviews, %d current plans, %d duplicates; "+
		"%d recommendations, %d actions (%d overdue %s)\n",
		path, st.Documents, st.Reviews, st.CurrentPlans, st.Duplicates, st.Recommendations, st.Actions, st.Overdue, at)
	for _, g := range []struct {
		title string
		m     map[string]int
	}{
		{"documents by outcome", st.ByOutcome},
		{"reviews by type", st.ByReviewType},
		{"actions by status", st.ByStatus},
		{"actions by scope", st.ByScope},
		{"actions by agency sector", st.BySector},
	} {
		fmt.Fprintf(&b, "\n%s:\n", g.title)
		if len(g.m) == 0 {
			b.WriteString("  (none loaded)\n")
		}
		for _, k := range byCount(g.m) {
			name := k
			if name == "" {
				name = "(none)"
			}
			fmt.Fprintf(&b, "  %-28s %7d\n", name, g.m[k])
		}
	}
	io.WriteString(w, b.String())
}

// byCount orders a map's keys by falling count, then name.
func byCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// isDay reports a valid calendar date written YYYY-MM-DD.
func isDay(s string) bool {
	t, err := time.Parse("2006-01-02", s)
	return err == nil && t.Format("2006-01-02") == s
}
