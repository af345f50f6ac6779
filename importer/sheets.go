package importer

import (
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
}

// sheetDef is a sheet the importer knows: one kind of entity, or links.
type sheetDef struct {
	name    string
	aliases []string
	kind    buurtnet.Kind // "" for links
	columns []column
}

var (
	colID    = column{"id", nil, "id", tText}
	colNames = []column{
		{"name_nl", []string{"naam_nl", "nom_nl", "name", "naam"}, "name.nl", tText},
		{"name_fr", []string{"naam_fr", "nom_fr", "nom"}, "name.fr", tText},
		{"name_en", []string{"naam_en", "nom_en"}, "name.en", tText},
	}
	colDescriptions = []column{
		{"description_nl", []string{"beschrijving_nl", "omschrijving_nl", "beschrijving", "omschrijving", "description"}, "description.nl", tText},
		{"description_fr", []string{"beschrijving_fr", "omschrijving_fr"}, "description.fr", tText},
		{"description_en", []string{"beschrijving_en", "omschrijving_en"}, "description.en", tText},
	}
	colSource  = column{"source", []string{"bron"}, "source", tText}
	colWebsite = column{"website", []string{"site", "site_web", "webstek", "url"}, "website", tText}
	colAcronym = column{"acronym", []string{"afkorting", "acroniem", "sigle", "acronyme"}, "acronym", tText}
	colKind    = column{"kind", []string{"type", "soort"}, "kind", tEnum}
	colStart   = column{"start", []string{"begin", "startdatum", "begindatum", "debut", "date_de_debut"}, "period.start", tDate}
	colEnd     = column{"end", []string{"einde", "einddatum", "fin", "date_de_fin"}, "period.end", tDate}
	colNote    = column{"note", []string{"notitie", "opmerking", "remarque"}, "note", tText}
)

// entity returns the columns of an entity sheet: id, names, then its own.
func entity(own ...column) []column {
	cols := append([]column{colID}, colNames...)
	return append(append(cols, own...), colSource)
}

var sheetDefs = []*sheetDef{
	{name: "organisations", aliases: []string{"organizations", "organisaties", "partners", "partenaires"}, kind: buurtnet.KindOrganisation,
		columns: entity(colAcronym, colKind,
			column{"sectors", []string{"sector", "sectoren", "secteurs", "secteur"}, "sectors", tEnums},
			column{"language_community", []string{"taalgemeenschap", "taal", "communaute_linguistique", "langue"}, "languageCommunity", tEnum},
			column{"line", []string{"lijn", "zorglijn", "ligne", "ligne_de_soins"}, "line", tEnum},
			column{"care", []string{"zorgvorm", "formele_zorg", "forme_de_soins", "type_de_soins"}, "care", tEnum},
			column{"enterprise_number", []string{"ondernemingsnummer", "kbo", "kbo_nummer", "bce", "numero_bce", "numero_d_entreprise", "numero_entreprise"}, "enterpriseNumber", tText},
			column{"social_map_id", []string{"sociale_kaart", "sociale_kaart_id"}, "socialMapId", tText},
			colWebsite, colDescriptions[0], colDescriptions[1], colDescriptions[2])},
	{name: "projects", aliases: []string{"projecten", "projets"}, kind: buurtnet.KindProject,
		columns: entity(colDescriptions[0], colDescriptions[1], colDescriptions[2],
			column{"status", []string{"fase", "stade", "statut"}, "status", tEnum},
			column{"language_community", []string{"taalgemeenschap", "taal", "communaute_linguistique", "langue"}, "languageCommunity", tEnum},
			colStart, colEnd, colWebsite)},
	{name: "territories", aliases: []string{"territoria", "gebieden", "territoires"}, kind: buurtnet.KindTerritory,
		columns: entity(colKind, column{"code", []string{"nis", "nis_code", "niscode"}, "code", tText}, colNote)},
	{name: "funders", aliases: []string{"financiers", "financeurs"}, kind: buurtnet.KindFunder,
		columns: entity(colAcronym, column{"level", []string{"niveau", "bestuursniveau"}, "level", tEnum}, colWebsite)},
	{name: "themes", aliases: []string{"themas", "thema_s", "thema"}, kind: buurtnet.KindTheme,
		columns: entity(colDescriptions...)},
	{name: "targetgroups", aliases: []string{"target_groups", "doelgroepen", "publics_cibles", "publics"}, kind: buurtnet.KindTargetGroup,
		columns: entity(colDescriptions...)},
	{name: "functions", aliases: []string{"functies", "bouwstenen", "fonctions"}, kind: buurtnet.KindFunction,
		columns: entity(colDescriptions[0], colDescriptions[1], colDescriptions[2],
			column{"framework", []string{"kader", "cadre"}, "framework", tEnum},
			column{"number", []string{"nummer", "nr", "numero"}, "number", tInt},
			column{"pillar", []string{"pijler", "pilier"}, "pillar", tEnum})},
	{name: "links", aliases: []string{"relaties", "relations", "liens"}, columns: []column{
		colKind,
		{"from", []string{"van"}, "from", tText},
		{"to", []string{"naar", "vers"}, "to", tText},
		{"role", []string{"rol"}, "role", tEnum},
		{"level", []string{"niveau", "betrokkenheid"}, "level", tEnum},
		colStart, colEnd,
		{"amount", []string{"bedrag", "montant"}, "amount", tMoney},
		{"coverage", []string{"dekking", "couverture"}, "coverage", tEnum},
		colNote, colSource,
	}},
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
