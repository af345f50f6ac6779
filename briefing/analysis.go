package briefing

import (
	"context"
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// TopBrokers is how many brokers a briefing names: the few a meeting can
// talk about.
const TopBrokers = 5

// TopBridges caps each list of bridges (projects and organisations, per
// divide).
const TopBridges = 10

// Network is the network analysis of the territory on the briefing's day,
// from the same Analyst questions as the API's brokers, isolation and
// bridges. The theme plays no part: a partnership is not about one theme.
type Network struct {
	// Refused is the Analyst's reason when the territory is too large to
	// analyse in one briefing; the lists are then empty.
	Refused          string          `json:"refused,omitempty"`
	Brokers          []NetworkBroker `json:"brokers"`
	IsolatedProjects []Ref           `json:"isolatedProjects"`
	Bridges          []NetworkBridge `json:"bridges"`
}

// NetworkBroker is one of the top brokers, with the sentences that explain
// its figures (the API's Broker.figures.message).
type NetworkBroker struct {
	Ref
	Rank        int     `json:"rank"`
	Betweenness float64 `json:"betweenness"`
	// Estimated: betweenness was counted from pivots, the territory being
	// too large to count it exactly (the sentences say so too).
	Estimated bool     `json:"estimated,omitempty"`
	Sentences []string `json:"sentences"`
}

// NetworkBridge is a project or organisation connecting both sides of a
// divide (the API's Bridge).
type NetworkBridge struct {
	Across buurtnet.Divide `json:"across"`
	Kind   buurtnet.Kind   `json:"kind"`
	Node   Ref             `json:"node"`
	SideA  []Ref           `json:"sideA"`
	SideB  []Ref           `json:"sideB"`
	Pairs  int             `json:"pairs"`
}

// networkAnswers are the Analyst's answers before names are known.
type networkAnswers struct {
	refused  string
	brokers  []*buurtnet.Broker
	isolated []string
	bridges  []*buurtnet.BridgeReport
}

// askNetwork asks the Analyst the network questions of the territory. A
// scope the Analyst refuses as too large (INVALID on the territory) is
// recorded, not returned: the rest of the briefing still stands.
func askNetwork(ctx context.Context, a *buurtnet.Analyst, territory string, on buurtnet.Date) (*networkAnswers, error) {
	scope := buurtnet.NetworkScope{Territory: territory, On: on}
	out := &networkAnswers{}
	refused := func(err error) bool {
		if buurtnet.ErrorCode(err) == buurtnet.EINVALID && buurtnet.ErrorField(err) == "territory" {
			out.refused = buurtnet.ErrorMessage(err)
			return true
		}
		return false
	}
	var err error
	if out.brokers, err = a.Brokers(ctx, scope, TopBrokers); err != nil {
		if refused(err) {
			return out, nil
		}
		return nil, fmt.Errorf("briefing: brokers: %w", err)
	}
	isolation, err := a.Isolation(ctx, scope, buurtnet.MaxNetworkFirst)
	if err != nil {
		if refused(err) {
			return &networkAnswers{refused: out.refused}, nil
		}
		return nil, fmt.Errorf("briefing: isolation: %w", err)
	}
	out.isolated = isolation.IsolatedProjects
	for _, d := range buurtnet.Divides {
		r, err := a.Bridges(ctx, scope, d, TopBridges)
		if err != nil {
			if refused(err) {
				return &networkAnswers{refused: out.refused}, nil
			}
			return nil, fmt.Errorf("briefing: bridges: %w", err)
		}
		out.bridges = append(out.bridges, r)
	}
	return out, nil
}

// need asks for every name the answers refer to.
func (r *networkAnswers) need(n *names) {
	for _, b := range r.brokers {
		n.need(b.Organisation)
	}
	n.need(r.isolated...)
	for _, rep := range r.bridges {
		for _, bs := range [][]*buurtnet.Bridge{rep.Projects, rep.Organisations} {
			for _, b := range bs {
				n.need(b.Node)
				n.need(b.SideA...)
				n.need(b.SideB...)
			}
		}
	}
}

func (n *names) network(r *networkAnswers) Network {
	out := Network{Refused: r.refused, Brokers: []NetworkBroker{}, IsolatedProjects: n.refs(r.isolated), Bridges: []NetworkBridge{}}
	texts := n.texts()
	for i, b := range r.brokers {
		nb := NetworkBroker{Ref: n.ref(b.Organisation), Rank: i + 1, Betweenness: b.Betweenness, Estimated: b.Estimated()}
		for _, f := range buurtnet.BrokerFigures {
			nb.Sentences = append(nb.Sentences, b.Sentence(f, n.lang, texts))
		}
		out.Brokers = append(out.Brokers, nb)
	}
	for _, rep := range r.bridges {
		for _, group := range []struct {
			kind buurtnet.Kind
			bs   []*buurtnet.Bridge
		}{{buurtnet.KindProject, rep.Projects}, {buurtnet.KindOrganisation, rep.Organisations}} {
			for _, b := range group.bs {
				out.Bridges = append(out.Bridges, NetworkBridge{Across: rep.Divide, Kind: group.kind, Node: n.ref(b.Node),
					SideA: n.refs(b.SideA), SideB: n.refs(b.SideB), Pairs: b.Pairs})
			}
		}
	}
	return out
}

// networkRows: the brokers with their sentences, the isolated projects, the
// bridges; or one line saying the territory is too large.
func (b *Briefing) networkRows() [][]any {
	if b.Network.Refused != "" {
		return [][]any{{b.l("net.refused"), "", nil, b.Network.Refused}}
	}
	var rows [][]any
	for _, br := range b.Network.Brokers {
		rows = append(rows, []any{fmt.Sprintf("%s %d", b.l("net.broker"), br.Rank), br.Name, nil, strings.Join(br.Sentences, " ")})
	}
	for _, p := range b.Network.IsolatedProjects {
		rows = append(rows, []any{b.l("net.isolated"), p.Name, nil, b.l("net.isolatedWhy")})
	}
	for _, br := range b.Network.Bridges {
		detail := fmt.Sprintf("%s%s %s — %s%s %s", b.l("net.sideA."+string(br.Across)), b.l("colon"), joinNames(br.SideA),
			b.l("net.sideB."+string(br.Across)), b.l("colon"), joinNames(br.SideB))
		rows = append(rows, []any{b.l("net.bridge." + string(br.Across) + "." + string(br.Kind)), br.Node.Name, br.Pairs, detail})
	}
	return rows
}
