package buurtnet

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Broker is an organisation through which connections in the network run.
type Broker struct {
	Organisation string
	// Betweenness on the organisation–project graph: over every pair of
	// nodes (organisations and projects), the share of their shortest
	// connections that run through this organisation, summed (Brandes 2001).
	// BetweennessShare divides it by the number of pairs it could lie
	// between, (n-1)(n-2)/2, so it reads as a fraction of all pairs.
	Betweenness, BetweennessShare float64
	// PartnerBetweenness is the same on the organisation–organisation graph
	// (two organisations linked when they share a project).
	PartnerBetweenness, PartnerBetweennessShare float64
	// BetweennessPivots and PartnerBetweennessPivots are 0 when the figure
	// is exact, and otherwise the number of pivots (source nodes) it was
	// estimated from (Brandes & Pich 2007), out of BetweennessNodes and
	// PartnerBetweennessNodes: a scope too large to count exactly within a
	// request (BrandesWork).
	BetweennessPivots, PartnerBetweennessPivots int
	BetweennessNodes, PartnerBetweennessNodes   int
	// Partners are the other organisations it shares a project with.
	Partners []string
	// Projects it takes part in, in scope.
	Projects []string
	// Sectors and LanguageCommunities of itself and its partners, the
	// fields and communities it connects.
	Sectors             []Sector
	LanguageCommunities []LanguageCommunity
}

// FindBrokers ranks the organisations of the network by betweenness on the
// organisation–project graph, then on the organisation–organisation graph,
// then by number of partners, ties by id; at most first (all when 0). On a
// graph too large to count exactly, betweenness is estimated from pivots
// (see betweenness). It stops with the context's error at the deadline.
func FindBrokers(ctx context.Context, n *PartnershipNetwork, first int) ([]*Broker, error) {
	return findBrokers(ctx, n, first, brokerBudget)
}

func findBrokers(ctx context.Context, n *PartnershipNetwork, first int, within budget) ([]*Broker, error) {
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	bip, _ := n.bipartite()
	proj, _, err := n.projection(ctx)
	if err != nil {
		return nil, err
	}
	cb, err := betweenness(ctx, bip, bip.components(), within)
	if err != nil {
		return nil, err
	}
	cp, err := betweenness(ctx, proj, proj.components(), within)
	if err != nil {
		return nil, err
	}
	out := make([]*Broker, 0, len(n.orgIDs))
	partners := make(map[*Broker]int, len(n.orgIDs))
	for i, id := range n.orgIDs {
		b := &Broker{Organisation: id, Projects: n.projectsOf[id]}
		b.Betweenness = round6(cb.score[i])
		b.BetweennessShare = round6(share(b.Betweenness, bip.order()))
		b.BetweennessPivots, b.BetweennessNodes = cb.pivots, bip.order()
		b.PartnerBetweenness = round6(cp.score[i])
		b.PartnerBetweennessShare = round6(share(b.PartnerBetweenness, proj.order()))
		b.PartnerBetweennessPivots, b.PartnerBetweennessNodes = cp.pivots, proj.order()
		partners[b] = proj.degree(int32(i))
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		switch {
		case x.Betweenness != y.Betweenness:
			return x.Betweenness > y.Betweenness
		case x.PartnerBetweenness != y.PartnerBetweenness:
			return x.PartnerBetweenness > y.PartnerBetweenness
		case partners[x] != partners[y]:
			return partners[x] > partners[y]
		}
		return x.Organisation < y.Organisation
	})
	if first > 0 && len(out) > first {
		out = out[:first]
	}
	// Partners and what they connect only for the brokers returned: for
	// every organisation of a region they cost more than the ranking.
	for _, b := range out {
		b.Partners, _ = n.coPartners(b.Organisation)
		b.Sectors, b.LanguageCommunities = n.connects(append([]string{b.Organisation}, b.Partners...))
	}
	return out, nil
}

// share is betweenness as a fraction of the pairs of other nodes.
func share(b float64, nodes int) float64 {
	pairs := float64(nodes-1) * float64(nodes-2) / 2
	if pairs <= 0 {
		return 0
	}
	return b / pairs
}

