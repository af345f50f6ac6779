package briefing

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/buurtnet/buurtnet"
)

// The PDF briefing is drawn with go-pdf/fpdf, in Go, rather than by printing
// the HTML page with a browser: the service then needs no browser at run
// time, a PDF costs tens of milliseconds rather than a browser process, and
// the same input gives the same bytes. It shows what the HTML page shows,
// from the same tables and the same pictures (their shapes are drawn as PDF
// lines and circles), on A4 landscape pages, one part per page.
//
// The standard PDF fonts cover Windows-1252, which holds every letter of
// Dutch, French and English; a character outside it prints as "?".

const (
	pdfMargin  = 12.0 // mm
	pdfPxMM    = 0.25 // mm per picture unit at most (a CSS pixel is 0.265 mm)
	pdfLineH   = 3.6  // mm per line of table text at pdfFontPt
	pdfFontPt  = 7.5  // table text
	pdfMaxCol  = 70.0 // mm, the widest a column grows before its text wraps
	pdfMinCol  = 14.0 // mm
	pdfPad     = 1.0  // mm inside a cell
	pdfHeadPt  = 14.0 // part headings
	pdfTitlePt = 18.0 // the briefing's title
)

type pdfWriter struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
	b   *Briefing
}

// WritePDF writes the briefing as a printable PDF.
func WritePDF(w io.Writer, b *Briefing, ts []Table) error {
	pdf := fpdf.New("L", "mm", "A4", "")
	made := dayTime(b.Made)
	pdf.SetCreationDate(made) // no clock in the file: the same briefing, the same bytes
	pdf.SetModificationDate(made)
	pdf.SetCatalogSort(true)
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(false, pdfMargin)
	pw := &pdfWriter{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), b: b}
	title := b.l("title") + " – " + b.Territory.Name
	pdf.SetTitle(title, true)
	pdf.SetCreator("buurtnet", true)
	pdf.SetLang(string(b.Lang))
	pdf.SetFooterFunc(func() {
		pdf.SetY(-pdfMargin + 4)
		pdf.SetFont("Helvetica", "", 7)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, pw.tr(b.l("madeBy")+" "+b.Made.String()+" · "+title), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 4, strconv.Itoa(pdf.PageNo()), "", 0, "R", false, 0, "")
	})

	pdf.AddPage()
	pw.text(pdfTitlePt, "B", title)
	pdf.Ln(2)
	for _, row := range b.scopeRows() {
		pdf.SetFont("Helvetica", "B", 9)
		pdf.CellFormat(60, 5, pw.tr(fmt.Sprint(row[0])), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 9)
		pdf.CellFormat(0, 5, pw.tr(fmt.Sprint(row[1])), "", 1, "L", false, 0, "")
	}
	if len(b.Projects) > 0 {
		pdf.Ln(3)
		pw.picture(b.NetworkPicture(), pdfMargin, pdf.GetY(), pw.width(), pw.bottom()-pdf.GetY()-8)
		pw.caption(b.l("pic.network") + ". " + b.l("pic.networkLegend"))
	}

	decimalComma := b.Lang != buurtnet.EN
	for _, t := range ts {
		if t.Part == PartScope {
			continue
		}
		pdf.AddPage()
		pw.text(pdfHeadPt, "B", fmt.Sprintf("%s (%d)", t.Title, len(t.Rows)))
		pdf.Ln(1)
		pw.pictures(t.Part)
		if len(t.Rows) == 0 {
			pdf.SetFont("Helvetica", "I", 9)
			pdf.CellFormat(0, 5, pw.tr(b.emptyText(t.Part)), "", 1, "L", false, 0, "")
			continue
		}
		rows := make([][]string, len(t.Rows))
		numeric := make([]bool, len(t.Columns))
		for i, row := range t.Rows {
			rows[i] = make([]string, len(row))
			for j, v := range row {
				rows[i][j] = cellText(v, decimalComma)
				switch v.(type) {
				case int, buurtnet.Money:
					numeric[j] = true
				}
			}
		}
		pw.table(t.Columns, rows, numeric)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("write the PDF briefing: %w", err)
	}
	return pdf.Output(w)
}

