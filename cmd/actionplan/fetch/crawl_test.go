package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func site(t *testing.T, line string) Site {
	t.Helper()
	s, err := ParseSite(line)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// wantSummary compares every figure of a summary but the time.
func wantSummary(t *testing.T, run string, got, want Summary) {
	t.Helper()
	got.Seconds, want.Seconds = 0, 0
	gotFail, wantFail := got.Failures, want.Failures
	got.Failures, want.Failures = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: summary\n got %+v\nwant %+v", run, got, want)
	}
	if len(gotFail) != len(wantFail) {
		t.Errorf("%s: failures %+v, want %d", run, gotFail, len(wantFail))
		return
	}
	for i := range wantFail {
		if gotFail[i].URL != wantFail[i].URL || !strings.Contains(gotFail[i].Error, wantFail[i].Error) {
			t.Errorf("%s: failure %d = %+v, want %s with %q", run, i, gotFail[i], wantFail[i].URL, wantFail[i].Error)
		}
	}
}

func sumOf(bodies ...[]byte) int64 {
	var n int64
	for _, b := range bodies {
		n += int64(len(b))
	}
	return n
}

func TestCrawlCouncilTwice(t *testing.T) {
	c := newCouncil(t)
	dir := t.TempDir()
	clock := &testClock{}
	cfg := testConfig(dir, clock)
	var events []Event
	cfg.Progress = func(e Event) { events = append(events, e) }
	sites := []Site{site(t, c.srv.URL+"/dhr/")}
	u := c.srv.URL

	failures := []Failure{
		{URL: u + "/error.pdf", Error: "not a PDF: the server sent an HTML page with status 200"},
		{URL: u + "/missing.pdf", Error: "HTTP 404 Not Found"},
		{URL: u + "/slow.pdf", Error: "timed out after 150ms (after 1 retries)"},
	}
	sum, err := Run(context.Background(), cfg, sites)
	if err != nil {
		t.Fatal(err)
	}
	wantSummary(t, "run 1", sum, Summary{
		Sites: 1, Pages: 1, PDFs: 7, New: 7, Failed: 3, Disallowed: 1, FilesSaved: 6,
		BytesSaved: sumOf(pdfBytes("A"), pdfBytes("B"), pdfBytes("C"), pdfBytes("D"), pdfBytes("E"), pdfBytes("W")),
		// robots.txt, the page, 7 documents, the redirect hop, the 429 and the
		// slow one's retry, the 404, the error page and the slow one.
		Requests: 15, Retries: 2, Into: dir, Sources: filepath.Join(dir, SourcesFile), Failures: failures,
	})
	if !clock.slept(time.Second) {
		t.Errorf("no wait of 1s for the 429's Retry-After: 1 (waits %v)", clock.sleeps)
	}
	c.mu.Lock()
	served := append([]servedRequest(nil), c.requests...)
	c.mu.Unlock()
	for _, r := range served {
		if r.agent != cfg.UserAgent {
			t.Errorf("%s was asked with User-Agent %q", r.path, r.agent)
		}
		if r.path == "/private/secret.pdf" || r.path == "/about" || r.path == "/elsewhere.pdf" || r.path == "/logo.png" {
			t.Errorf("%s was fetched", r.path)
		}
	}
	if len(events) != 1+7+3+1 {
		t.Errorf("%d progress events, want 12: %+v", len(events), events)
	}
	checkFiles(t, dir, "A", "B", "C", "D", "E", "W")

	// Between runs: A is republished, the withdrawn report is taken down.
	c.mu.Lock()
	c.docs["/dhr/a.pdf"] = &servedDoc{body: pdfBytes("A2"), etag: `"a2"`}
	c.docs["/dhr/withdrawn.pdf"].gone = true
	c.mu.Unlock()
	from := c.requestCount()
	sum, err = Run(context.Background(), cfg, sites)
	if err != nil {
		t.Fatal(err)
	}
	wantSummary(t, "run 2", sum, Summary{
		Sites: 1, Pages: 1, PDFs: 6, Changed: 1, Unchanged: 5, Gone: 1, Failed: 3, Disallowed: 1,
		FilesSaved: 1, BytesSaved: sumOf(pdfBytes("A2")), Requests: 14, Retries: 1,
		Into: dir, Sources: filepath.Join(dir, SourcesFile), Failures: failures,
	})
	if got := c.fullDownloads(from); !reflect.DeepEqual(got, []string{"/dhr/a.pdf"}) {
		t.Errorf("second run downloaded %v, want only the changed /dhr/a.pdf", got)
	}
	checkFiles(t, dir, "A", "A2", "B", "C", "D", "E", "W") // the old A and the withdrawn W are kept

	rows := readCSV(t, filepath.Join(dir, SourcesFile))
	if !reflect.DeepEqual(rows[0], SourcesHeader) {
		t.Fatalf("sources.csv header %v", rows[0])
	}
	byURL := map[string][][]string{}
	for _, r := range rows[1:] {
		byURL[r[1]] = append(byURL[r[1]], r)
	}
	if len(rows) != 1+8 {
		t.Errorf("sources.csv has %d rows, want 8 (A twice, B under two URLs, C, D, E, W)", len(rows)-1)
	}
	a := byURL[u+"/dhr/a.pdf"]
	if len(a) != 2 || a[0][5] != hash(pdfBytes("A")) || a[1][5] != hash(pdfBytes("A2")) || a[1][3] != `"a2"` {
		t.Errorf("a.pdf rows %v: want the old and the new version, the new with ETag \"a2\"", a)
	}
	if r := a[0]; r[6] != u+"/dhr/" || r[7] != "DHR Anna: overview report" || r[8] != "" {
		t.Errorf("a.pdf provenance %v", r)
	}
	b, b2 := byURL[u+"/media/b.pdf"], byURL[u+"/copy/b-again.pdf"]
	if len(b) != 1 || len(b2) != 1 || b[0][0] != b2[0][0] || b[0][4] != "Fri, 01 Mar 2024 12:00:00 GMT" {
		t.Errorf("the same bytes under two URLs: %v and %v, want one file, with Last-Modified", b, b2)
	}
	if b[0][7] != "DHR Ben executive summary" {
		t.Errorf("link text %q, want its spaces collapsed", b[0][7])
	}
	if c := byURL[u+"/old/c.pdf"]; len(c) != 1 || c[0][5] != hash(pdfBytes("C")) {
		t.Errorf("the redirected link: %v", c)
	}
	w := byURL[u+"/dhr/withdrawn.pdf"]
	if len(w) != 1 || w[0][8] == "" {
		t.Errorf("withdrawn.pdf %v: want gone_at set", w)
	}
	if e := byURL[u+"/download/123"]; len(e) != 1 || !strings.HasSuffix(e[0][0], "-123.pdf") {
		t.Errorf("a link marked PDF in its text: %v", e)
	}

	// Third run: the listing drops a link; the known document is still
	// checked (not modified), and the withdrawn one stays gone since run 2.
	c.mu.Lock()
	c.pages["/dhr/"] = strings.Replace(c.pages["/dhr/"], `<a href="/download/123">`, `<a href="/nothing">`, 1)
	c.mu.Unlock()
	from = c.requestCount()
	sum3, err := Run(context.Background(), cfg, sites)
	if err != nil {
		t.Fatal(err)
	}
	if sum3.Unchanged != 6 || sum3.Gone != 1 || sum3.New+sum3.Changed+sum3.FilesSaved != 0 {
		t.Errorf("run 3: %+v", sum3)
	}
	if got := c.fullDownloads(from); len(got) != 0 {
		t.Errorf("third run downloaded %v", got)
	}
	w3 := byURL[u+"/dhr/withdrawn.pdf"][0][8]
	if rows := readCSV(t, filepath.Join(dir, SourcesFile)); !containsRow(rows, u+"/dhr/withdrawn.pdf", w3) {
		t.Errorf("gone_at of withdrawn.pdf changed from %s", w3)
	}
}

func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func containsRow(rows [][]string, url, gone string) bool {
	for _, r := range rows {
		if r[1] == url && r[8] == gone {
			return true
		}
	}
	return false
}

// checkFiles checks that dir holds exactly the PDFs with these labels, each
// named by its hash, and no temporary file.
func checkFiles(t *testing.T, dir string, labels ...string) {
	t.Helper()
	var want []string
	for _, l := range labels {
		want = append(want, hash(pdfBytes(l))[:16])
	}
	sort.Strings(want)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		switch {
		case strings.HasSuffix(e.Name(), ".pdf"):
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if !strings.HasPrefix(e.Name(), hash(b)[:16]+"-") {
				t.Errorf("%s does not hold the bytes its name says", e.Name())
			}
			got = append(got, e.Name()[:16])
		case e.Name() == StateFile || e.Name() == SourcesFile:
		default:
			t.Errorf("unexpected file %s in the output folder", e.Name())
		}
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
