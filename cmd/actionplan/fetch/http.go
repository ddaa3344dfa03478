package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxRedirects bounds the hops one fetch follows.
const maxRedirects = 10

// fetchError is why a URL could not be fetched, as reported in the summary.
type fetchError struct {
	reason string
	status int // the HTTP status, 0 for network errors and refusals
}

func (e *fetchError) Error() string { return e.reason }

func failf(status int, format string, a ...any) *fetchError {
	return &fetchError{status: status, reason: fmt.Sprintf(format, a...)}
}

// errDisallowed is returned for a URL (or redirect target) robots.txt
// disallows.
var errDisallowed = errors.New("disallowed by robots.txt")

// get fetches u politely: through its host's gate, retrying 429 and 5xx
// answers and network errors with backoff (honouring Retry-After), and
// following redirects within the crawl's hosts, each hop checked against
// robots.txt (site nil: robots.txt itself, not checked). handle reads the final response (its body is closed after).
// The statuses handle sees are 2xx, 304 and 4xx other than 429.
func (c *crawler) get(ctx context.Context, u *url.URL, hdr http.Header, site *siteRun,
	handle func(final *url.URL, resp *http.Response) error) error {
	for hop := 0; ; hop++ {
		next, err := c.hop(ctx, u, hdr, handle)
		if err != nil || next == nil {
			return err
		}
		if hop+1 >= maxRedirects {
			return failf(0, "more than %d redirects", maxRedirects)
		}
		if !c.mayRedirect(site, next) {
			return failf(0, "redirected off the crawl's hosts to %s", next)
		}
		if site != nil && !c.robots(ctx, next).Allowed(next) {
			return fmt.Errorf("redirected to %s: %w", next, errDisallowed)
		}
		u = next
	}
}

// getNoRobots is get for robots.txt itself: its redirects stay on the
// crawl's hosts and are not checked against robots.txt.
func (c *crawler) getNoRobots(ctx context.Context, u *url.URL, handle func(*url.URL, *http.Response) error) error {
	return c.get(ctx, u, nil, nil, handle)
}

// hop makes one request (with its retries); it returns the next URL when the
// answer is a redirect.
func (c *crawler) hop(ctx context.Context, u *url.URL, hdr http.Header,
	handle func(*url.URL, *http.Response) error) (*url.URL, error) {
	g := c.gate(u)
	for attempt := 0; ; attempt++ {
		if err := g.acquire(ctx); err != nil {
			return nil, err
		}
		rctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		resp, err := c.request(rctx, u, hdr)
		var wait time.Duration
		var fail *fetchError
		switch {
		case err != nil:
			cancel()
			g.release()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			fail = failf(0, "%s", c.describe(err))
			wait = c.backoff(attempt)
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
			fail = failf(resp.StatusCode, "HTTP %s", resp.Status)
			wait = c.backoff(attempt)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), c.clock.Now()); ok {
				wait = ra
			}
			drain(resp)
			cancel()
			g.release()
			if wait > c.cfg.MaxRetryAfter {
				return nil, failf(resp.StatusCode, "HTTP %s, Retry-After %s is longer than the %s allowed",
					resp.Status, wait.Round(time.Second), c.cfg.MaxRetryAfter)
			}
			g.pause(c.clock.Now().Add(wait))
		case isRedirect(resp.StatusCode):
			loc := resp.Header.Get("Location")
			drain(resp)
			cancel()
			g.release()
			next := resolve(u, loc)
			if next == nil {
				return nil, failf(resp.StatusCode, "HTTP %s with an unusable Location %q", resp.Status, loc)
			}
			return next, nil
		default:
			err := handle(u, resp)
			resp.Body.Close()
			timedOut := rctx.Err() != nil
			cancel()
			g.release()
			if err == nil || ctx.Err() != nil || !(timedOut || isNetError(err)) {
				return nil, err
			}
			// The body stalled or broke off: nothing was kept, try again.
			fail = failf(0, "%s while reading the body", c.describe(err))
			if timedOut {
				fail = failf(0, "timed out after %s", c.cfg.Timeout)
			}
			wait = c.backoff(attempt)
		}
		if attempt >= c.cfg.Retries {
			if attempt > 0 {
				fail.reason += fmt.Sprintf(" (after %d retries)", attempt)
			}
			return nil, fail
		}
		c.count(func(s *Summary) { s.Retries++ })
		if err := c.clock.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func (c *crawler) request(ctx context.Context, u *url.URL, hdr http.Header) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5")
	}
	c.count(func(s *Summary) { s.Requests++ })
	return c.client.Do(req)
}

// describe words a network error for the summary, without the URL (the
// summary names it).
func (c *crawler) describe(err error) string {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Sprintf("timed out after %s", c.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// isNetError reports whether err comes from the connection (and is worth
// another attempt), not from what was read.
func isNetError(err error) bool {
	var ne net.Error
	var fe *fetchError
	return !errors.As(err, &fe) && (errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF))
}

// backoff is the wait before retry attempt+1: Backoff, doubling each time.
func (c *crawler) backoff(attempt int) time.Duration {
	d := c.cfg.Backoff
	for range attempt {
		d *= 2
		if d > c.cfg.MaxRetryAfter {
			return c.cfg.MaxRetryAfter
		}
	}
	return d
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// drain reads a little of an unwanted body so that the connection can be
// reused, and closes it.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64*1024))
	resp.Body.Close()
}
