package parallel

import "sync"

// Each runs the jobs, at most workers of them at once, in the order given,
// and returns the first error. After a job fails no other job begins; the
// ones already running finish, so that what they did can be undone or
// kept track of.
func Each(workers int, jobs []func() error) error {
	var (
		mu    sync.Mutex
		next  int
		first error
		wg    sync.WaitGroup
	)
	take := func() func() error {
		mu.Lock()
		defer mu.Unlock()
		if first != nil || next == len(jobs) {
			return nil
		}
		next++
		return jobs[next-1]
	}
	for range max(1, min(workers, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := take(); job != nil; job = take() {
				if err := job(); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return first
}
