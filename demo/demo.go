// Package demo is the demo network buurtnet ships with: every organisation,
// project, territory, funder and theme of it comes from public documents of
// Brusano, RIMO Limburg, the Kenniscentrum WWZ and the Flemish "Zorgzame
// buurten" framework. The service loads it into an empty store; tests read
// it as a realistic network.
package demo

import (
	_ "embed"

	"github.com/buurtnet/buurtnet"
)

//go:embed network.yaml
var file []byte

// YAML returns the demo network file as it ships.
func YAML() []byte { return file }

// Network parses the demo network; each call gives a fresh copy to change.
func Network() (*buurtnet.Network, error) { return buurtnet.ReadNetworkYAML(file) }
