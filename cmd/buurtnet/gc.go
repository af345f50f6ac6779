package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target when GOGC is not set. A
// question builds many short-lived objects (decoded entities, gqlgen's per-
// field work), and Go's default of collecting each time the heap has grown
// by 100 % spent 15–25 % of a question's CPU in the collector. Measured at
// tier M on SQLite, one run each on a quiet machine (scripts/bench, README
// "Scale benchmark"): GOGC=200 took overlaps' p99 from 28.1 to 23.0 ms, the
// page of 50 projects' p50 from 41.7 to 30.7 ms and the import from 27,462
// to 37,350 links/s, for a service RSS of 236 MB instead of 171 MB after the
// run. GOGC (and GOMEMLIMIT) in the environment still win.
const gcPercent = 200

func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}
