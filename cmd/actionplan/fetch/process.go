package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// process fetches one URL and settles it: a page read for links, a
// document saved or found unchanged, gone, failed, or not allowed.
func (c *crawler) process(ctx context.Context, t *task) {
	if !t.expectPDF && !t.maybePDF && !c.takePage() {
		return
	}
	if !c.robots(ctx, t.u).Allowed(t.u) {
		c.count(func(s *Summary) { s.Disallowed++ })
		c.report(t.u, "disallowed", "robots.txt")
		return
	}
	err := c.get(ctx, t.u, c.conditional(t), t.site, func(final *url.URL, resp *http.Response) error {
		return c.handle(ctx, t, final, resp)
	})
	switch {
	case err == nil || ctx.Err() != nil:
	case errors.Is(err, errDisallowed):
		c.count(func(s *Summary) { s.Disallowed++ })
		c.report(t.u, "disallowed", err.Error())
	default:
		c.fail(t, err.Error())
	}
}

// conditional returns the validators of a known document whose current file
// is still on disk, so that an unchanged one answers 304.
func (c *crawler) conditional(t *task) http.Header {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.state.Documents[t.key]
	if d == nil || len(d.Versions) == 0 {
		return nil
	}
	cur := d.Versions[len(d.Versions)-1]
	if !fileExists(filepath.Join(c.cfg.Dir, cur.Path)) {
		return nil
	}
	h := http.Header{}
	if d.ETag != "" {
		h.Set("If-None-Match", d.ETag)
	}
	if d.LastModified != "" {
		h.Set("If-Modified-Since", d.LastModified)
	}
	return h
}

// handle reads the final response for t.
func (c *crawler) handle(ctx context.Context, t *task, final *url.URL, resp *http.Response) error {
	code := resp.StatusCode
	switch {
	case code == http.StatusNotModified:
		return c.notModified(t, resp)
	case code == http.StatusNotFound || code == http.StatusGone:
		if c.known(t.key) {
			c.gone(t)
			return nil
		}
		return failf(code, "HTTP %s", resp.Status)
	case code < 200 || code > 299:
		return failf(code, "HTTP %s", resp.Status)
	}
	br := bufio.NewReaderSize(resp.Body, 2*pdfMagicWindow)
	head, err := br.Peek(pdfMagicWindow)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if isPDF(head) {
		return c.document(t, final, resp, br)
	}
	ct := resp.Header.Get("Content-Type")
	isHTML := looksHTML(head, ct)
	if t.expectPDF {
		what := "an HTML page"
		if !isHTML {
			what = describeType(ct)
		}
		return failf(code, "not a PDF: the server sent %s with status %d", what, code)
	}
	if !isHTML || t.maybePDF {
		what := describeType(ct)
		if isHTML {
			what = "an HTML page"
		}
		c.count(func(s *Summary) { s.Other++ })
		c.report(t.u, "other", "not a PDF: "+what)
		return nil
	}
	return c.page(t, final, br)
}

// page reads an HTML page and queues the links it may follow.
func (c *crawler) page(t *task, final *url.URL, body io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(body, c.cfg.MaxPageBytes+1))
	if err != nil {
		return err
	}
	note := ""
	if int64(len(b)) > c.cfg.MaxPageBytes {
		b = b[:c.cfg.MaxPageBytes]
		note = fmt.Sprintf(", read the first %s only", FormatBytes(c.cfg.MaxPageBytes))
	}
	c.count(func(s *Summary) { s.Pages++ })
	if t.depth >= t.site.depth {
		c.report(t.u, "page", "links not followed (depth)"+note)
		return nil
	}
	links, nofollow := ExtractLinks(b, final)
	if nofollow {
		c.report(t.u, "page", "links not followed (robots meta tag says nofollow)"+note)
		return nil
	}
	queued := 0
	for _, l := range links {
		if c.follow(t, final, l) {
			queued++
		}
	}
	c.report(t.u, "page", fmt.Sprintf("%d links, %d to follow%s", len(links), queued, note))
	return nil
}

// follow queues a link of a page if the depth and the site's rules allow.
// Within the depth every link may be a page or a document; at the last
// level only links that look like documents are fetched: a .pdf path or
// markup that says PDF (anything else is then a failure), or a path
// without an extension (or a server script's) that documents are often
// served from (anything else is then "other").
func (c *crawler) follow(t *task, page *url.URL, l Link) bool {
	d := t.depth + 1
	ext := linkExt(l.URL)
	isPDF := ext == ".pdf"
	last := d == t.site.depth
	maybe := last && !isPDF && !l.PDFHint && (ext == "" || scriptExt[ext]) && docLike(l.URL)
	if d > t.site.depth || (last && !isPDF && !l.PDFHint && !maybe) {
		return false
	}
	if (!isPDF && skipExt[ext]) || !c.mayFollow(t.site, l.URL) {
		return false
	}
	key := normalURL(l.URL)
	c.mu.Lock()
	seen := c.visited[key]
	c.mu.Unlock()
	if seen {
		return false
	}
	c.enqueue(&task{u: l.URL, key: key, site: t.site, depth: d, referrer: page.String(), text: l.Text,
		expectPDF: isPDF || (last && !maybe), maybePDF: maybe})
	return true
}

