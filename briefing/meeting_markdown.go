package briefing

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// meetingLabels are the words of a meeting's briefing that a territory's
// briefing does not use; the others come from labels.
var meetingLabels = map[string][3]string{ // nl, fr, en
	"meeting.title":        {"Briefing voor de bijeenkomst", "Briefing pour la réunion", "Meeting briefing"},
	"meeting.consultation": {"Overleg", "Concertation", "Consultation"},
	"meeting.cycle":        {"Cyclus", "Cycle", "Cycle"},
	"meeting.number":       {"Bijeenkomst nr.", "Réunion n°", "Meeting no."},
	"meeting.date":         {"Datum", "Date", "Date"},
	"meeting.unknown":      {"(niet bekend)", "(inconnue)", "(not known)"},
	"meeting.noTheme":      {"(geen thema gekozen)", "(pas de thème choisi)", "(no theme chosen)"},
	"meeting.previous":     {"Vorige bijeenkomst", "Réunion précédente", "Previous meeting"},
	"meeting.first":        {"(eerste bijeenkomst van de cyclus)", "(première réunion du cycle)", "(first meeting of the cycle)"},
	"meeting.window":       {"Wijzigingen van – tot", "Changements du – au", "Changes from – to"},
	"meeting.noWindow":     {"(de vorige bijeenkomst heeft geen datum)", "(la réunion précédente n'a pas de date)", "(the previous meeting has no date)"},
	"meeting.agenda":       {"Agenda", "Ordre du jour", "Agenda"},
	"meeting.participants": {"Deelnemers van de cyclus", "Participants du cycle", "Participants of the cycle"},
	"meeting.contacts":     {"Contactpersonen", "Personnes de contact", "Contact persons"},
	"meeting.outcomes":     {"Uitkomsten van de vorige bijeenkomst", "Résultats de la réunion précédente", "Outcomes of the previous meeting"},
	"meeting.decisions":    {"Beslissingen", "Décisions", "Decisions"},
	"meeting.actions":      {"Acties", "Actions", "Actions"},
	"meeting.signals":      {"Signalen", "Signaux", "Signals"},
	"meeting.projects":     {"Projecten in het gebied", "Projets sur le territoire", "Projects in the area"},
	"meeting.hiddenOwner":  {"(een contactpersoon; aanmelden om te zien wie)", "(une personne de contact ; se connecter pour voir qui)", "(a contact person; sign in to see who)"},
	"col.action":           {"Actie", "Action", "Action"},
	"col.owner":            {"Wie", "Qui", "Who"},
	"col.due":              {"Tegen", "Pour le", "Due"},
	"col.signal":           {"Signaal", "Signal", "Signal"},
	"col.to":               {"Aan", "À", "To"},
}

func meetingLabel(lang buurtnet.Lang, key string) string {
	if l, ok := meetingLabels[key]; ok {
		switch lang {
		case buurtnet.FR:
			return l[1]
		case buurtnet.EN:
			return l[2]
		}
		return l[0]
	}
	return label(lang, key)
}