// round6 keeps answers stable across platforms and summation orders (and
// turns -0 into 0).
func round6(x float64) float64 { return math.Round(x*1e6)/1e6 + 0 }

// connects returns the sectors and language communities of orgs, in the
// order of Sectors and LanguageCommunities.
func (n *PartnershipNetwork) connects(orgs []string) ([]Sector, []LanguageCommunity) {
	sectors, communities := map[Sector]bool{}, map[LanguageCommunity]bool{}
	for _, o := range orgs {
		for _, s := range n.sectorsOf(o) {
			sectors[s] = true
		}
		if c := n.communityOf(o); c != "" {
			communities[c] = true
		}
	}
	var ss []Sector
	for _, s := range Sectors {
		if sectors[s] {
			ss = append(ss, s)
		}
	}
	var cs []LanguageCommunity
	for _, c := range LanguageCommunities {
		if communities[c] {
			cs = append(cs, c)
		}
	}
	return ss, cs
}

// BrokerFigure names one figure of a broker; each has a sentence.
type BrokerFigure string

const (
	FigureBetweenness        BrokerFigure = "BETWEENNESS"
	FigurePartnerBetweenness BrokerFigure = "PARTNER_BETWEENNESS"
	FigurePartners           BrokerFigure = "PARTNERS"
	FigureProjects           BrokerFigure = "PROJECTS"
	FigureSectors            BrokerFigure = "SECTORS"
	FigureLanguages          BrokerFigure = "LANGUAGE_COMMUNITIES"
)

// BrokerFigures lists the figures in the order they are explained.
var BrokerFigures = []BrokerFigure{FigureBetweenness, FigurePartnerBetweenness, FigurePartners, FigureProjects, FigureSectors, FigureLanguages}

// Value returns the figure's number.
func (b *Broker) Value(f BrokerFigure) float64 {
	switch f {
	case FigureBetweenness:
		return b.Betweenness
	case FigurePartnerBetweenness:
		return b.PartnerBetweenness
	case FigurePartners:
		return float64(len(b.Partners))
	case FigureProjects:
		return float64(len(b.Projects))
	case FigureSectors:
		return float64(len(b.Sectors))
	case FigureLanguages:
		return float64(len(b.LanguageCommunities))
	}
	return 0
}

