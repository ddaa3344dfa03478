package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// task is one URL to fetch.
type task struct {
	u         *url.URL
	key       string // normalURL(u)
	site      *siteRun
	depth     int    // links from the start URL
	referrer  string // the page that linked it; "" for start URLs and re-checks
	text      string // the link's text
	expectPDF bool   // linked as a document: anything but a PDF is a failure
	maybePDF  bool   // at the last level, a path documents are often served from: anything but a PDF is "other"
}

// siteRun is a site of the sites file during a run.
type siteRun struct {
	Site
	key   string // normalURL(Start)
	depth int
}

// crawler is one run.
type crawler struct {
	cfg    Config
	clock  Clock
	client *http.Client
	hosts  map[string]bool // hostKey of every start URL

	mu       sync.Mutex
	sum      Summary
	state    *State
	files    map[string]string // sha256 -> file name
	visited  map[string]bool
	gates    map[string]*gate
	robotsBy map[string]*robotsEntry
	pages    int // page fetches started, for MaxPages
	sched    *scheduler

	progressMu sync.Mutex
}

// Run crawls sites into cfg.Dir and writes the state file and sources.csv
// there. It returns an error when the run could not be done or was
// interrupted (ctx); the state and sources.csv are written even then, for
// whatever was fetched. Failures of single URLs are in the summary.
func Run(ctx context.Context, cfg Config, sites []Site) (Summary, error) {
	start := time.Now()
	cfg = cfg.withDefaults()
	c := &crawler{cfg: cfg, clock: cfg.Clock, client: cfg.Client, hosts: map[string]bool{},
		visited: map[string]bool{}, gates: map[string]*gate{}, robotsBy: map[string]*robotsEntry{}}
	c.sum.Into = cfg.Dir
	c.sum.Sources = filepath.Join(cfg.Dir, SourcesFile)
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return c.sum, err
	}
	removeLeftovers(cfg.Dir)
	state, err := LoadState(cfg.Dir)
	if err != nil {
		return c.sum, err
	}
	c.state, c.files = state, state.files()

	var runs []*siteRun
	seenSite := map[string]bool{}
	for _, s := range sites {
		key := normalURL(s.Start)
		if seenSite[key] {
			continue
		}
		seenSite[key] = true
		d := s.Depth
		if d < 0 {
			d = cfg.Depth
		}
		runs = append(runs, &siteRun{Site: s, key: key, depth: d})
		c.hosts[hostKey(s.Start)] = true
	}
	c.sum.Sites = len(runs)

	cctx, cancel := context.WithCancel(ctx)
	if cfg.MaxTime > 0 {
		cctx, cancel = context.WithTimeout(ctx, cfg.MaxTime)
	}
	defer cancel()
	c.crawl(cctx, func() {
		for _, s := range runs {
			c.enqueue(&task{u: s.Start, key: s.key, site: s, depth: 0})
		}
	})
	c.crawl(cctx, func() { c.recheck(runs) })
	if errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
		c.sum.Stopped = "max-time"
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	err = state.Save(cfg.Dir)
	if err == nil {
		err = state.WriteSources(cfg.Dir)
	}
	sort.SliceStable(c.sum.Failures, func(i, j int) bool { return c.sum.Failures[i].URL < c.sum.Failures[j].URL })
	if c.sum.Failures == nil {
		c.sum.Failures = []Failure{}
	}
	c.sum.Seconds = time.Since(start).Seconds()
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("interrupted: %w", ctx.Err())
	}
	return c.sum, err
}

// crawl runs the tasks seed queues, and those they lead to, to the end.
func (c *crawler) crawl(ctx context.Context, seed func()) {
	if ctx.Err() != nil {
		return
	}
	s := newScheduler(ctx, c.cfg.PerHost, func(t *task) {
		if ctx.Err() == nil {
			c.process(ctx, t)
		}
	})
	c.mu.Lock()
	c.sched = s
	c.mu.Unlock()
	seed()
	s.wait()
}

// recheck queues the known documents of these sites that no page linked in
// this run: a document taken off its listing page may still be online, or
// gone.
func (c *crawler) recheck(runs []*siteRun) {
	bySite := map[string]*siteRun{}
	for _, s := range runs {
		bySite[s.key] = s
	}
	c.mu.Lock()
	var tasks []*task
	for _, key := range c.state.urls() {
		d := c.state.Documents[key]
		s := bySite[d.Site]
		if s == nil || c.visited[key] || len(d.Versions) == 0 || c.sum.Stopped != "" {
			continue
		}
		u, err := url.Parse(d.URL)
		if err != nil {
			continue
		}
		tasks = append(tasks, &task{u: u, key: key, site: s, depth: s.depth, expectPDF: true})
	}
	c.mu.Unlock()
	for _, t := range tasks {
		c.enqueue(t)
	}
}

