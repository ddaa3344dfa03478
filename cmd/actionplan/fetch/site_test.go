package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// council is a fake council web site on loopback: a listing page with
// relative and absolute links, a redirect, a robots.txt that disallows a
// path, a 404, an HTML error page served with 200, a slow document, a 429
// with Retry-After, and the same PDF under two URLs. Its documents answer
// conditional requests; tests change them between runs.
type council struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	docs     map[string]*servedDoc // path -> document
	pages    map[string]string     // path -> HTML
	busy     int                   // 429s still to send on /busy.pdf
	requests []servedRequest
}

type servedDoc struct {
	body         []byte
	etag         string
	lastModified time.Time // zero: no Last-Modified
	gone         bool      // answer 404
}

type servedRequest struct {
	path      string
	status    int
	agent     string
	full      bool // a PDF body was sent
	startedAt time.Time
}

// pdfBytes is a small file with the PDF header (junk before it, as readers
// allow) and a distinct body.
func pdfBytes(label string) []byte {
	return []byte("\n%PDF-1.4\n% " + label + "\n" + strings.Repeat("stream data "+label+"\n", 20) + "%%EOF\n")
}

func newCouncil(t *testing.T) *council {
	c := &council{t: t, docs: map[string]*servedDoc{}, pages: map[string]string{}, busy: 1}
	c.srv = httptest.NewServer(http.HandlerFunc(c.serve))
	t.Cleanup(c.srv.Close)
	lm := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c.docs["/dhr/a.pdf"] = &servedDoc{body: pdfBytes("A"), etag: `"a1"`}
	c.docs["/media/b.pdf"] = &servedDoc{body: pdfBytes("B"), lastModified: lm}
	c.docs["/media/c.pdf"] = &servedDoc{body: pdfBytes("C"), etag: `"c1"`}
	c.docs["/copy/b-again.pdf"] = &servedDoc{body: pdfBytes("B"), etag: `"b-copy"`}
	c.docs["/busy.pdf"] = &servedDoc{body: pdfBytes("D"), etag: `"d1"`}
	c.docs["/download/123"] = &servedDoc{body: pdfBytes("E"), etag: `"e1"`}
	c.docs["/dhr/withdrawn.pdf"] = &servedDoc{body: pdfBytes("W"), etag: `"w1"`}
	c.docs["/private/secret.pdf"] = &servedDoc{body: pdfBytes("S")}
	c.pages["/dhr/"] = `<!doctype html><html><head><title>Domestic Homicide Reviews</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="#main">Skip</a></nav>
<h1>Domestic homicide reviews</h1>
<ul>
 <li><a href="a.pdf">DHR Anna: overview report</a></li>
 <li><a href="` + c.srv.URL + `/media/b.pdf">
      DHR Ben  executive summary</a></li>
 <li><a href="/old/c.pdf">DHR Cara action plan</a></li>
 <li><a href="/copy/b-again.pdf">Ben (copy)</a></li>
 <li><a href="/busy.pdf">DHR Dee</a></li>
 <li><a href="/download/123">Annual report (PDF, 1 MB)</a></li>
 <li><a href="withdrawn.pdf">DHR Will</a></li>
 <li><a href="/private/secret.pdf">Secret</a></li>
 <li><a href="/missing.pdf">Missing report</a></li>
 <li><a href="/error.pdf">Report with an error page</a></li>
 <li><a href="/slow.pdf">Slow report</a></li>
 <li><a href="` + strings.Replace(c.srv.URL, "127.0.0.1", "localhost", 1) + `/elsewhere.pdf">On another host</a></li>
 <li><a href="mailto:dhr@example.gov.uk">Contact</a> <a href="/logo.png">logo</a></li>
</ul></body></html>`
	c.pages["/about"] = `<html><body><a href="/media/about.pdf">About (never fetched at depth 1)</a></body></html>`
	c.pages["/"] = `<html><body>Home</body></html>`
	return c
}

func (c *council) serve(w http.ResponseWriter, r *http.Request) {
	started := time.Now()
	c.mu.Lock()
	rec := servedRequest{path: r.URL.Path, agent: r.UserAgent(), startedAt: started}
	status := c.respond(w, r, &rec)
	rec.status = status
	c.requests = append(c.requests, rec)
	c.mu.Unlock()
	if r.URL.Path == "/slow.pdf" {
		select { // past the client's timeout, bounded
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
}

// respond writes the answer (c.mu held) and returns its status.
func (c *council) respond(w http.ResponseWriter, r *http.Request, rec *servedRequest) int {
	p := r.URL.Path
	switch p {
	case "/robots.txt":
		fmt.Fprint(w, "# robots\nUser-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
		return 200
	case "/old/c.pdf":
		http.Redirect(w, r, "/media/c.pdf", http.StatusMovedPermanently)
		return 301
	case "/error.pdf":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><h1>Sorry, we cannot find that page</h1></body></html>")
		return 200
	case "/slow.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		w.WriteHeader(200)
		w.(http.Flusher).Flush()
		return 200
	case "/busy.pdf":
		if c.busy > 0 {
			c.busy--
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return 429
		}
	}
	if html, ok := c.pages[p]; ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
		return 200
	}
	d, ok := c.docs[p]
	if !ok || d.gone {
		http.NotFound(w, r)
		return 404
	}
	if d.etag != "" {
		w.Header().Set("ETag", d.etag)
		if r.Header.Get("If-None-Match") == d.etag {
			w.WriteHeader(http.StatusNotModified)
			return 304
		}
	}
	if !d.lastModified.IsZero() {
		w.Header().Set("Last-Modified", d.lastModified.Format(http.TimeFormat))
		if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !d.lastModified.After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return 304
		}
	}
	w.Header().Set("Content-Type", "application/octet-stream") // not trusted either way
	w.Write(d.body)
	rec.full = true
	return 200
}

// fullDownloads lists the paths whose PDF bodies were sent since request i.
func (c *council) fullDownloads(from int) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, r := range c.requests[from:] {
		if r.full {
			out = append(out, r.path)
		}
	}
	return out
}

func (c *council) requestCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.requests)
}

// testClock is a clock whose Sleep returns at once, recording the wait and
// moving the clock on by it.
type testClock struct {
	mu     sync.Mutex
	offset time.Duration
	sleeps []time.Duration
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	if d > 0 {
		c.mu.Lock()
		c.sleeps = append(c.sleeps, d)
		c.offset += d
		c.mu.Unlock()
	}
	return ctx.Err()
}

func (c *testClock) slept(d time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.sleeps {
		if s == d {
			return true
		}
	}
	return false
}

// testConfig is a fast configuration for dir: tiny delays, a short timeout.
func testConfig(dir string, clock Clock) Config {
	cfg := DefaultConfig()
	cfg.Dir = dir
	cfg.UserAgent = "actionplan/test (+research@example.org)"
	cfg.Delay = time.Millisecond
	cfg.Timeout = 150 * time.Millisecond
	cfg.Retries = 1
	cfg.Backoff = time.Millisecond
	cfg.MaxTime = 20 * time.Second
	cfg.Clock = clock
	return cfg
}
