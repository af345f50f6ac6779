package importer

import (
	"slices"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// cellType says how a cell is read.
type cellType int

const (
	tText  cellType = iota
	tEnum           // one value of a fixed list: upper-cased, "_" for spaces
	tEnums          // several, separated by "|" or ","
	tDate
	tMoney
	tInt
)

// column is a column a sheet takes.
type column struct {
	name    string   // the documented name
	aliases []string // other names accepted, as key() gives them
	field   string   // the domain field it fills, as Validate names it
	typ     cellType
	// list is the fixed list (buurtnet.ValueLists) an enum column's values
	// come from, so a cell may hold a value's Dutch or French label; "" for
	// an enum with no labels (a pillar).
	list string
	// set puts a cell, as parseCell reads it, in its field of a target its
	// sheet made (sheetDef.newTarget).
	set func(target, v any)
}

// sheetDef is a sheet the importer knows: one kind of entity, or links.
type sheetDef struct {
	name    string
	aliases []string
	kind    buurtnet.Kind // "" for links
	columns []column
	// newTarget returns an empty entity of the sheet's kind, or a link.
	newTarget func() any
}

// col is a column of a sheet of T's, with its setter typed: the table below
// is written in these, and sheet() makes columns of them.
type col[T any] struct {
	column
	setT func(*T, any)
}

// cell makes a column whose cells parseCell reads as V (it says which type
// each cell type gives); the constructors below fix the pair once.
func cell[T, V any](typ cellType, name string, aliases []string, field string, set func(*T, V)) col[T] {
	return col[T]{column{name: name, aliases: aliases, field: field, typ: typ}, func(t *T, v any) { set(t, v.(V)) }}
}

func text[T any](name string, aliases []string, field string, set func(*T, string)) col[T] {
	return cell(tText, name, aliases, field, set)
}

func enum[T any](name string, aliases []string, field, list string, set func(*T, string)) col[T] {
	c := cell(tEnum, name, aliases, field, set)
	c.list = list
	return c
}

func enums[T any](name string, aliases []string, field, list string, set func(*T, []string)) col[T] {
	c := cell(tEnums, name, aliases, field, set)
	c.list = list
	return c
}

func date[T any](name string, aliases []string, field string, set func(*T, buurtnet.Date)) col[T] {
	return cell(tDate, name, aliases, field, set)
}

func money[T any](name string, aliases []string, field string, set func(*T, *buurtnet.Money)) col[T] {
	return cell(tMoney, name, aliases, field, set)
}

func whole[T any](name string, aliases []string, field string, set func(*T, int)) col[T] {
	return cell(tInt, name, aliases, field, set)
}

// sheet makes the sheet of T's that newT makes for each row. Its kind is
// the one of what newT makes, and its columns can only set a T, so a
// column cannot be given a target of another sheet.
func sheet[T any](name string, aliases []string, newT func() *T, cols ...col[T]) *sheetDef {
	d := &sheetDef{name: name, aliases: aliases, newTarget: func() any { return newT() }}
	if n, ok := any(newT()).(buurtnet.Node); ok {
		d.kind = n.NodeKind()
	}
	for _, c := range cols {
		set := c.setT
		c.column.set = func(target, v any) { set(target.(*T), v) }
		d.columns = append(d.columns, c.column)
	}
	return d
}

// The columns several sheets take, for the field each sheet's T has.

func colID[T any](set func(*T, string)) col[T] { return text("id", nil, "id", set) }

func colNames[T any](name func(*T) *buurtnet.Text) []col[T] {
	return []col[T]{
		text("name_nl", []string{"naam_nl", "nom_nl", "name", "naam"}, "name.nl", func(t *T, s string) { name(t).NL = s }),
		text("name_fr", []string{"naam_fr", "nom_fr", "nom"}, "name.fr", func(t *T, s string) { name(t).FR = s }),
		text("name_en", []string{"naam_en", "nom_en"}, "name.en", func(t *T, s string) { name(t).EN = s }),
	}
}

func colDescriptions[T any](description func(*T) *buurtnet.Text) []col[T] {
	return []col[T]{
		text("description_nl", []string{"beschrijving_nl", "omschrijving_nl", "beschrijving", "omschrijving", "description"}, "description.nl",
			func(t *T, s string) { description(t).NL = s }),
		text("description_fr", []string{"beschrijving_fr", "omschrijving_fr"}, "description.fr", func(t *T, s string) { description(t).FR = s }),
		text("description_en", []string{"beschrijving_en", "omschrijving_en"}, "description.en", func(t *T, s string) { description(t).EN = s }),
	}
}

func colSource[T any](set func(*T, string)) col[T] {
	return text("source", []string{"bron"}, "source", set)
}

func colWebsite[T any](set func(*T, string)) col[T] {
	return text("website", []string{"site", "site_web", "webstek", "url"}, "website", set)
}

func colAcronym[T any](set func(*T, string)) col[T] {
	return text("acronym", []string{"afkorting", "acroniem", "sigle", "acronyme"}, "acronym", set)
}

func colKind[T any](list string, set func(*T, string)) col[T] {
	return enum("kind", []string{"type", "soort"}, "kind", list, set)
}

func colPeriod[T any](period func(*T) *buurtnet.Period) []col[T] {
	return []col[T]{
		date("start", []string{"begin", "startdatum", "begindatum", "debut", "date_de_debut"}, "period.start",
			func(t *T, d buurtnet.Date) { period(t).Start = d }),
		date("end", []string{"einde", "einddatum", "fin", "date_de_fin"}, "period.end", func(t *T, d buurtnet.Date) { period(t).End = d }),
	}
}

func colNote[T any](set func(*T, string)) col[T] {
	return text("note", []string{"notitie", "opmerking", "remarque"}, "note", set)
}

// entity returns the columns of an entity sheet: id, names, then its own,
// then source; base gives the fields of a T the shared ones fill.
func entity[T any](base func(*T) (id *string, name *buurtnet.Text, source *string), own ...[]col[T]) []col[T] {
	cols := append([]col[T]{colID(func(t *T, s string) { id, _, _ := base(t); *id = s })},
		colNames(func(t *T) *buurtnet.Text { _, name, _ := base(t); return name })...)
	cols = append(cols, slices.Concat(own...)...)
	return append(cols, colSource(func(t *T, s string) { _, _, source := base(t); *source = s }))
}

// Short names for the table below, where every setter spells its type.
type (
	organisation = buurtnet.Organisation
	project      = buurtnet.Project
	territory    = buurtnet.Territory
	funder       = buurtnet.Funder
	term         = buurtnet.Term
	link         = buurtnet.Link
)

// terms is the sheet of one kind of term.
func terms(name string, aliases []string, kind buurtnet.Kind, own ...[]col[term]) *sheetDef {
	return sheet(name, aliases, func() *term { return &term{Kind: kind} },
		entity(func(t *term) (*string, *buurtnet.Text, *string) { return &t.ID, &t.Name, &t.Source },
			append([][]col[term]{colDescriptions(func(t *term) *buurtnet.Text { return &t.Description })}, own...)...)...)
}

var sheetDefs = []*sheetDef{
	sheet("organisations", []string{"organizations", "organisaties", "partners", "partenaires"}, func() *organisation { return &organisation{} },
		entity(func(o *organisation) (*string, *buurtnet.Text, *string) { return &o.ID, &o.Name, &o.Source },
			[]col[organisation]{
				colAcronym(func(o *organisation, s string) { o.Acronym = s }),
				colKind(buurtnet.ListOrganisationKind, func(o *organisation, s string) { o.Kind = buurtnet.OrganisationKind(s) }),
				enums("sectors", []string{"sector", "sectoren", "secteurs", "secteur"}, "sectors", buurtnet.ListSector, func(o *organisation, xs []string) {
					for _, x := range xs {
						o.Sectors = append(o.Sectors, buurtnet.Sector(x))
					}
				}),
				enum("language_community", []string{"taalgemeenschap", "taal", "communaute_linguistique", "langue"}, "languageCommunity", buurtnet.ListCommunity,
					func(o *organisation, s string) { o.LanguageCommunity = buurtnet.LanguageCommunity(s) }),
				enum("line", []string{"lijn", "zorglijn", "ligne", "ligne_de_soins"}, "line", buurtnet.ListCareLine, func(o *organisation, s string) { o.Line = buurtnet.CareLine(s) }),
				enum("care", []string{"zorgvorm", "formele_zorg", "forme_de_soins", "type_de_soins"}, "care", buurtnet.ListCareForm, func(o *organisation, s string) { o.Care = buurtnet.CareForm(s) }),
				text("enterprise_number", []string{"ondernemingsnummer", "kbo", "kbo_nummer", "bce", "numero_bce", "numero_d_entreprise", "numero_entreprise"}, "enterpriseNumber",
					func(o *organisation, s string) { o.EnterpriseNumber = s }),
				text("social_map_id", []string{"sociale_kaart", "sociale_kaart_id"}, "socialMapId", func(o *organisation, s string) { o.SocialMapID = s }),
				colWebsite(func(o *organisation, s string) { o.Website = s }),
			},
			colDescriptions(func(o *organisation) *buurtnet.Text { return &o.Description }))...),
	sheet("projects", []string{"projecten", "projets"}, func() *project { return &project{} },
		entity(func(p *project) (*string, *buurtnet.Text, *string) { return &p.ID, &p.Name, &p.Source },
			colDescriptions(func(p *project) *buurtnet.Text { return &p.Description }),
			[]col[project]{
				enum("status", []string{"fase", "stade", "statut"}, "status", buurtnet.ListStatus, func(p *project, s string) { p.Status = buurtnet.ProjectStatus(s) }),
				enum("language_community", []string{"taalgemeenschap", "taal", "communaute_linguistique", "langue"}, "languageCommunity", buurtnet.ListCommunity,
					func(p *project, s string) { p.LanguageCommunity = buurtnet.LanguageCommunity(s) }),
			},
			colPeriod(func(p *project) *buurtnet.Period { return &p.Period }),
			[]col[project]{colWebsite(func(p *project, s string) { p.Website = s })})...),
	sheet("territories", []string{"territoria", "gebieden", "territoires"}, func() *territory { return &territory{} },
		entity(func(t *territory) (*string, *buurtnet.Text, *string) { return &t.ID, &t.Name, &t.Source },
			[]col[territory]{
				colKind(buurtnet.ListTerritoryKind, func(t *territory, s string) { t.Kind = buurtnet.TerritoryKind(s) }),
				text("code", []string{"nis", "nis_code", "niscode"}, "code", func(t *territory, s string) { t.Code = s }),
				colNote(func(t *territory, s string) { t.Note = s }),
			})...),
	sheet("funders", []string{"financiers", "financeurs"}, func() *funder { return &funder{} },
		entity(func(f *funder) (*string, *buurtnet.Text, *string) { return &f.ID, &f.Name, &f.Source },
			[]col[funder]{
				colAcronym(func(f *funder, s string) { f.Acronym = s }),
				enum("level", []string{"niveau", "bestuursniveau"}, "level", buurtnet.ListFunderLevel, func(f *funder, s string) { f.Level = buurtnet.FunderLevel(s) }),
				colWebsite(func(f *funder, s string) { f.Website = s }),
			})...),
	terms("themes", []string{"themas", "thema_s", "thema"}, buurtnet.KindTheme),
	terms("targetgroups", []string{"target_groups", "doelgroepen", "publics_cibles", "publics"}, buurtnet.KindTargetGroup),
	terms("functions", []string{"functies", "bouwstenen", "fonctions"}, buurtnet.KindFunction, []col[term]{
		enum("framework", []string{"kader", "cadre"}, "framework", buurtnet.ListFramework, func(t *term, s string) { t.Framework = buurtnet.Framework(s) }),
		whole("number", []string{"nummer", "nr", "numero"}, "number", func(t *term, n int) { t.Number = n }),
		enum("pillar", []string{"pijler", "pilier"}, "pillar", "", func(t *term, s string) { t.Pillar = s }),
	}),
	sheet("links", []string{"relaties", "relations", "liens"}, func() *link { return &link{} }, slices.Concat(
		[]col[link]{
			colKind(buurtnet.ListLinkKind, func(l *link, s string) { l.Kind = buurtnet.LinkKind(s) }),
			text("from", []string{"van"}, "from", func(l *link, s string) { l.From = s }),
			text("to", []string{"naar", "vers"}, "to", func(l *link, s string) { l.To = s }),
			enum("role", []string{"rol"}, "role", buurtnet.ListRole, func(l *link, s string) { l.Role = buurtnet.Role(s) }),
			enum("level", []string{"niveau", "betrokkenheid"}, "level", buurtnet.ListLevel, func(l *link, s string) { l.Level = buurtnet.StakeholderLevel(s) }),
		},
		colPeriod(func(l *link) *buurtnet.Period { return &l.Period }),
		[]col[link]{
			money("amount", []string{"bedrag", "montant"}, "amount", func(l *link, m *buurtnet.Money) { l.Amount = m }),
			enum("coverage", []string{"dekking", "couverture"}, "coverage", buurtnet.ListCoverage, func(l *link, s string) { l.Coverage = buurtnet.Coverage(s) }),
			enums("territory_roles", []string{"rollen", "rollen_in_de_wijk", "wijkrollen", "roles", "roles_dans_le_quartier"}, "territoryRoles", buurtnet.ListTerritoryRole, func(l *link, xs []string) {
				for _, x := range xs {
					l.TerritoryRoles = append(l.TerritoryRoles, buurtnet.TerritoryRole(x))
				}
			}),
			colNote(func(l *link, s string) { l.Note = s }),
			colSource(func(l *link, s string) { l.Source = s }),
		})...),
}

// findSheet returns the sheet a sheet or file name stands for: its name or an
// alias, whole or as the last word ("2024 - organisaties").
func findSheet(name string) *sheetDef {
	k := key(name)
	for _, d := range sheetDefs {
		for _, n := range append([]string{d.name}, d.aliases...) {
			if k == n || strings.HasSuffix(k, "_"+n) {
				return d
			}
		}
	}
	return nil
}

// findColumn returns the column a header cell names, or nil.
func (d *sheetDef) findColumn(header string) *column {
	k := key(header)
	for i, c := range d.columns {
		if k == c.name || k == strings.ReplaceAll(c.name, "_", "") {
			return &d.columns[i]
		}
		for _, a := range c.aliases {
			if k == a {
				return &d.columns[i]
			}
		}
	}
	return nil
}

func (d *sheetDef) columnNames() string {
	names := make([]string, len(d.columns))
	for i, c := range d.columns {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func sheetNames() string {
	names := make([]string, len(sheetDefs))
	for i, d := range sheetDefs {
		names[i] = d.name
	}
	return strings.Join(names, ", ")
}

// key folds a sheet or column name so that "Numéro d'entreprise",
// "numero_d_entreprise" and "NUMERO D ENTREPRISE" are one name: spreadsheet
// authors type headers by hand, in two languages.
func key(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range buurtnet.Fold(strings.TrimSpace(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	return b.String()
}
