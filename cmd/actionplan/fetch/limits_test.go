package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// routes is a small loopback site: path -> handler; robots.txt allows all
// unless given. hits counts requests by path.
type routes struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func serveRoutes(t *testing.T, h map[string]http.HandlerFunc) *routes {
	t.Helper()
	r := &routes{hits: map[string]int{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.hits[req.URL.Path]++
		r.mu.Unlock()
		if f, ok := h[req.URL.Path]; ok {
			f(w, req)
			return
		}
		if req.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
			return
		}
		http.NotFound(w, req)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *routes) count(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits[path]
}

func htmlPage(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>"+body+"</body></html>")
	}
}

func pdfFile(label string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { w.Write(pdfBytes(label)) }
}

func runSites(t *testing.T, cfg Config, lines ...string) Summary {
	t.Helper()
	var sites []Site
	for _, l := range lines {
		sites = append(sites, site(t, l))
	}
	sum, err := Run(context.Background(), cfg, sites)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// The delay spaces the requests to one host (a lower bound on the run's
// time, which a slow machine cannot break), and no more than --per-host run
// at once.
func TestPoliteness(t *testing.T) {
	var mu sync.Mutex
	inflight, most := 0, 0
	slow := func(label string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inflight++
			most = max(most, inflight)
			mu.Unlock()
			time.Sleep(10 * time.Millisecond)
			pdfFile(label)(w, r)
			mu.Lock()
			inflight--
			mu.Unlock()
		}
	}
	h := map[string]http.HandlerFunc{"/list": htmlPage(`<a href="1.pdf">1</a><a href="2.pdf">2</a><a href="3.pdf">3</a><a href="4.pdf">4</a>`)}
	for i := 1; i <= 4; i++ {
		h[fmt.Sprintf("/%d.pdf", i)] = slow(fmt.Sprint(i))
	}
	r := serveRoutes(t, h)
	cfg := testConfig(t.TempDir(), RealClock{})
	cfg.Delay = 25 * time.Millisecond
	start := time.Now()
	sum := runSites(t, cfg, r.srv.URL+"/list")
	if el := time.Since(start); el < 5*cfg.Delay {
		t.Errorf("6 requests to one host took %v, less than 5 delays of %v", el, cfg.Delay)
	}
	if sum.New != 4 || sum.Requests != 6 || most != 1 {
		t.Errorf("%+v, at most %d at once (want 1)", sum, most)
	}

	most = 0
	cfg = testConfig(t.TempDir(), RealClock{})
	cfg.Delay, cfg.PerHost = 0, 2
	sum = runSites(t, cfg, r.srv.URL+"/list")
	if sum.New != 4 || most > 2 {
		t.Errorf("per-host 2: %+v, %d at once", sum, most)
	}
}

func TestLimits(t *testing.T) {
	big := append(pdfBytes("big"), make([]byte, 5000)...)
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/list": htmlPage(`<a href="big.pdf">big</a><a href="chunked.pdf">chunked</a><a href="ok.pdf">ok</a>`),
		"/big.pdf": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			w.Write(big)
		},
		"/chunked.pdf": func(w http.ResponseWriter, _ *http.Request) {
			w.(http.Flusher).Flush() // no Content-Length
			w.Write(big)
		},
		"/ok.pdf": pdfFile("ok"),
		"/p0":     htmlPage(`<a href="/p1">next</a>`),
		"/p1":     htmlPage(`<a href="/p2">next</a>`),
		"/p2":     htmlPage(`<a href="/p3">next</a>`),
		"/p3":     htmlPage(`end`),
		"/stall": func(w http.ResponseWriter, req *http.Request) {
			select {
			case <-req.Context().Done():
			case <-time.After(5 * time.Second):
			}
		},
	})
	dir := t.TempDir()
	cfg := testConfig(dir, &testClock{})
	cfg.MaxBytes = 4000
	sum := runSites(t, cfg, r.srv.URL+"/list")
	if sum.Failed != 2 || sum.New != 1 || sum.FilesSaved != 1 {
		t.Errorf("--max-bytes: %+v", sum)
	}
	for _, f := range sum.Failures {
		if !strings.Contains(f.Error, "larger than the 3.9 KB allowed") {
			t.Errorf("failure %+v", f)
		}
	}
	checkFiles(t, dir, "ok")

	cfg = testConfig(t.TempDir(), &testClock{})
	cfg.MaxPages = 2
	sum = runSites(t, cfg, r.srv.URL+"/p0 depth=5")
	if sum.Pages != 2 || sum.Stopped != "max-pages" || r.count("/p2") != 0 {
		t.Errorf("--max-pages 2: %+v; /p2 asked %d times", sum, r.count("/p2"))
	}

	cfg = testConfig(t.TempDir(), RealClock{})
	cfg.Timeout, cfg.MaxTime = 10*time.Second, 100*time.Millisecond
	start := time.Now()
	sum = runSites(t, cfg, r.srv.URL+"/stall")
	if sum.Stopped != "max-time" || sum.Failed != 0 || time.Since(start) > 3*time.Second {
		t.Errorf("--max-time: %+v after %v", sum, time.Since(start))
	}
}

