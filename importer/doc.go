// Package importer reads the partner lists facilitators keep in spreadsheets
// (XLSX, CSV) and network documents (JSON as exports write it, YAML as the
// demo network is written), reports every bad row where its author can find
// it, and loads the rest into a store in one transaction.
//
// # Spreadsheet layout
//
// One sheet (XLSX) or one file (CSV) per kind of entry. The sheet name — for
// CSV, the file name without extension, or its last word ("2024 -
// organisations.csv") — says which kind; Dutch and French names work too:
//
//	organisations  (organisaties, partners, partenaires)
//	projects       (projecten, projets)
//	territories    (territoria, gebieden, territoires)
//	funders        (financiers, financeurs)
//	themes         (themas, thèmes)
//	targetgroups   (target groups, doelgroepen, publics cibles)
//	functions      (functies, bouwstenen, fonctions)
//	links          (relaties, relations, liens)
//
// Row 1 holds the column names: case, accents, spaces and punctuation do not
// matter ("Naam (NL)" is naam_nl). Columns may come in any order and may be
// left out; an unknown column is an error, so a misspelt one does not lose
// its data silently. Every entity sheet takes
//
//	id, name_nl, name_fr, name_en, source
//
// with aliases naam_nl / nom_nl, naam_fr / nom_fr … (a plain "name" or "naam"
// is Dutch, "nom" French), and in addition:
//
//	organisations  acronym, kind, sectors, language_community, line
//	               (lijn, ligne), care (zorgvorm, forme de soins),
//	               enterprise_number (ondernemingsnummer, kbo, bce,
//	               numéro d'entreprise), social_map_id, website,
//	               description_nl/_fr/_en
//	projects       description_nl/_fr/_en, status, language_community,
//	               start, end, website
//	territories    kind, code (nis), note
//	funders        acronym, level, website
//	themes, targetgroups
//	               description_nl/_fr/_en
//	functions      description_nl/_fr/_en, framework, number, pillar
//	               (A, B, C; D, the approach, marks building blocks 7-8)
//	links          kind, from, to, role, level, start, end, amount,
//	               coverage, note, source (no id, no name)
//
// Values: kinds, sectors, statuses and other fixed lists take the API's enum
// values (HEALTH_CARE, CO_CREATE), in any case, with spaces or hyphens for
// underscores, or their names in Dutch, French or English, as exports show
// them (thuiszorg, co-créer, mee beslissen: buurtnet.ParseValue, one table
// of labels); case, accents and punctuation do not matter. A cell with several values (sectors) separates them with "|"
// (a "," works too: no value contains either). Dates are 2019-09-01 or
// 01/09/2019 (day first, as in Belgium), or real date cells in XLSX. Amounts
// are in euro: 125000, 125000,50, 125.000,50.
//
// Ids: "id" may be left empty. An organisation then gets
// org:kbo-0123456789 from its enterprise number, or else kind:slug from its
// name (org:wijkhuis-noord); other entities get kind:slug. The same file
// thus gives the same ids every time, and importing it again changes nothing;
// a renamed row without id or enterprise number is a new entity, though, so
// rows that will be renamed want an id.
// A link names its ends by id, and an organisation also by enterprise number:
// kbo:0123.456.789 (any notation after "kbo:" or "bce:").
//
// # Problems
//
// Every problem names the sheet, the row as the spreadsheet shows it (the
// header is row 1; row 0 is the sheet as a whole) and the column as written
// in the header. JSON and YAML documents report the section for the sheet,
// the entry's position in it for the row (1-based) and the field path for the
// column. A row can have several problems: each cell is checked, and the
// domain's Validate is asked again with every column it blamed set aside.
// A report lists the first MaxProblems problems and counts them all.
//
// # Limits
//
// Spreadsheets are read a row at a time and stop at the caller's deadline.
// A file past MaxColumns, MaxRows, MaxCells, MaxRowBytes, MaxFileBytes,
// MaxParts or MaxSharedStrings is refused whole, with an EINVALID error on
// "file" naming the limit and the sheet, row or column where it was passed.
package importer
