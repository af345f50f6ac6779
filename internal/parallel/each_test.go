package parallel_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet/internal/parallel"
)

func TestEachRunsEveryJobOnceAtMostWorkersAtOnce(t *testing.T) {
	var running, most, runs atomic.Int32
	done := make([]atomic.Int32, 40)
	jobs := make([]func() error, len(done))
	for i := range jobs {
		jobs[i] = func() error {
			now := running.Add(1)
			for {
				m := most.Load()
				if now <= m || most.CompareAndSwap(m, now) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			done[i].Add(1)
			runs.Add(1)
			running.Add(-1)
			return nil
		}
	}
	if err := parallel.Each(3, jobs); err != nil {
		t.Fatalf("Each = %v", err)
	}
	for i := range done {
		if got := done[i].Load(); got != 1 {
			t.Errorf("job %d ran %d times", i, got)
		}
	}
	if m := most.Load(); m > 3 || m < 2 {
		t.Errorf("at most %d jobs ran at once, want 2 or 3 of 3 workers", m)
	}
}

func TestEachStopsTakingJobsAfterAnError(t *testing.T) {
	failed := errors.New("batch 3 failed")
	var mu sync.Mutex
	var ran []int
	jobs := make([]func() error, 100)
	for i := range jobs {
		jobs[i] = func() error {
			mu.Lock()
			ran = append(ran, i)
			mu.Unlock()
			if i == 3 {
				return failed
			}
			time.Sleep(time.Millisecond)
			return nil
		}
	}
	if err := parallel.Each(2, jobs); !errors.Is(err, failed) {
		t.Fatalf("Each = %v, want the failed job's error", err)
	}
	// The other worker may finish the job it had begun, and take one or
	// two more before job 3's error is recorded, but not the rest.
	if len(ran) >= 50 {
		t.Errorf("%d of %d jobs ran although job 3 failed", len(ran), len(jobs))
	}
}

func TestEachWithoutJobs(t *testing.T) {
	if err := parallel.Each(2, nil); err != nil {
		t.Fatalf("Each(nil) = %v", err)
	}
}
