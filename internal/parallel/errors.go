// Package parallel runs independent checks on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// minPerWorker is the number of checks below which another goroutine costs
// more than it saves.
const minPerWorker = 2048

// Errors calls check(i) for every i in [0, n), on every core, and returns
// the errors by index, or nil when every check passed. The checks must not
// depend on each other: they run in no particular order. A caller that
// reports the first problem walks the result in order, so the answer is
// the same as when it checked one after the other.
func Errors(n int, check func(i int) error) []error {
	workers := min(runtime.GOMAXPROCS(0), n/minPerWorker)
	if workers <= 1 {
		var errs []error
		for i := range n {
			if err := check(i); err != nil {
				if errs == nil {
					errs = make([]error, n)
				}
				errs[i] = err
			}
		}
		return errs
	}
	errs := make([]error, n)
	var failed atomic.Bool
	var wg sync.WaitGroup
	const chunk = 512
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					if errs[i] = check(i); errs[i] != nil {
						failed.Store(true)
					}
				}
			}
		}()
	}
	wg.Wait()
	if !failed.Load() {
		return nil
	}
	return errs
}

// At is errs[i] for the result of Errors: nil when errs is (every check
// passed).
func At(errs []error, i int) error {
	if errs == nil {
		return nil
	}
	return errs[i]
}