// enqueue queues t unless its URL was queued before in this run.
func (c *crawler) enqueue(t *task) {
	c.mu.Lock()
	if c.visited[t.key] {
		c.mu.Unlock()
		return
	}
	c.visited[t.key] = true
	s := c.sched
	c.mu.Unlock()
	s.add(hostKey(t.u), t)
}

// mayFollow reports whether a link may be followed: it matches one of the
// site's patterns, or (without patterns) it is on a host of the sites file.
func (c *crawler) mayFollow(s *siteRun, u *url.URL) bool {
	if len(s.Patterns) > 0 {
		return matchAny(s.Patterns, u)
	}
	return c.hosts[hostKey(u)]
}

// mayRedirect reports whether a redirect may be followed: to a host of the
// sites file, or to a URL one of the site's patterns allows.
func (c *crawler) mayRedirect(s *siteRun, u *url.URL) bool {
	return c.hosts[hostKey(u)] || (s != nil && matchAny(s.Patterns, u))
}

func matchAny(ps []Pattern, u *url.URL) bool {
	for _, p := range ps {
		if p.Match(u.String()) {
			return true
		}
	}
	return false
}

// gate returns the politeness gate of u's host.
func (c *crawler) gate(u *url.URL) *gate {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := hostKey(u)
	g := c.gates[k]
	if g == nil {
		g = newGate(c.clock, c.cfg.PerHost, c.cfg.Delay)
		c.gates[k] = g
	}
	return g
}

// takePage reserves one of the run's page visits; false once MaxPages are
// taken (the run is then marked stopped).
func (c *crawler) takePage() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages >= c.cfg.MaxPages {
		if c.sum.Stopped == "" {
			c.sum.Stopped = "max-pages"
		}
		return false
	}
	c.pages++
	return true
}

// count changes the summary.
func (c *crawler) count(f func(*Summary)) {
	c.mu.Lock()
	f(&c.sum)
	c.mu.Unlock()
}

// report calls the progress callback, one call at a time.
func (c *crawler) report(u *url.URL, status, detail string) {
	if c.cfg.Progress == nil {
		return
	}
	c.progressMu.Lock()
	defer c.progressMu.Unlock()
	c.cfg.Progress(Event{URL: u.String(), Status: status, Detail: detail})
}

// fail records t as failed.
func (c *crawler) fail(t *task, reason string) {
	c.count(func(s *Summary) {
		s.Failed++
		s.Failures = append(s.Failures, Failure{URL: t.u.String(), Referrer: t.referrer, Error: reason})
	})
	c.report(t.u, "failed", reason)
}

// removeLeftovers deletes the temporary files of a run that was killed.
func removeLeftovers(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, ".fetch-*.part"))
	for _, n := range names {
		os.Remove(n)
	}
}

func fileExists(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

// skipExt lists extensions of links that are neither pages nor PDFs: not
// worth a request.
var skipExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".svg": true, ".webp": true, ".ico": true,
	".css": true, ".js": true, ".json": true, ".xml": true, ".rss": true, ".atom": true, ".ics": true,
	".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".txt": true, ".csv": true,
	".xls": true, ".xlsx": true, ".ods": true, ".ppt": true, ".pptx": true, ".odp": true,
	".zip": true, ".gz": true, ".mp3": true, ".mp4": true, ".avi": true, ".mov": true, ".wav": true,
	".woff": true, ".woff2": true, ".ttf": true, ".eot": true,
}

func linkExt(u *url.URL) string { return strings.ToLower(filepath.Ext(u.Path)) }

// scriptExt are extensions of server scripts, which may serve anything.
var scriptExt = map[string]bool{".aspx": true, ".ashx": true, ".asp": true, ".php": true, ".jsp": true,
	".cfm": true, ".cgi": true, ".do": true}

// docSegments are path segments content-management systems serve files
// under without an extension (/downloads/file/123/dhr-report).
var docSegments = map[string]bool{
	"download": true, "downloads": true, "file": true, "files": true, "document": true, "documents": true,
	"attachment": true, "attachments": true, "media": true, "upload": true, "uploads": true,
	"asset": true, "assets": true,
}

// docLike reports whether a link without an extension may serve a document:
// a path segment such as download, file, document or media, or one that
// names PDF, a download or a document (GetDocument.ashx, mgConvert2PDF.aspx).
func docLike(u *url.URL) bool {
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		if docSegments[seg] {
			return true
		}
		for _, w := range []string{"pdf", "download", "getdocument", "getfile"} {
			if strings.Contains(seg, w) {
				return true
			}
		}
	}
	return false
}
