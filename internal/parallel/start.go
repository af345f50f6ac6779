package parallel

// Start runs f on a goroutine of its own. wait blocks until f has returned
// and gives its error, the same each time it is called, so that a deferred
// wait can follow one whose error was used.
func Start(f func() error) (wait func() error) {
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		err = f()
	}()
	return func() error {
		<-done
		return err
	}
}
