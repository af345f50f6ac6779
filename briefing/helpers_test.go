package briefing_test

import "github.com/buurtnet/buurtnet/briefing/briefingtest"

// The shared helpers under the names these tests were written with.
var (
	demoStore = briefingtest.DemoStore
	build     = briefingtest.Build
	golden    = briefingtest.Golden
	date      = briefingtest.Date
	today     = briefingtest.Today
	scenarios = briefingtest.Scenarios
)
