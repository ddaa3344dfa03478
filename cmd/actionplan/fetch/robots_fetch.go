package fetch

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sync"
)

// robotsEntry is the robots.txt of one scheme and host, fetched once a run.
type robotsEntry struct {
	once sync.Once
	r    *Robots
}

// robots returns the rules for u's scheme and host, fetching robots.txt on
// first use: a 4xx answer allows everything; a 5xx or network failure (after
// retries) disallows the host for this run (RFC 9309), reported as a
// failure.
func (c *crawler) robots(ctx context.Context, u *url.URL) *Robots {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e := c.robotsBy[key]
	if e == nil {
		e = &robotsEntry{}
		c.robotsBy[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.r = c.fetchRobots(ctx, u) })
	return e.r
}

func (c *crawler) fetchRobots(ctx context.Context, u *url.URL) *Robots {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	r := &Robots{}
	err := c.getNoRobots(ctx, ru, func(_ *url.URL, resp *http.Response) error {
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			b, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
			if err != nil {
				return err
			}
			r = ParseRobots(b, c.cfg.Agent)
		}
		return nil // other 4xx: no rules
	})
	if err != nil {
		if ctx.Err() != nil {
			return &Robots{DenyAll: true}
		}
		r = &Robots{DenyAll: true}
		t := &task{u: ru}
		c.fail(t, "robots.txt could not be read, so the host is not crawled: "+err.Error())
	}
	if r.Delay > 0 {
		c.gate(u).slowDown(r.Delay)
	}
	return r
}