// known reports whether a document URL has a saved version.
func (c *crawler) known(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.state.Documents[key]
	return d != nil && len(d.Versions) > 0
}

// notModified settles a 304.
func (c *crawler) notModified(t *task, resp *http.Response) error {
	c.mu.Lock()
	d := c.state.Documents[t.key]
	if d == nil || len(d.Versions) == 0 {
		c.mu.Unlock()
		return failf(resp.StatusCode, "HTTP %s to a request that was not conditional", resp.Status)
	}
	c.seen(t, d, resp)
	c.sum.PDFs++
	c.sum.Unchanged++
	path := d.Versions[len(d.Versions)-1].Path
	c.mu.Unlock()
	c.report(t.u, "unchanged", path+" (not modified)")
	return nil
}

// gone records that a known document now answers 404 or 410.
func (c *crawler) gone(t *task) {
	c.mu.Lock()
	d := c.state.Documents[t.key]
	if d.GoneAt == "" {
		d.GoneAt = c.now()
	}
	c.sum.Gone++
	since := d.GoneAt
	c.mu.Unlock()
	c.report(t.u, "gone", "gone since "+since)
}

// seen updates what a document's answer tells (c.mu held): its validators,
// when it was checked, and the link that led to it in this run.
func (c *crawler) seen(t *task, d *DocState, resp *http.Response) {
	if et := resp.Header.Get("ETag"); et != "" || resp.StatusCode != http.StatusNotModified {
		d.ETag = et
	}
	if lm := resp.Header.Get("Last-Modified"); lm != "" || resp.StatusCode != http.StatusNotModified {
		d.LastModified = lm
	}
	d.CheckedAt = c.now()
	d.GoneAt = ""
	if t.referrer != "" {
		d.Referrer, d.LinkText = t.referrer, t.text
	}
	if d.Site == "" {
		d.Site = t.site.key
	}
}

// document saves a PDF response, unless its bytes are saved already.
func (c *crawler) document(t *task, final *url.URL, resp *http.Response, body *bufio.Reader) error {
	if resp.ContentLength > c.cfg.MaxBytes {
		return failf(resp.StatusCode, "%s", errTooLarge{c.cfg.MaxBytes}.Error())
	}
	tmp, sum, size, err := download(c.cfg.Dir, body, c.cfg.MaxBytes)
	if err != nil {
		var tl errTooLarge
		if errors.As(err, &tl) {
			return failf(resp.StatusCode, "%s", tl.Error())
		}
		return err
	}
	status, name, err := c.record(t, final, resp, tmp, sum, size)
	if err != nil {
		return err
	}
	c.report(t.u, status, name)
	return nil
}

// record files a downloaded PDF (the temporary file tmp) under its content
// hash, unless those bytes are saved already, and updates the document's
// state: new, changed or unchanged.
func (c *crawler) record(t *task, final *url.URL, resp *http.Response, tmp, sum string, size int64) (status, name string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	name, saved := c.files[sum]
	if saved && fileExists(filepath.Join(c.cfg.Dir, name)) {
		os.Remove(tmp)
	} else {
		name = fileName(sum, final, resp.Header.Get("Content-Disposition"))
		if err := os.Rename(tmp, filepath.Join(c.cfg.Dir, name)); err != nil {
			os.Remove(tmp)
			return "", "", fmt.Errorf("saving %s: %w", name, err)
		}
		c.files[sum] = name
		c.sum.FilesSaved++
		c.sum.BytesSaved += size
	}
	d := c.state.Documents[t.key]
	status = "unchanged"
	switch {
	case d == nil || len(d.Versions) == 0:
		status = "new"
		if d == nil {
			d = &DocState{URL: t.u.String()}
			c.state.Documents[t.key] = d
		}
	case d.SHA256 != sum:
		status = "changed"
	}
	c.seen(t, d, resp)
	if status == "unchanged" {
		v := &d.Versions[len(d.Versions)-1]
		v.ETag, v.LastModified = d.ETag, d.LastModified
		c.sum.Unchanged++
	} else {
		d.SHA256 = sum
		d.Versions = append(d.Versions, Version{SHA256: sum, Path: name, Size: size, FetchedAt: d.CheckedAt,
			ETag: d.ETag, LastModified: d.LastModified})
		if status == "new" {
			c.sum.New++
		} else {
			c.sum.Changed++
		}
	}
	c.sum.PDFs++
	return status, name, nil
}

func (c *crawler) now() string { return c.clock.Now().UTC().Format(time.RFC3339) }

// looksHTML reports whether a body is an HTML page: by its Content-Type, or
// by its first bytes (servers label pages wrongly).
func looksHTML(head []byte, contentType string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
		return true
	}
	return strings.HasPrefix(http.DetectContentType(head), "text/html")
}

func describeType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	if ct == "" {
		return "no Content-Type"
	}
	return fmt.Sprintf("Content-Type %q", ct)
}
