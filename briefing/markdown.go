package briefing

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// WriteMarkdown writes the briefing as a Markdown document: a title, the
// scope as a list, then one section per table (ts, from Tables). It is
// meant to be pasted into meeting notes or a wiki.
func WriteMarkdown(w io.Writer, b *Briefing, ts []Table) error {
	bw := bufio.NewWriter(w)
	decimalComma := b.Lang != buurtnet.EN
	fmt.Fprintf(bw, "# %s – %s\n\n", mdText(b.l("title")), mdText(b.Territory.Name))
	for _, row := range b.scopeRows() {
		fmt.Fprintf(bw, "- **%s%s** %s\n", mdText(row[0].(string)), b.l("colon"), mdText(row[1].(string)))
	}
	for _, t := range ts {
		if t.Part == PartScope {
			continue // shown above as a list
		}
		fmt.Fprintf(bw, "\n## %s (%d)\n\n", mdText(t.Title), len(t.Rows))
		if len(t.Rows) == 0 {
			fmt.Fprintf(bw, "%s\n", mdText(b.emptyText(t.Part)))
			continue
		}
		writeMarkdownRow(bw, t.Columns)
		bw.WriteString("|" + strings.Repeat(" --- |", len(t.Columns)) + "\n")
		cells := make([]string, len(t.Columns))
		for _, row := range t.Rows {
			for i, v := range row {
				cells[i] = cellText(v, decimalComma)
			}
			writeMarkdownRow(bw, cells)
		}
	}
	return bw.Flush()
}

func writeMarkdownRow(w *bufio.Writer, cells []string) {
	w.WriteString("|")
	for _, c := range cells {
		w.WriteString(" " + mdText(c) + " |")
	}
	w.WriteString("\n")
}

// mdEscaper keeps names from being read as Markdown: a "|" would split a
// table cell, a "*" or "_" start emphasis, a "<" open HTML.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`, "\r\n", " ", "\n", " ",
)

func mdText(s string) string { return mdEscaper.Replace(s) }
