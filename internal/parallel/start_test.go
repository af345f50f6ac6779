package parallel_test

import (
	"errors"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet/internal/parallel"
)

func TestStartWaitsAndGivesTheErrorEachTime(t *testing.T) {
	release := make(chan struct{})
	failed := errors.New("failed")
	wait := parallel.Start(func() error { <-release; return failed })
	returned := make(chan error, 1)
	go func() { returned <- wait() }()
	select {
	case err := <-returned:
		t.Fatalf("wait returned %v before f did", err)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	if err := <-returned; !errors.Is(err, failed) {
		t.Fatalf("wait = %v, want f's error", err)
	}
	if err := wait(); !errors.Is(err, failed) {
		t.Fatalf("wait again = %v, want f's error", err)
	}
	if err := parallel.Start(func() error { return nil })(); err != nil {
		t.Fatalf("wait = %v, want nil", err)
	}
}
