package fetch

import (
	"context"
	"sync"
	"time"
)

// gate is the politeness of one host: at most n requests at once, and the
// starts of two requests at least delay apart. A 429 or 503 pauses the whole
// host until the time its Retry-After names.
type gate struct {
	clock Clock
	sem   chan struct{}
	mu    sync.Mutex
	delay time.Duration
	next  time.Time // earliest start of the next request
}

func newGate(clock Clock, n int, delay time.Duration) *gate {
	return &gate{clock: clock, sem: make(chan struct{}, max(n, 1)), delay: delay}
}

// acquire waits for a slot and for the host's delay; release gives the slot
// back.
func (g *gate) acquire(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	now := g.clock.Now()
	start := now
	if g.next.After(now) {
		start = g.next
	}
	g.next = start.Add(g.delay)
	g.mu.Unlock()
	if err := g.clock.Sleep(ctx, start.Sub(now)); err != nil {
		<-g.sem
		return err
	}
	return nil
}

func (g *gate) release() { <-g.sem }

// pause keeps every request to the host from starting before until.
func (g *gate) pause(until time.Time) {
	g.mu.Lock()
	if until.After(g.next) {
		g.next = until
	}
	g.mu.Unlock()
}

// slowDown raises the delay (robots.txt's Crawl-delay).
func (g *gate) slowDown(d time.Duration) {
	g.mu.Lock()
	g.delay = max(g.delay, d)
	g.mu.Unlock()
}