// brokerSentences: %[1]s is the organisation's name, %[2]s the figure,
// %[3]s the share in percent or the list the figure counts. Each sentence
// comes in the forms its number asks for (see form).
var brokerSentences = map[BrokerFigure]map[Lang]forms{
	FigureBetweenness: {
		NL: {
			zero:  "%[1]s ligt op geen enkele kortste verbinding tussen partners en projecten.",
			one:   "%[1]s ligt op de kortste verbindingen tussen %[2]s paar van partners en projecten (%[3]s%% van alle paren).",
			other: "%[1]s ligt op de kortste verbindingen tussen %[2]s paren van partners en projecten (%[3]s%% van alle paren)."},
		FR: {
			zero:  "%[1]s ne se trouve sur aucun plus court chemin entre partenaires et projets.",
			one:   "%[1]s se trouve sur les plus courts chemins entre %[2]s paire de partenaires et de projets (%[3]s %% de toutes les paires).",
			other: "%[1]s se trouve sur les plus courts chemins entre %[2]s paires de partenaires et de projets (%[3]s %% de toutes les paires)."},
		EN: {
			zero:  "%[1]s lies on no shortest connection between partners and projects.",
			one:   "%[1]s lies on the shortest connections between %[2]s pair of partners and projects (%[3]s%% of all pairs).",
			other: "%[1]s lies on the shortest connections between %[2]s pairs of partners and projects (%[3]s%% of all pairs)."}},
	FigurePartnerBetweenness: {
		NL: {
			zero:  "Geen enkele kortste weg tussen partners langs gedeelde projecten loopt via %[1]s.",
			one:   "Tussen partners loopt de kortste weg via gedeelde projecten voor %[2]s paar via %[1]s (%[3]s%% van alle paren).",
			other: "Tussen partners loopt de kortste weg via gedeelde projecten voor %[2]s paren via %[1]s (%[3]s%% van alle paren)."},
		FR: {
			zero:  "Entre partenaires, aucun plus court chemin par projets communs ne passe par %[1]s.",
			one:   "Entre partenaires, le plus court chemin par projets communs passe par %[1]s pour %[2]s paire (%[3]s %% de toutes les paires).",
			other: "Entre partenaires, le plus court chemin par projets communs passe par %[1]s pour %[2]s paires (%[3]s %% de toutes les paires)."},
		EN: {
			zero:  "Between partners, no shortest way through shared projects runs via %[1]s.",
			one:   "Between partners, the shortest way through shared projects runs via %[1]s for %[2]s pair (%[3]s%% of all pairs).",
			other: "Between partners, the shortest way through shared projects runs via %[1]s for %[2]s pairs (%[3]s%% of all pairs)."}},
	FigurePartners: {
		NL: {
			zero:  "%[1]s deelt geen project met een andere organisatie.",
			one:   "%[1]s deelt projecten met één andere organisatie.",
			other: "%[1]s deelt projecten met %[2]s andere organisaties."},
		FR: {
			zero:  "%[1]s ne partage de projet avec aucune autre organisation.",
			one:   "%[1]s partage des projets avec une seule autre organisation.",
			other: "%[1]s partage des projets avec %[2]s autres organisations."},
		EN: {
			zero:  "%[1]s shares no project with another organisation.",
			one:   "%[1]s shares projects with one other organisation.",
			other: "%[1]s shares projects with %[2]s other organisations."}},
	FigureProjects: {
		NL: {
			zero:  "%[1]s neemt aan geen enkel project deel in dit gebied en deze periode.",
			one:   "%[1]s neemt deel aan één project in dit gebied en deze periode.",
			other: "%[1]s neemt deel aan %[2]s projecten in dit gebied en deze periode."},
		FR: {
			zero:  "%[1]s ne participe à aucun projet sur ce territoire et dans cette période.",
			one:   "%[1]s participe à un seul projet sur ce territoire et dans cette période.",
			other: "%[1]s participe à %[2]s projets sur ce territoire et dans cette période."},
		EN: {
			zero:  "%[1]s takes part in no project in this area and period.",
			one:   "%[1]s takes part in one project in this area and period.",
			other: "%[1]s takes part in %[2]s projects in this area and period."}},
	FigureSectors: {
		NL: {
			zero:  "Van %[1]s en zijn partners is geen sector gekend.",
			one:   "%[1]s en zijn partners werken in één sector: %[3]s.",
			other: "Met zijn partners brengt %[1]s %[2]s sectoren samen: %[3]s."},
		FR: {
			zero:  "Aucun secteur n'est connu pour %[1]s et ses partenaires.",
			one:   "%[1]s et ses partenaires travaillent dans un seul secteur : %[3]s.",
			other: "Avec ses partenaires, %[1]s réunit %[2]s secteurs : %[3]s."},
		EN: {
			zero:  "No sector is known for %[1]s and its partners.",
			one:   "%[1]s and its partners work in one sector: %[3]s.",
			other: "With its partners, %[1]s brings together %[2]s sectors: %[3]s."}},
	FigureLanguages: {
		NL: {
			zero:  "Van %[1]s en zijn partners is geen taalgemeenschap gekend.",
			one:   "%[1]s en zijn partners behoren tot één taalgemeenschap: %[3]s.",
			other: "Met zijn partners verbindt %[1]s %[2]s taalgemeenschappen: %[3]s."},
		FR: {
			zero:  "Aucune communauté linguistique n'est connue pour %[1]s et ses partenaires.",
			one:   "%[1]s et ses partenaires relèvent d'une seule communauté linguistique : %[3]s.",
			other: "Avec ses partenaires, %[1]s relie %[2]s communautés linguistiques : %[3]s."},
		EN: {
			zero:  "No language community is known for %[1]s and its partners.",
			one:   "%[1]s and its partners belong to one language community: %[3]s.",
			other: "With its partners, %[1]s connects %[2]s language communities: %[3]s."}},
}