// Links to other hosts are followed only when a pattern allows them, and
// so are redirects.
func TestHostsAndPatterns(t *testing.T) {
	other := serveRoutes(t, map[string]http.HandlerFunc{"/x.pdf": pdfFile("x")})
	home := serveRoutes(t, map[string]http.HandlerFunc{
		"/list":  htmlPage(fmt.Sprintf(`<a href="%s/x.pdf">x</a><a href="/y.pdf">y</a><a href="/r.pdf">r</a>`, other.srv.URL)),
		"/y.pdf": pdfFile("y"),
		"/r.pdf": func(w http.ResponseWriter, req *http.Request) {
			http.Redirect(w, req, other.srv.URL+"/x.pdf", http.StatusFound)
		},
	})
	cfg := testConfig(t.TempDir(), &testClock{})
	sum := runSites(t, cfg, home.srv.URL+"/list")
	if sum.New != 1 || sum.Failed != 1 || other.count("/x.pdf") != 0 ||
		!strings.Contains(sum.Failures[0].Error, "redirected off the crawl's hosts") {
		t.Errorf("no patterns: %+v; other host asked %d times", sum, other.count("/x.pdf"))
	}
	cfg = testConfig(t.TempDir(), &testClock{})
	sum = runSites(t, cfg, home.srv.URL+"/list "+other.srv.URL+"/* "+home.srv.URL+"/y*")
	if sum.New != 2 || sum.Failed != 0 || home.count("/r.pdf") != 1 {
		t.Errorf("patterns: %+v", sum)
	}
}

// A robots.txt that fails with 5xx keeps the host out of the run.
func TestRobotsUnavailable(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) },
		"/list":       htmlPage(`<a href="a.pdf">a</a>`),
	})
	cfg := testConfig(t.TempDir(), &testClock{})
	sum := runSites(t, cfg, r.srv.URL+"/list")
	if sum.Disallowed != 1 || sum.Failed != 1 || sum.Pages != 0 || r.count("/list") != 0 || r.count("/robots.txt") != 2 ||
		!strings.Contains(sum.Failures[0].Error, "robots.txt could not be read") {
		t.Errorf("%+v", sum)
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/list": htmlPage(`<a href="a.pdf">a</a>`),
		"/a.pdf": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		},
	})
	cfg := testConfig(t.TempDir(), &testClock{})
	sum := runSites(t, cfg, r.srv.URL+"/list")
	if sum.Failed != 1 || r.count("/a.pdf") != 1 || !strings.Contains(sum.Failures[0].Error, "Retry-After 1h0m0s is longer") {
		t.Errorf("%+v", sum)
	}
}

// Depth 2: the listing, a page per review, and their documents, each
// recorded with the page that linked it.
func TestDepthTwo(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/list":           htmlPage(`<a href="/review/1">Review 1</a><a href="/top.pdf">Top</a>`),
		"/review/1":       htmlPage(`<a href="/files/plan.pdf">The action plan</a><a href="/review/deeper">deeper</a>`),
		"/top.pdf":        pdfFile("top"),
		"/files/plan.pdf": pdfFile("plan"),
	})
	dir := t.TempDir()
	sum := runSites(t, testConfig(dir, &testClock{}), r.srv.URL+"/list depth=2")
	if sum.Pages != 2 || sum.New != 2 || r.count("/review/deeper") != 0 {
		t.Errorf("%+v", sum)
	}
	st, err := LoadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := st.Documents[r.srv.URL+"/files/plan.pdf"]
	if d == nil || d.Referrer != r.srv.URL+"/review/1" || d.LinkText != "The action plan" {
		t.Errorf("state of plan.pdf: %+v", d)
	}
}

