package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// cpuTimes is the machine's CPU time so far, from the first line of
// /proc/stat, in clock ticks: all of it, and what the hypervisor gave to
// other machines while this one wanted to run (steal). On a shared virtual
// machine a slow minute is often a stolen one; the report says how much was.
type cpuTimes struct{ total, steal int64 }

func readCPUTimes() (cpuTimes, bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuTimes{}, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return parseCPUTimes(line)
}

// parseCPUTimes reads the "cpu" line of /proc/stat.
func parseCPUTimes(line string) (cpuTimes, bool) {
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return cpuTimes{}, false
	}
	var t cpuTimes
	// user nice system idle iowait irq softirq steal [guest guest_nice]:
	// guest time is counted in user time already.
	for i, v := range f[1:9] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return cpuTimes{}, false
		}
		t.total += n
		if i == 7 {
			t.steal = n
		}
	}
	return t, true
}

// stealSince measures the share of CPU time stolen from now until the
// returned function is called: -1 where /proc/stat cannot tell.
func stealSince() func() float64 {
	start, ok := readCPUTimes()
	return func() float64 {
		end, ok2 := readCPUTimes()
		if !ok || !ok2 || end.total <= start.total {
			return -1
		}
		return float64(end.steal-start.steal) / float64(end.total-start.total)
	}
}

// percent writes a share as the report does: "3 %", "?" when unknown.
func percent(share float64) string {
	if share < 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f %%", share*100)
}