// estimateSentences follow a betweenness sentence when the figure was
// estimated: %[1]d pivots of %[2]d nodes.
var estimateSentences = map[Lang]string{
	NL: " Dit is een schatting, geteld vanuit %[1]d van de %[2]d knopen.",
	FR: " C'est une estimation, comptée à partir de %[1]d des %[2]d nœuds.",
	EN: " This is an estimate, counted from %[1]d of the %[2]d nodes.",
}

// forms are the forms of one sentence by its number: none, one, more.
type forms struct{ zero, one, other string }

// form picks the form for the number x, written as shown: French takes
// the singular below two ("1,5 paire"), Dutch and English for one only.
func (f forms) form(x float64, shown string, lang Lang) string {
	switch {
	case x == 0:
		return f.zero
	case lang == FR && x < 2, shown == "1", shown == "1,0", shown == "1.0":
		return f.one
	}
	return f.other
}

// Sentence explains figure f in lang; names gives the organisation's name.
func (b *Broker) Sentence(f BrokerFigure, lang Lang, names map[string]Text) string {
	byLang := brokerSentences[f]
	if _, ok := byLang[lang]; !ok {
		lang = NL
	}
	name := b.Organisation
	if t, ok := names[b.Organisation]; ok && !t.IsEmpty() {
		name = t.In(lang)
	}
	var value, extra, estimate string
	switch f {
	case FigureBetweenness:
		value, extra = decimal(b.Betweenness, lang), decimal(100*b.BetweennessShare, lang)
		estimate = estimated(b.BetweennessPivots, b.BetweennessNodes, lang)
	case FigurePartnerBetweenness:
		value, extra = decimal(b.PartnerBetweenness, lang), decimal(100*b.PartnerBetweennessShare, lang)
		estimate = estimated(b.PartnerBetweennessPivots, b.PartnerBetweennessNodes, lang)
	case FigureSectors:
		parts := make([]string, len(b.Sectors))
		for i, s := range b.Sectors {
			parts[i] = s.Label(lang)
		}
		value, extra = fmt.Sprint(len(b.Sectors)), joinList(parts, lang)
	case FigureLanguages:
		parts := make([]string, len(b.LanguageCommunities))
		for i, c := range b.LanguageCommunities {
			parts[i] = c.Label(lang)
		}
		value, extra = fmt.Sprint(len(b.LanguageCommunities)), joinList(parts, lang)
	default:
		value = fmt.Sprint(int(b.Value(f)))
	}
	tmpl := byLang[lang].form(b.Value(f), value, lang)
	return fmt.Sprintf(tmpl, name, value, extra) + estimate
}

func estimated(pivots, nodes int, lang Lang) string {
	if pivots == 0 {
		return ""
	}
	return fmt.Sprintf(estimateSentences[lang], pivots, nodes)
}

// decimal writes x with one decimal, with the decimal comma in nl and fr;
// a number too small to show so gets two significant digits rather than
// reading as nought.
func decimal(x float64, lang Lang) string {
	s := fmt.Sprintf("%.1f", x)
	if x != 0 && (s == "0.0" || s == "-0.0") {
		s = strings.TrimRight(fmt.Sprintf("%.*f", 1-int(math.Floor(math.Log10(math.Abs(x)))), x), "0")
	}
	if lang != EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// BrokerExplanation is one figure of a broker, with its sentence.
type BrokerExplanation struct {
	Broker *Broker
	Figure BrokerFigure
}

// Explanations returns every figure of the broker, in BrokerFigures order.
func (b *Broker) Explanations() []*BrokerExplanation {
	out := make([]*BrokerExplanation, len(BrokerFigures))
	for i, f := range BrokerFigures {
		out[i] = &BrokerExplanation{Broker: b, Figure: f}
	}
	return out
}

// Estimated reports whether the betweenness figures are estimates.
func (b *Broker) Estimated() bool { return b.BetweennessPivots > 0 || b.PartnerBetweennessPivots > 0 }

// Value returns the figure's number.
func (e *BrokerExplanation) Value() float64 { return e.Broker.Value(e.Figure) }
