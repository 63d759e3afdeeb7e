package app

// Store keeps a workspace's plans, custom library entries and settings.
// Every method that changes data is one transaction: it all lands or none of it does.
type Store interface {
	// Plans returns every plan with its KPIs and actuals, ordered by id.
	Plans() ([]*Plan, error)
	// Plan returns one plan with its KPIs and actuals, or ErrNotFound.
	Plan(id PlanID) (*Plan, error)
	// SavePlan writes p and its actuals, giving it a new id when p.ID is 0.
	SavePlan(p *Plan) error
	// SavePlans writes many plans at once (an import): all land or none do.
	SavePlans(ps []*Plan) error
	// DeletePlan removes a plan and its actuals, or returns ErrNotFound.
	DeletePlan(id PlanID) error
	// SaveActuals replaces one KPI's actuals, or returns ErrNotFound.
	SaveActuals(id PlanID, kpiID string, actuals []Actual) error

	// LibraryEntries returns the user's own library entries and hidden built-ins.
	LibraryEntries() ([]LibraryEntry, error)
	// SaveLibraryEntry adds or replaces a user's library entry (or a hidden marker).
	SaveLibraryEntry(e LibraryEntry) error
	// DeleteLibraryEntry removes a user's library entry, or returns ErrNotFound.
	DeleteLibraryEntry(id string) error

	// Setting returns a stored setting, or "" when unset.
	Setting(key string) (string, error)
	// SetSetting stores a setting.
	SetSetting(key, value string) error

	// Backup writes a consistent copy of the whole database to path.
	Backup(path string) error
	// Restore replaces the whole database with a backup file, after checking
	// it and writing a safety copy of the current database, whose path it returns.
	Restore(path string) (string, error)
	// Path returns the database file's location.
	Path() string
	// Close releases the database file.
	Close() error
}
