package importer_test

import (
	"testing"
	"time"
)

// The workbooks below are fictional: no real organisation, person, e-mail
// or phone number. Enterprise numbers are made up with valid check digits.

// goodWorkbook is a complete partner list, with Dutch and French headers,
// date and number cells, ids left out, a link by enterprise number and the
// empty "Blad1" that Dutch Excel leaves behind.
func goodWorkbook(tb testing.TB) string {
	return writeXLSX(tb,
		sheet{"territories", [][]any{
			{"id", "naam_nl", "nom_fr", "soort"},
			{"territory:zonnedorp", "Zonnedorp", "Village-Soleil", "MUNICIPALITY"},
			{"territory:wijk-noord", "Wijk Noord", "Quartier Nord", "neighbourhood"},
		}},
		sheet{"Thema's", [][]any{
			{"id", "naam_nl", "nom_fr"},
			{"theme:eenzaamheid", "Eenzaamheid", "Isolement"},
		}},
		sheet{"doelgroepen", [][]any{
			{"id", "naam_nl"},
			{"targetgroup:ouderen", "Ouderen"},
		}},
		sheet{"functions", [][]any{
			{"id", "name_nl", "framework", "number"},
			{"function:detectie", "Detectie", "VVSG_FUNCTIONS", 2},
		}},
		sheet{"Financiers", [][]any{
			{"id", "naam", "niveau"},
			{"funder:stichting-lindeboom", "Stichting Lindeboom", "private"},
		}},
		sheet{"organisations", [][]any{
			{"ID", "Naam (NL)", "Nom (FR)", "Soort", "Sectoren", "Numéro d'entreprise"},
			{"org:wijkhuis-noord", "Wijkhuis Noord", "Maison de quartier Nord", "ASSOCIATION", "COMMUNITY|WELFARE", "0123.456.749"},
			{"", "Thuiszorg Zonnebloem", "", "care provider", "HOME_CARE, ELDERLY_CARE", 987654394}, // a number cell: Excel drops the 0
			{"", "Buurtapotheek De Kruidenier", "", "SHOP", "PHARMACY", ""},
		}},
		sheet{"projects", [][]any{
			{"id", "name_nl", "status", "start", "einde"},
			{"project:samen-in-de-wijk", "Samen in de wijk", "PILOT", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), "31/12/2025"},
		}},
		sheet{"links", [][]any{
			{"kind", "from", "to", "role", "level", "start", "end", "amount", "coverage"},
			{"PART_OF", "territory:wijk-noord", "territory:zonnedorp"},
			{"ACTIVE_IN", "project:samen-in-de-wijk", "territory:wijk-noord", "", "", "", "", "", "part"},
			{"FUNDS", "funder:stichting-lindeboom", "project:samen-in-de-wijk", "", "", "2023-01-01", "2024-12-31", 125000.5},
			{"PARTICIPATES_IN", "org:wijkhuis-noord", "project:samen-in-de-wijk", "COORDINATOR", "CO_DECIDE"},
			{"PARTICIPATES_IN", "kbo:0987.654.394", "project:samen-in-de-wijk", "", "co-create"},
			{"participates in", "org:buurtapotheek-de-kruidenier", "project:samen-in-de-wijk", "associate", "inform"},
			{"ADDRESSES", "project:samen-in-de-wijk", "theme:eenzaamheid"},
			{"TARGETS", "project:samen-in-de-wijk", "targetgroup:ouderen"},
			{"WORKS_ON", "project:samen-in-de-wijk", "function:detectie"},
			{"LOCATED_IN", "org:wijkhuis-noord", "territory:wijk-noord"},
		}},
		sheet{"Blad1", nil},
	)
}

// goodEntries is how many entities and links goodWorkbook holds.
const goodEntries = 2 + 1 + 1 + 1 + 1 + 3 + 1 + 10

// badWorkbook has one of every kind of problem; the comments give the
// place each must be reported at.
func badWorkbook(tb testing.TB) string {
	return writeXLSX(tb,
		sheet{"organisations", [][]any{
			{"id", "naam_nl", "soort", "ondernemingsnummer"},
			{"org:goed", "Vzw Goed", "ASSOCIATION", "0123.456.749"},
			{"org:zonder-naam", "", "ASSOCIATION", ""},                     // row 3, naam_nl
			{"org:slecht-nummer", "Vzw Slecht Nummer", "", "0123.456.748"}, // row 4, ondernemingsnummer
			{"org:goed", "Vzw Goed bis", "", ""},                           // row 5, id (duplicate)
			{"org:vreemd", "Vzw Vreemde Soort", "CHARITY", ""},             // row 6, soort
			{"org:dubbel", "", "CHARITY", ""},                              // row 7, naam_nl and soort
		}},
		sheet{"projects", [][]any{
			{"id", "name_nl", "start", "end", "status", "budget"}, // row 1, budget (unknown column)
			{"project:goed", "Goed project", "2023-01-01", "2024-12-31", "PILOT"},
			{"project:achterstevoren", "Achterstevoren", "2024-01-01", "2023-01-01", "PILOT"}, // row 3, end
			{"project:raar", "Raar", "2023-13-45", "", "PILOTE"},                              // row 4, start and status
		}},
		sheet{"links", [][]any{
			{"kind", "from", "to", "role"},
			{"PARTICIPATES_IN", "org:goed", "project:goed", "PARTNER"},
			{"PARTICIPATES_IN", "org:goed", "project:bestaat-niet"},    // row 3, to (the store has none either)
			{"PARTICIPATES_IN", "org:slecht-nummer", "project:goed"},   // row 4: skipped, its organisation has problems
			{"LIKES", "org:goed", "project:goed"},                      // row 5, kind
			{"PARTICIPATES_IN", "kbo:0555.000.148", "project:goed"},    // row 6, from (no such organisation)
			{"PARTICIPATES_IN", "org:goed", "project:goed", "BOSS"},    // row 7, role
			{"PARTICIPATES_IN", "org:goed", "project:goed", "PARTNER"}, // row 8, the same link as row 2
			{"SERVES", "org:goed", "territory:nergens"},                // row 9, to
		}},
		sheet{"Notities", [][]any{{"te bespreken op het overleg"}}}, // row 0: unknown sheet
	)
}

// badPlaces are the problems of badWorkbook that Read finds, in file order.
var badPlaces = []at{
	{"organisations", 3, "naam_nl"},
	{"organisations", 4, "ondernemingsnummer"},
	{"organisations", 5, "id"},
	{"organisations", 6, "soort"},
	{"organisations", 7, "naam_nl"},
	{"organisations", 7, "soort"},
	{"projects", 1, "budget"},
	{"projects", 3, "end"},
	{"projects", 4, "start"},
	{"projects", 4, "status"},
	{"links", 5, "kind"},
	{"links", 7, "role"},
	{"links", 8, ""},
	{"Notities", 0, ""},
}

// storePlaces are the problems only the store can find (link ends that
// are not in the file), merged into badPlaces by Import.
var storePlaces = []at{
	{"links", 3, "to"},
	{"links", 6, "from"},
	{"links", 9, "to"},
}
