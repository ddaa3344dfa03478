// Command score measures the extractor on the blind stress set: for each
// truth file it runs `actionplan inspect --format jsonl` on the PDF (or reads
// a saved output), pairs the records in document order and prints, per file
// and in total, cell accuracy, files with every row exact, field accuracy,
// status accuracy, outcome accuracy and review identity accuracy.
//
// Usage:
//
//	score [-bin bin/actionplan] [-dir corpus/blind] [-outputs DIR] [-save DIR] [-v] [-json]
//
// The set is scored once, at the end of the work: see corpus/blind/README.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"
)

type options struct {
	bin     string
	dir     string
	outputs string
	save    string
	verbose bool
	asJSON  bool
	timeout time.Duration
	match   string
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/actionplan", "the actionplan binary to run")
	flag.StringVar(&o.dir, "dir", "corpus/blind", "the blind set (with truth/ and pdf/)")
	flag.StringVar(&o.outputs, "outputs", "", "read saved outputs DIR/<pdf>.jsonl instead of running the binary")
	flag.StringVar(&o.save, "save", "", "also save each output as DIR/<pdf>.jsonl")
	flag.BoolVar(&o.verbose, "v", false, "print every mismatch")
	flag.BoolVar(&o.asJSON, "json", false, "print the scores as one JSON object")
	flag.DurationVar(&o.timeout, "timeout", 2*time.Minute, "time allowed for one file")
	flag.StringVar(&o.match, "match", "", "score only the files whose name matches this regular expression")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "score: unexpected arguments:", strings.Join(flag.Args(), " "))
		os.Exit(2)
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(1)
	}
}

func run(o options, w io.Writer) error {
	truths, err := loadTruths(filepath.Join(o.dir, "truth"))
	if err != nil {
		return err
	}
	if o.save != "" {
		if err := os.MkdirAll(o.save, 0o755); err != nil {
			return err
		}
	}
	var only *regexp.Regexp
	if o.match != "" {
		if only, err = regexp.Compile(o.match); err != nil {
			return fmt.Errorf("-match: %w", err)
		}
	}
	var files []Score
	var total Score
	for _, t := range truths {
		if only != nil && !only.MatchString(t.File) {
			continue
		}
		fmt.Fprintf(os.Stderr, "score: %s\n", t.File)
		got, ferr := o.records(t.File)
		s := scoreFile(t, got)
		if ferr != nil {
			s.Error = ferr.Error()
		}
		total.add(s)
		files = append(files, s)
	}
	if o.asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(map[string]any{"files": files, "total": total})
	}
	report(w, files, total, o.verbose)
	return nil
}

// records gets one file's extracted records, from a saved output or by
// running the binary. A failure of the extractor is returned with whatever
// records it printed, and is scored as such, not as a failure of the scorer.
func (o options) records(file string) ([]Got, error) {
	var out []byte
	var runErr error
	if o.outputs != "" {
		b, err := os.ReadFile(filepath.Join(o.outputs, file+".jsonl"))
		if err != nil {
			return nil, err
		}
		out = b
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, o.bin, "inspect", "--format", "jsonl", filepath.Join(o.dir, "pdf", file))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		out = b
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				return nil, fmt.Errorf("running %s: %w", o.bin, err)
			}
			runErr = fmt.Errorf("exit %d: %s", ee.ExitCode(), strings.TrimSpace(stderr.String()))
		}
	}
	if o.save != "" {
		if err := os.WriteFile(filepath.Join(o.save, file+".jsonl"), out, 0o644); err != nil {
			return nil, err
		}
	}
	got, err := parseJSONL(out)
	if err != nil {
		return got, err
	}
	return got, runErr
}

func report(w io.Writer, files []Score, total Score, verbose bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "file\toutcome\trows want/got\tcells\tfields\tstatus\tall rows\treview\t")
	for _, s := range files {
		rows := "-"
		if s.PlanFiles == 1 {
			rows = yesNo(s.RowsExactFiles == 1)
		}
		rev := "-"
		if s.ReviewFiles == 1 {
			rev = fmt.Sprintf("%d/3", s.TypeRight+s.AreaRight+s.PseudonymRight)
		}
		out := yesNo(s.OutcomeRight == 1) + " " + s.Outcome
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t%s\t%s\t\n", s.File, out, s.WantRows, s.GotRows,
			s.CellsExact, s.Cells, s.FieldsExact, s.Fields, s.StatusExact, s.Status, rows, rev)
	}
	tw.Flush()
	if verbose {
		for _, s := range files {
			if s.Error == "" && len(s.Mismatches) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n== %s\n", s.File)
			if s.Error != "" {
				fmt.Fprintf(w, "  error: %s\n", s.Error)
			}
			for _, m := range s.Mismatches {
				fmt.Fprintf(w, "  %s\n", m)
			}
		}
	}
	fmt.Fprintf(w, "\nTOTAL over %d files (%d plan files, %d records expected, %d extracted; %d missing, %d extra)\n",
		total.OutcomeFiles, total.PlanFiles, total.WantRows, total.GotRows, total.Missing, total.Extra)
	line := func(name string, n, d int) {
		fmt.Fprintf(w, "  %-34s %.4f  (%d/%d)\n", name, ratio(n, d), n, d)
	}
	line("cell accuracy", total.CellsExact, total.Cells)
	line("plan files with every row exact", total.RowsExactFiles, total.PlanFiles)
	line("  ... and every field exact", total.StrictFiles, total.PlanFiles)
	line("field accuracy", total.FieldsExact, total.Fields)
	line("status accuracy", total.StatusExact, total.Status)
	line("outcome accuracy", total.OutcomeRight, total.OutcomeFiles)
	line("review type accuracy", total.TypeRight, total.ReviewFiles)
	line("review area accuracy", total.AreaRight, total.ReviewFiles)
	line("review pseudonym accuracy", total.PseudonymRight, total.ReviewFiles)
	var failed []string
	for _, s := range files {
		if s.Error != "" {
			failed = append(failed, s.File)
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(w, "  extractor errors on %d files: %s\n", len(failed), strings.Join(failed, ", "))
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "NO"
}
