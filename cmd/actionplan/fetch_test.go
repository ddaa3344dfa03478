package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actionplan/actionplan/cmd/actionplan/fetch"
)

// planSite serves a listing page linking two sample plans and a broken link,
// on loopback; gone makes the second plan answer 410.
type planSite struct {
	srv  *httptest.Server
	mu   sync.Mutex
	gone bool
}

func newPlanSite(t *testing.T) *planSite {
	t.Helper()
	p := &planSite{}
	plans := map[string][]byte{"/files/dhr-1.pdf": samplePlan(1).pdfBytes(), "/files/dhr-2.pdf": samplePlan(2).pdfBytes()}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		gone := p.gone
		p.mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
		case "/reviews":
			fmt.Fprint(w, `<html><body><h1>Reviews</h1>
<a href="files/dhr-1.pdf">DHR 1 action plan</a>
<a href="/files/dhr-2.pdf">DHR 2 action plan (PDF)</a>
<a href="/files/broken.pdf">Broken link</a>
<a href="/admin/x.pdf">Admin</a>
<a href="/more">More reviews</a></body></html>`)
		default:
			b, ok := plans[r.URL.Path]
			if !ok || (gone && r.URL.Path == "/files/dhr-2.pdf") {
				http.Error(w, "gone", http.StatusGone)
				return
			}
			w.Header().Set("ETag", `"`+r.URL.Path+`"`)
			if r.Header.Get("If-None-Match") == `"`+r.URL.Path+`"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write(b)
		}
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// fastFetch are the flags that make a fetch quick on loopback.
var fastFetch = []string{"--delay", "1ms", "--backoff", "1ms", "--timeout", "5s", "--contact", "test@example.org"}

func fetchSummary(t *testing.T, want int, args ...string) (fetch.Summary, string) {
	t.Helper()
	out, errs := mustRunCLI(t, want, append(append([]string{"fetch", "--json"}, fastFetch...), args...)...)
	var s fetch.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	return s, errs
}

// summaryFigures reads the numbers of the plain summary line, in order.
func summaryFigures(t *testing.T, stderr string) []string {
	t.Helper()
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "fetch: ") && strings.Contains(line, " sites, ") {
			return regexp.MustCompile(`\d+(\.\d+)?`).FindAllString(line, -1)
		}
	}
	t.Fatalf("no summary line in\n%s", stderr)
	return nil
}

func TestFetchThenIngest(t *testing.T) {
	requireExtractor(t)
	site := newPlanSite(t)
	dir := t.TempDir()
	pdfs := filepath.Join(dir, "pdfs")
	sites := filepath.Join(dir, "sites.txt")
	writeTestFile(t, sites, []byte("# councils\n\n"+site.srv.URL+"/reviews depth=1\n"))

	sum, errs := fetchSummary(t, ExitSomeFailed, "--sites", sites, "--into", pdfs)
	if sum.Sites != 1 || sum.Pages != 1 || sum.PDFs != 2 || sum.New != 2 || sum.Changed != 0 || sum.Unchanged != 0 ||
		sum.Gone != 0 || sum.Failed != 1 || sum.Disallowed != 1 || sum.Other != 0 || sum.FilesSaved != 2 ||
		sum.Requests != 5 || sum.Retries != 0 || sum.Stopped != "" || len(sum.Failures) != 1 {
		t.Fatalf("first fetch: %+v", sum)
	}
	b1, b2 := samplePlan(1).pdfBytes(), samplePlan(2).pdfBytes()
	if sum.BytesSaved != int64(len(b1)+len(b2)) {
		t.Errorf("bytes saved %d, want %d", sum.BytesSaved, len(b1)+len(b2))
	}
	if f := sum.Failures[0]; f.URL != site.srv.URL+"/files/broken.pdf" || f.Error != "HTTP 410 Gone" ||
		f.Referrer != site.srv.URL+"/reviews" {
		t.Errorf("failure %+v", f)
	}
	// The plain line says the same figures as the JSON, in its order.
	want := []string{"1", "1", "2", "2", "0", "0", "0", "1", "1", "0", "2",
		strings.Fields(fetch.FormatBytes(sum.BytesSaved))[0], "5", "0", fmt.Sprintf("%.1f", sum.Seconds)}
	if got := summaryFigures(t, errs); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("summary line figures %v, want %v\n%s", got, want, errs)
	}
	if !strings.Contains(errs, "fetch: failed "+site.srv.URL+"/files/broken.pdf: HTTP 410 Gone (linked from "+site.srv.URL+"/reviews)") {
		t.Errorf("the failure is not listed:\n%s", errs)
	}

	db := filepath.Join(dir, "plans.db")
	srcs := filepath.Join(pdfs, fetch.SourcesFile)
	out, ierrs := mustRunCLI(t, ExitOK, "ingest", "--json", "--db", db, "--sources", srcs, pdfs)
	var is runSummary
	if err := json.Unmarshal([]byte(out), &is); err != nil || is.New != 2 || is.Sources != 2 ||
		!strings.Contains(ierrs, "ingest: 2 source URLs recorded (table sources)") {
		t.Fatalf("ingest: %+v, %v\n%s", is, err, ierrs)
	}
	sdb := openSQL(t, db)
	var url, ref, text string
	if err := sdb.QueryRow(`SELECT s.url, s.referrer, s.link_text FROM sources s JOIN documents d ON d.id = s.document_id
		WHERE d.sha256 = ?`, sha(b2)).Scan(&url, &ref, &text); err != nil {
		t.Fatal(err)
	}
	if url != site.srv.URL+"/files/dhr-2.pdf" || ref != site.srv.URL+"/reviews" || text != "DHR 2 action plan (PDF)" {
		t.Errorf("source of plan 2: %q %q %q", url, ref, text)
	}

	// The second night: plan 2 is taken down; nothing is downloaded again.
	site.mu.Lock()
	site.gone = true
	site.mu.Unlock()
	sum, _ = fetchSummary(t, ExitSomeFailed, "--sites", sites, "--into", pdfs)
	if sum.PDFs != 1 || sum.New != 0 || sum.Unchanged != 1 || sum.Gone != 1 || sum.Failed != 1 || sum.FilesSaved != 0 ||
		sum.BytesSaved != 0 {
		t.Fatalf("second fetch: %+v", sum)
	}
	if s := ingestSummary(t, ExitOK, "--db", db, "--sources", srcs, pdfs); s.Unchanged != 2 || s.Sources != 2 {
		t.Fatalf("second ingest: %+v", s)
	}
	// The analyst's question: which plans are no longer published?
	rows, err := sdb.Query(`SELECT d.file, s.url FROM sources s JOIN documents d ON d.id = s.document_id
		WHERE s.gone_at IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	var gone []string
	for rows.Next() {
		var f, u string
		rows.Scan(&f, &u)
		gone = append(gone, u)
		if _, err := os.Stat(filepath.Join(pdfs, f)); err != nil {
			t.Errorf("the file of a gone plan was removed: %v", err)
		}
	}
	rows.Close()
	if len(gone) != 1 || gone[0] != site.srv.URL+"/files/dhr-2.pdf" {
		t.Errorf("gone plans %v", gone)
	}
}

func TestFetchUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "sites.txt")
	writeTestFile(t, bad, []byte("https://example.org/ok\nftp://example.org/x\n"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--sites", bad}, "--into DIR is required"},
		{[]string{"--into", dir}, "no sites"},
		{[]string{"--into", dir, "--sites", bad}, "sites.txt:2"},
		{[]string{"--into", dir, "--max-bytes", "lots", "https://example.org/"}, "--max-bytes"},
		{[]string{"--into", dir, "--depth", "-1", "https://example.org/"}, "--depth"},
		{[]string{"--into", dir, "--per-host", "0", "https://example.org/"}, "--per-host"},
		{[]string{"--into", dir, "--timeout", "0s", "https://example.org/"}, "--timeout"},
		{[]string{"--into", dir, "--nope"}, "flag provided but not defined"},
	} {
		code, _, errs := runCLI(t, append([]string{"fetch"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("fetch %v: status %d, want 2 with %q\n%s", tc.args, code, tc.want, errs)
		}
	}
	if code, out, _ := runCLI(t, "fetch", "-h"); code != ExitOK || !strings.Contains(out, "--max-time") {
		t.Errorf("fetch -h: %d\n%s", code, out)
	}
	// A sites file that cannot be read: the run failed.
	if code, _, _ := runCLI(t, "fetch", "--into", dir, "--sites", filepath.Join(dir, "none.txt")); code != ExitFailure {
		t.Errorf("missing sites file: status %d, want 1", code)
	}
}

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestFetchFlagsDocumented checks that every flag of fetch is in its help
// and in the README's Fetch section, and that the README shows the nightly
// job with both commands.
func TestFetchFlagsDocumented(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "\n## Fetch\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Fetch" section`)
	}
	section := text[start+1:]
	if end := strings.Index(section[1:], "\n## "); end >= 0 {
		section = section[:end+1]
	}
	fs, _ := fetchFlags()
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		if !strings.Contains(fetchUsage, "--"+f.Name+" ") {
			t.Errorf("--%s is not in fetch -h", f.Name)
		}
		if !strings.Contains(section, "`--"+f.Name) {
			t.Errorf("--%s is not in the README's Fetch section", f.Name)
		}
	})
	if n < 15 {
		t.Errorf("%d flags", n)
	}
	cron := regexp.MustCompile(`(?m)^\S+ \S+ \* \* \* .*actionplan fetch --sites \S+ --into (\S+).*; .*actionplan ingest .*--sources (\S+)/sources\.csv`)
	m := cron.FindStringSubmatch(section)
	if m == nil || strings.TrimSuffix(m[1], "/") != m[2] {
		t.Errorf("the README's Fetch section shows no crontab line with fetch then ingest of the same folder")
	}
	// The sites file example parses.
	ex := regexp.MustCompile("(?s)```\n(# Domestic.*?)```").FindStringSubmatch(section)
	if ex == nil {
		t.Fatal("no sites file example")
	}
	sites, err := fetch.ParseSites(strings.NewReader(ex[1]), "README")
	if err != nil || len(sites) != 3 || sites[1].Depth != 2 || len(sites[2].Patterns) != 2 {
		t.Errorf("the README's sites file example: %v, %+v", err, sites)
	}
}

