package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/actionplan/actionplan/store"
)

const statsUsage = `usage: actionplan stats [--db FILE] [--json]

Print counts of what the database holds: documents by outcome, reviews by
type, and actions by status, scope and agency sector. Recommendations and
actions are counted in the current (newest) version of each plan only.

  --db FILE   the database (default actionplans.db)
  --json      one JSON object on stdout instead of text

Exit status: 0 done, 1 the database cannot be read, 2 bad usage.
`

func init() {
	register(command{name: "stats", summary: "print counts by outcome, review type, status, scope and sector", run: runStats})
}

func runStats(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database file")
	asJSON := fs.Bool("json", false, "JSON output")
	if code, ok := parseFlags(fs, statsUsage, args, s); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usageError(s, "stats", statsUsage, "unexpected argument %q", fs.Arg(0))
	}
	st, err := readStats(ctx, *db)
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

func readStats(ctx context.Context, path string) (store.Stats, error) {
	db, err := openExisting(ctx, path)
	if err != nil {
		return store.Stats{}, err
	}
	defer db.Close()
	return db.Stats(ctx)
}

func writeStats(w io.Writer, path string, st store.Stats) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d documents, %d reviews, %d recommendations, %d actions (%d overdue)\n",
		path, st.Documents, st.Reviews, st.Recommendations, st.Actions, st.Overdue)
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
