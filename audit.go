package buurtnet

import "time"

// AuditEntry records one change: who made it, when, to what. Stores write
// it in the transaction of the change itself, so the log and the data
// cannot disagree.
type AuditEntry struct {
	ID    int64     `json:"id"`
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	// Action is CREATE, UPDATE, DELETE, LINK, UPDATE_LINK, UNLINK or IMPORT.
	Action string `json:"action"`
	// Subject is the entity id, or the link as "KIND from -> to".
	Subject string `json:"subject"`
}

// Audit actions.
const (
	AuditCreate     = "CREATE"
	AuditUpdate     = "UPDATE"
	AuditDelete     = "DELETE"
	AuditLink       = "LINK"
	AuditUpdateLink = "UPDATE_LINK"
	AuditUnlink     = "UNLINK"
	AuditImport     = "IMPORT"
)

// AuditFilter selects audit entries, newest first. Empty fields do not filter.
type AuditFilter struct {
	Subject string
	Actor   string
	Since   time.Time
	// Limit caps the entries returned; 0 means 100.
	Limit int
}

// String renders a link key the way the audit log and reports name links.
func (k LinkKey) String() string { return string(k.Kind) + " " + k.From + " -> " + k.To }
