package fetch

import (
	"context"
	"sync"
)

// scheduler runs tasks with one queue per host and up to perHost workers on
// each, until no task is queued or running (or ctx is done).
type scheduler struct {
	perHost int
	run     func(*task)

	mu      sync.Mutex
	cond    *sync.Cond
	queues  map[string][]*task
	pending int // queued or running
	closed  bool
	wg      sync.WaitGroup
	stop    func() bool // stops watching ctx
}

func newScheduler(ctx context.Context, perHost int, run func(*task)) *scheduler {
	s := &scheduler{perHost: max(perHost, 1), run: run, queues: map[string][]*task{}}
	s.cond = sync.NewCond(&s.mu)
	s.stop = context.AfterFunc(ctx, s.close)
	return s
}

// add queues t on host's queue, starting the host's workers on first use. It
// reports false once the scheduler is closed.
func (s *scheduler) add(host string, t *task) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	q, seen := s.queues[host]
	s.queues[host] = append(q, t)
	s.pending++
	if !seen {
		for range s.perHost {
			s.wg.Add(1)
			go s.work(host)
		}
	}
	s.cond.Broadcast()
	return true
}

func (s *scheduler) work(host string) {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		for len(s.queues[host]) == 0 && !s.closed {
			s.cond.Wait()
		}
		if s.closed {
			s.mu.Unlock()
			return
		}
		t := s.queues[host][0]
		s.queues[host][0] = nil
		s.queues[host] = s.queues[host][1:]
		s.mu.Unlock()
		s.run(t)
		s.mu.Lock()
		s.pending--
		if s.pending == 0 {
			s.closed = true
			s.cond.Broadcast()
		}
		s.mu.Unlock()
	}
}

func (s *scheduler) close() {
	s.mu.Lock()
	s.closed = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

// wait returns when every worker has stopped. With nothing ever added it
// returns at once.
func (s *scheduler) wait() {
	s.mu.Lock()
	if s.pending == 0 {
		s.closed = true
		s.cond.Broadcast()
	}
	s.mu.Unlock()
	s.wg.Wait()
	s.stop()
}