// WriteMeetingMarkdown writes a meeting's briefing as a Markdown document,
// to paste into the invitation or the meeting notes.
func WriteMeetingMarkdown(w io.Writer, b *MeetingBriefing) error {
	bw := bufio.NewWriter(w)
	l := func(key string) string { return meetingLabel(b.Lang, key) }
	or := func(s, key string) string {
		if s == "" {
			return l(key)
		}
		return s
	}
	day := func(d buurtnet.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	item := func(key, value string) {
		fmt.Fprintf(bw, "- **%s%s** %s\n", mdText(l(key)), l("colon"), mdText(value))
	}
	fmt.Fprintf(bw, "# %s – %s\n\n", mdText(l("meeting.title")), mdText(b.Meeting.Name))
	item("meeting.consultation", or(b.Consultation.Name, "meeting.unknown"))
	item("meeting.cycle", or(b.Cycle.Name, "meeting.unknown"))
	item("meeting.number", fmt.Sprint(b.Number))
	item("meeting.date", or(day(b.Date), "meeting.unknown"))
	item("col.theme", or(b.Theme.Name, "meeting.noTheme"))
	item("col.territory", or(b.Territory.Name, "meeting.unknown"))
	previous := l("meeting.first")
	if b.Previous.ID != "" {
		previous = b.Previous.Name
		if !b.PreviousDate.IsZero() {
			previous += " (" + b.PreviousDate.String() + ")"
		}
	}
	item("meeting.previous", previous)
	window := l("meeting.noWindow")
	switch {
	case b.Previous.ID == "":
		window = l("meeting.first")
	case !b.Since.IsZero():
		window = b.Since.String() + " – " + b.Until.String()
	}
	item("meeting.window", window)
	item("col.made", b.Made.String())

	list := func(key string, xs []string) {
		fmt.Fprintf(bw, "\n## %s (%d)\n\n", mdText(l(key)), len(xs))
		if len(xs) == 0 {
			fmt.Fprintf(bw, "%s\n", mdText(l("none")))
		}
		for _, x := range xs {
			fmt.Fprintf(bw, "- %s\n", mdText(x))
		}
	}
	table := func(level, key string, columns []string, rows [][]string) {
		fmt.Fprintf(bw, "\n%s %s (%d)\n\n", level, mdText(l(key)), len(rows))
		if len(rows) == 0 {
			fmt.Fprintf(bw, "%s\n", mdText(l("none")))
			return
		}
		writeMarkdownRow(bw, columns)
		bw.WriteString("|" + strings.Repeat(" --- |", len(columns)) + "\n")
		for _, r := range rows {
			writeMarkdownRow(bw, r)
		}
	}
	list("meeting.agenda", b.Agenda)
	list("meeting.participants", refNames(b.Participants))
	if len(b.Contacts) > 0 {
		list("meeting.contacts", refNames(b.Contacts))
	}

	fmt.Fprintf(bw, "\n## %s\n", mdText(l("meeting.outcomes")))
	if b.Previous.ID == "" {
		fmt.Fprintf(bw, "\n%s\n", mdText(l("meeting.first")))
	} else {
		decisions := make([][]string, 0, len(b.PreviousOutcomes.Decisions))
		for _, d := range b.PreviousOutcomes.Decisions {
			decisions = append(decisions, []string{d})
		}
		table("###", "meeting.decisions", []string{l("meeting.decisions")}, decisions)
		var actions [][]string
		for _, a := range b.PreviousOutcomes.Actions {
			owner := a.Owner.Name
			if a.Owner.ID == "" { // an owner is required: only a person is left out
				owner = l("meeting.hiddenOwner")
			}
			actions = append(actions, []string{a.Text, owner, day(a.Due)})
		}
		table("###", "meeting.actions", []string{l("col.action"), l("col.owner"), l("col.due")}, actions)
		var signals [][]string
		for _, s := range b.PreviousOutcomes.Signals {
			to := s.To
			if s.Recipient.Name != "" && s.Recipient.Name != s.To {
				to = strings.TrimSpace(strings.Join([]string{s.To, "(" + s.Recipient.Name + ")"}, " "))
			}
			signals = append(signals, []string{s.Text, to})
		}
		table("###", "meeting.signals", []string{l("col.signal"), l("col.to")}, signals)
	}

	list("meeting.projects", refNames(b.Projects))
	changes := (&Briefing{Lang: b.Lang, Changes: b.Changes}).changeRows()
	rows := make([][]string, 0, len(changes))
	for _, c := range changes {
		row := make([]string, len(c))
		for i, v := range c {
			row[i] = cellText(v, b.Lang != buurtnet.EN)
		}
		rows = append(rows, row)
	}
	cols := []string{l("col.date"), l("col.event"), l("col.what"), l("col.project"), l("col.with"), l("col.detail")}
	table("##", "part.changes", cols, rows)
	return bw.Flush()
}

func refNames(rs []Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}