func (pw *pdfWriter) width() float64 {
	w, _ := pw.pdf.GetPageSize()
	return w - 2*pdfMargin
}

func (pw *pdfWriter) bottom() float64 {
	_, h := pw.pdf.GetPageSize()
	return h - pdfMargin - 4 // room for the footer
}

func (pw *pdfWriter) text(pt float64, style, s string) {
	pw.pdf.SetFont("Helvetica", style, pt)
	pw.pdf.SetTextColor(26, 26, 26)
	pw.pdf.MultiCell(0, pt*0.45, pw.tr(s), "", "L", false)
}

func (pw *pdfWriter) caption(s string) {
	pw.pdf.SetFont("Helvetica", "", 8)
	pw.pdf.SetTextColor(70, 70, 70)
	pw.pdf.MultiCell(0, 3.6, pw.tr(s), "", "L", false)
	pw.pdf.Ln(2)
}

// pictures draws a part's pictures above its table, as the HTML does.
func (pw *pdfWriter) pictures(part Part) {
	b, pdf := pw.b, pw.pdf
	switch part {
	case PartGaps:
		if len(b.Projects) > 0 {
			p := b.GapPicture()
			pw.picture(p, pdfMargin, pdf.GetY(), pw.width(), pw.bottom()-pdf.GetY()-10)
			pw.caption(b.l("pic.gaps"))
			pdf.AddPage()
		}
	case PartStakeholders:
		var maps []Picture
		var names []string
		for _, m := range b.Stakeholders {
			for _, g := range m.Levels {
				if len(g.Members) > 0 {
					maps = append(maps, b.StakeholderPicture(m))
					names = append(names, m.Project.Name)
					break
				}
			}
		}
		if len(maps) == 0 {
			return
		}
		legend := b.SectorLegend()
		pdf.SetFont("Helvetica", "", 8)
		x := pdfMargin
		for _, l := range legend {
			w := pdf.GetStringWidth(pw.tr(l[1])) + 8
			if x+w > pdfMargin+pw.width() {
				x = pdfMargin
				pdf.Ln(4)
			}
			pw.fill(l[0])
			pdf.SetDrawColor(51, 51, 51)
			pdf.Circle(x+1.5, pdf.GetY()+2, 1.3, "FD")
			pdf.SetTextColor(26, 26, 26)
			pdf.Text(x+4, pdf.GetY()+3, pw.tr(l[1]))
			x += w
		}
		pdf.Ln(6)
		// Two maps side by side, a page per pair.
		size := math.Min(pw.width()/2-6, pw.bottom()-pdf.GetY()-10)
		for i, p := range maps {
			if i > 0 && i%2 == 0 {
				pdf.AddPage()
				size = math.Min(pw.width()/2-6, pw.bottom()-pdf.GetY()-10)
			}
			y := pdf.GetY()
			x := pdfMargin + float64(i%2)*(pw.width()/2+6)
			pw.picture(p, x, y, size, size)
			pdf.SetFont("Helvetica", "B", 8)
			pdf.SetTextColor(26, 26, 26)
			pdf.Text(x, y+size+4, pw.tr(names[i]))
		}
		pdf.AddPage()
	case PartSynergies:
		cards := b.Synergies[:min(topCards, len(b.Synergies))]
		if len(cards) == 0 {
			return
		}
		pw.text(10, "B", b.l("pic.top"))
		w := (pw.width() - 6) / 2
		y0 := pdf.GetY() + 1
		rowH := 0.0
		for i, s := range cards {
			x := pdfMargin + float64(i%2)*(w+6)
			if i%2 == 0 && i > 0 {
				y0 += rowH + 4
				rowH = 0
			}
			lines := []string{fmt.Sprintf("%s <-> %s   (%d)", s.A.Name, s.B.Name, s.Score)}
			for _, r := range s.Reasons {
				sign := ""
				if r.Points > 0 {
					sign = "+"
				}
				lines = append(lines, fmt.Sprintf("%s%d · %s", sign, r.Points, r.Sentence))
			}
			pdf.SetFont("Helvetica", "", 8)
			var wrapped [][]string
			h := 2.0
			for _, l := range lines {
				ws := pw.wrap(pw.tr(l), w-6)
				wrapped = append(wrapped, ws)
				h += float64(len(ws)) * 3.6
			}
			pw.fill("#b3541e")
			pdf.Rect(x, y0, 1.5, h, "F")
			pdf.SetDrawColor(187, 187, 187)
			pdf.Rect(x, y0, w, h, "D")
			yy := y0 + 4
			for k, ws := range wrapped {
				style := ""
				if k == 0 {
					style = "B"
				}
				pdf.SetFont("Helvetica", style, 8)
				pdf.SetTextColor(26, 26, 26)
				for _, line := range ws {
					pdf.Text(x+4, yy, line)
					yy += 3.6
				}
			}
			rowH = math.Max(rowH, h)
		}
		pdf.SetY(y0 + rowH + 6)
	}
}

