package sqlite_test

import (
	"slices"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used: on a machine shared with
// other work, benchmarks report it beside the wall time.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU reports the CPU time per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// percentiles collects the time of each operation, to report the median
// and the 99th percentile beside the mean.
type percentiles struct{ ds []time.Duration }

func (p *percentiles) add(d time.Duration) { p.ds = append(p.ds, d) }

func (p *percentiles) report(b *testing.B) {
	if len(p.ds) == 0 {
		return
	}
	slices.Sort(p.ds)
	at := func(q float64) float64 { return float64(p.ds[int(q*float64(len(p.ds)-1))]) / 1e6 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