// A limit that ends the crawl early is reported, with status 3.
func TestFetchStoppedEarly(t *testing.T) {
	site := newPlanSite(t)
	pdfs := filepath.Join(t.TempDir(), "pdfs")
	sum, errs := fetchSummary(t, ExitSomeFailed, "--into", pdfs, "--depth", "2", "--max-pages", "1", site.srv.URL+"/reviews")
	if sum.Stopped != "max-pages" || sum.Pages != 1 || sum.New != 2 || sum.Failed != 1 ||
		!strings.Contains(errs, "fetch: stopped early: --max-pages reached") {
		t.Errorf("%+v\n%s", sum, errs)
	}
	// Without the limit the same crawl visits the second page (which is
	// gone: one more failure), and a run with nothing failing exits 0.
	sum, _ = fetchSummary(t, ExitSomeFailed, "--into", pdfs, "--depth", "2", site.srv.URL+"/reviews")
	if sum.Stopped != "" || sum.Failed != 2 || sum.Unchanged != 2 {
		t.Errorf("%+v", sum)
	}
	if _, errs := fetchSummary(t, ExitOK, "--into", pdfs, site.srv.URL+"/files/dhr-1.pdf"); !strings.Contains(errs, "0 failed") {
		t.Errorf("one document by URL:\n%s", errs)
	}
}

// On a terminal, progress is a spinner with a count, and failures are
// printed above it; the summary follows. Run in tmux.
func TestFetchProgressOnTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := binary(t)
	site := newPlanSite(t)
	dir := t.TempDir()
	done := filepath.Join(dir, "done")
	session := fmt.Sprintf("apfetch%d", os.Getpid())
	cmd := fmt.Sprintf("%s fetch --into %s --delay 20ms --contact t@example.org %s/reviews; echo status=$? > %s; sleep 30",
		bin, filepath.Join(dir, "pdfs"), site.srv.URL, done)
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "40", cmd).CombinedOutput(); err != nil {
		t.Skipf("tmux cannot start a session: %v %s", err, out)
	}
	defer exec.Command("tmux", "kill-session", "-t", session).Run()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if b, err := os.ReadFile(done); err == nil {
			if !strings.Contains(string(b), "status=3") {
				t.Errorf("exit %s", b)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("fetch did not finish in tmux")
		}
		time.Sleep(50 * time.Millisecond)
	}
	screen, err := exec.Command("tmux", "capture-pane", "-p", "-t", session).Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(screen)
	if !strings.Contains(text, "failed     "+site.srv.URL+"/files/broken.pdf: HTTP 410 Gone") ||
		!strings.Contains(text, "fetch: 1 sites, 1 pages, 2 PDFs: 2 new") {
		t.Errorf("screen:\n%s", text)
	}
	if strings.Contains(text, "new        "+site.srv.URL) {
		t.Errorf("a line per document on a terminal:\n%s", text)
	}
}