// picture draws p scaled to fit in the box (never above pdfPxMM per unit)
// at its top left; the cursor moves below it.
func (pw *pdfWriter) picture(p Picture, x0, y0, maxW, maxH float64) {
	pdf := pw.pdf
	s := math.Min(pdfPxMM, math.Min(maxW/p.W, maxH/p.H))
	if s <= 0 || math.IsNaN(s) {
		return
	}
	if x0 == pdfMargin && p.W*s < maxW {
		x0 += (maxW - p.W*s) / 2 // centred when alone on the line
	}
	X := func(v float64) float64 { return x0 + v*s }
	Y := func(v float64) float64 { return y0 + v*s }
	for _, sh := range p.Shapes {
		lw := math.Max(0.1, sh.StrokeWidth*s)
		switch sh.Kind {
		case ShapeCircle:
			pdf.SetLineWidth(lw)
			pdf.Circle(X(sh.X), Y(sh.Y), sh.R*s, pw.paint(sh.Fill, sh.Stroke))
		case ShapeRect:
			pdf.SetLineWidth(lw)
			if style := pw.paint(sh.Fill, sh.Stroke); style != "" {
				pdf.Rect(X(sh.X), Y(sh.Y), sh.W*s, sh.H*s, style)
			}
		case ShapeLine:
			pw.stroke(sh.Stroke)
			pdf.SetLineWidth(lw)
			pdf.SetLineCapStyle("round")
			pdf.Line(X(sh.X), Y(sh.Y), X(sh.X2), Y(sh.Y2))
		case ShapeText:
			style := ""
			if sh.Bold {
				style = "B"
			}
			pdf.SetFont("Helvetica", style, sh.Size*s*72/25.4)
			r, g, bl := rgb(sh.Fill)
			pdf.SetTextColor(r, g, bl)
			txt := pw.tr(sh.Text)
			w := pdf.GetStringWidth(txt)
			x := X(sh.X)
			switch sh.Anchor {
			case "middle":
				x -= w / 2
			case "end":
				x -= w
			}
			if sh.Rotate != 0 {
				pdf.TransformBegin()
				pdf.TransformRotate(-sh.Rotate, X(sh.X), Y(sh.Y)) // SVG turns clockwise, PDF counter-clockwise
				pdf.Text(x, Y(sh.Y), txt)
				pdf.TransformEnd()
			} else {
				pdf.Text(x, Y(sh.Y), txt)
			}
		}
	}
	pdf.SetY(y0 + p.H*s + 2)
}

// paint sets the colours of a shape and returns fpdf's style for it.
func (pw *pdfWriter) paint(fill, stroke string) string {
	style := ""
	if fill != "" && fill != "none" {
		pw.fill(fill)
		style += "F"
	}
	if stroke != "" {
		pw.stroke(stroke)
		style += "D"
	}
	return style
}

func (pw *pdfWriter) fill(c string) {
	r, g, b := rgb(c)
	pw.pdf.SetFillColor(r, g, b)
}

func (pw *pdfWriter) stroke(c string) {
	r, g, b := rgb(c)
	pw.pdf.SetDrawColor(r, g, b)
}

