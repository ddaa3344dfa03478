package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// run calls Run in-process and returns its status, stdout and stderr.
func runCLI(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// mustRun calls Run and fails the test unless the status is want.
func mustRunCLI(t testing.TB, want int, args ...string) (string, string) {
	t.Helper()
	code, out, errs := runCLI(t, args...)
	if code != want {
		t.Fatalf("actionplan %s: status %d, want %d\nstderr:\n%s", strings.Join(args, " "), code, want, errs)
	}
	return out, errs
}

// samplePlans writes n plan PDFs (plan-001.pdf, ...) into dir.
func samplePlans(t testing.TB, dir string, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := 1; i <= n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("plan-%03d.pdf", i))
		writeTestFile(t, p, samplePlan(i).pdfBytes())
		paths = append(paths, p)
	}
	return paths
}

// requireExtractor fails the test at once, with the reason, when the
// extractor cannot read a sample plan, the input every caller builds on.
func requireExtractor(t testing.TB) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe.pdf")
	writeTestFile(t, p, samplePlan(1).pdfBytes())
	doc := extract.File(context.Background(), p, extract.Options{})
	if doc.Outcome != extract.OutcomeOK {
		t.Fatalf("the extractor does not read a sample plan (outcome %s: %v)", doc.Outcome, doc.Err)
	}
}

// ingestSummary runs ingest --json and decodes the summary.
func ingestSummary(t testing.TB, want int, args ...string) runSummary {
	t.Helper()
	out, _ := mustRunCLI(t, want, append([]string{"ingest", "--json"}, args...)...)
	var s runSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	return s
}

// binary builds the real actionplan binary into a temporary folder.
func binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "actionplan")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