// An interrupted run keeps what it fetched: the state and sources.csv are
// written, no temporary file is left, and the error says so.
func TestInterrupted(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/list":  htmlPage(`<a href="a.pdf">a</a><a href="b.pdf">b</a>`),
		"/a.pdf": pdfFile("a"),
		"/b.pdf": pdfFile("b"),
	})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".fetch-123.part"), []byte("left by a killed run"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := testConfig(dir, &testClock{})
	cfg.Progress = func(e Event) {
		if e.Status == "new" {
			cancel()
		}
	}
	sum, err := Run(ctx, cfg, []Site{site(t, r.srv.URL+"/list")})
	if err == nil || !strings.Contains(err.Error(), "interrupted") || sum.New != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
	checkFiles(t, dir, "a")
	if rows := readCSV(t, filepath.Join(dir, SourcesFile)); len(rows) != 2 {
		t.Errorf("sources.csv: %v", rows)
	}
	// A corrupt state file stops the next run before any request.
	os.WriteFile(filepath.Join(dir, StateFile), []byte("{not json"), 0o644)
	before := r.count("/list")
	if _, err := Run(context.Background(), cfg, []Site{site(t, r.srv.URL+"/list")}); err == nil ||
		!strings.Contains(err.Error(), StateFile) || r.count("/list") != before {
		t.Errorf("corrupt state: %v", err)
	}
}

// At the last level, extension-less links under paths documents are served
// from are tried: a PDF is saved, anything else counted as other, not
// failed. Other links without a PDF sign are not fetched.
func TestDocumentLikeLinks(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/list": htmlPage(`<a href="/downloads/file/77/dhr-summary">DHR summary</a>
<a href="/downloads/download/5/reviews">All review documents</a>
<a href="/mgConvert2PDF.aspx?ID=9">Minutes</a>
<a href="/news/today">News</a><a href="/contact">Contact</a>`),
		"/downloads/file/77/dhr-summary": pdfFile("summary"),
		"/downloads/download/5/reviews":  htmlPage(`<a href="/downloads/file/78/x">x</a>`),
		"/mgConvert2PDF.aspx":            pdfFile("minutes"),
	})
	dir := t.TempDir()
	sum := runSites(t, testConfig(dir, &testClock{}), r.srv.URL+"/list")
	if sum.New != 2 || sum.Other != 1 || sum.Failed != 0 || sum.Pages != 1 ||
		r.count("/news/today")+r.count("/contact")+r.count("/downloads/file/78/x") != 0 {
		t.Errorf("%+v", sum)
	}
	checkFiles(t, dir, "summary", "minutes")
}

// Redirects are bounded, and each hop is checked against robots.txt.
func TestRedirects(t *testing.T) {
	r := serveRoutes(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n") },
		"/list":       htmlPage(`<a href="/loop.pdf">loop</a><a href="/to-private.pdf">private</a><a href="/two.pdf">two hops</a>`),
		"/loop.pdf": func(w http.ResponseWriter, req *http.Request) {
			http.Redirect(w, req, "/loop.pdf?again", http.StatusFound)
		},
		"/to-private.pdf": func(w http.ResponseWriter, req *http.Request) {
			http.Redirect(w, req, "/private/a.pdf", http.StatusTemporaryRedirect)
		},
		"/private/a.pdf": pdfFile("private"),
		"/two.pdf": func(w http.ResponseWriter, req *http.Request) {
			http.Redirect(w, req, "/one.pdf", http.StatusMovedPermanently)
		},
		"/one.pdf": func(w http.ResponseWriter, req *http.Request) {
			http.Redirect(w, req, "/files/final.pdf", http.StatusSeeOther)
		},
		"/files/final.pdf": pdfFile("final"),
	})
	dir := t.TempDir()
	sum := runSites(t, testConfig(dir, &testClock{}), r.srv.URL+"/list")
	if sum.New != 1 || sum.Failed != 1 || sum.Disallowed != 1 || r.count("/private/a.pdf") != 0 ||
		r.count("/loop.pdf") != maxRedirects || !strings.Contains(sum.Failures[0].Error, "more than 10 redirects") {
		t.Errorf("%+v; /loop.pdf asked %d times", sum, r.count("/loop.pdf"))
	}
	checkFiles(t, dir, "final")
}