func rgb(c string) (int, int, int) {
	v, err := strconv.ParseUint(strings.TrimPrefix(c, "#"), 16, 32)
	if err != nil || len(c) != 7 {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// table draws rows under a header that repeats on every page; columns are
// as wide as their text wants, up to pdfMaxCol, then scaled to the page,
// and a cell's text wraps inside it.
func (pw *pdfWriter) table(columns []string, rows [][]string, numeric []bool) {
	pdf := pw.pdf
	pdf.SetFont("Helvetica", "", pdfFontPt)
	want := make([]float64, len(columns))
	for j, c := range columns {
		pdf.SetFont("Helvetica", "B", pdfFontPt)
		longest := 0.0
		for _, word := range strings.Fields(pw.tr(c)) {
			longest = math.Max(longest, pdf.GetStringWidth(word))
		}
		want[j] = math.Max(pdfMinCol, longest+2*pdfPad+1)
		pdf.SetFont("Helvetica", "", pdfFontPt)
		for _, r := range rows {
			want[j] = math.Max(want[j], math.Min(pdfMaxCol, pdf.GetStringWidth(pw.tr(r[j]))+2*pdfPad+1))
		}
	}
	total := 0.0
	for _, w := range want {
		total += w
	}
	scale := pw.width() / total
	if scale > 1 {
		scale = 1
	}
	widths := make([]float64, len(want))
	for j := range want {
		widths[j] = want[j] * scale
	}
	lines := func(cells []string, bold bool) ([][]string, float64) {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont("Helvetica", style, pdfFontPt)
		out := make([][]string, len(cells))
		n := 1
		for j, c := range cells {
			out[j] = pw.wrap(pw.tr(c), widths[j]-2*pdfPad)
			n = max(n, len(out[j]))
		}
		return out, float64(n)*pdfLineH + 2*pdfPad - 0.6
	}
	draw := func(cells [][]string, h float64, header bool, shade bool) {
		x, y := pdfMargin, pdf.GetY()
		style := ""
		if header {
			style = "B"
			pdf.SetFillColor(221, 235, 247)
		} else if shade {
			pdf.SetFillColor(246, 248, 251)
		}
		pdf.SetFont("Helvetica", style, pdfFontPt)
		pdf.SetDrawColor(187, 187, 187)
		pdf.SetLineWidth(0.2)
		pdf.SetTextColor(26, 26, 26)
		for j, c := range cells {
			rectStyle := "D"
			if header || shade {
				rectStyle = "FD"
			}
			pdf.Rect(x, y, widths[j], h, rectStyle)
			for k, line := range c {
				tx := x + pdfPad
				if numeric != nil && numeric[j] && !header {
					tx = x + widths[j] - pdfPad - pdf.GetStringWidth(line)
				}
				pdf.Text(tx, y+pdfPad+pdfLineH*float64(k)+pdfLineH*0.72, line)
			}
			x += widths[j]
		}
		pdf.SetY(y + h)
	}
	head, headH := lines(columns, true)
	draw(head, headH, true, false)
	for i, r := range rows {
		cells, h := lines(r, false)
		if pdf.GetY()+h > pw.bottom() {
			pdf.AddPage()
			draw(head, headH, true, false)
		}
		if h > pw.bottom()-pdfMargin-headH {
			// A row taller than a page is cut at the page: rare (a project
			// with hundreds of partners) and better than no PDF at all.
			h = pw.bottom() - pdf.GetY()
		}
		draw(cells, h, false, i%2 == 1)
	}
}

// wrap breaks text (already in the font's single-byte encoding, which
// fpdf's SplitText does not take) into lines no wider than w in the current
// font: at spaces, and inside a word only when the word alone is too wide.
func (pw *pdfWriter) wrap(text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for pw.pdf.GetStringWidth(word) > w && len(word) > 1 {
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				n := len(word) - 1
				for n > 1 && pw.pdf.GetStringWidth(word[:n]) > w {
					n--
				}
				lines = append(lines, word[:n])
				word = word[n:]
			}
			switch {
			case line == "":
				line = word
			case pw.pdf.GetStringWidth(line+" "+word) <= w:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return lines
}
