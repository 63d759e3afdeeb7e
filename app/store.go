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

	// People returns the people registry, ordered by employee code.
	People() ([]Employee, error)
	// Units returns the org units, ordered by code.
	Units() ([]OrgUnit, error)
	// History returns a plan's history entries, oldest first.
	History(plan UID) ([]HistoryEntry, error)
	// WorkspaceLog returns the workspace-level log (deleted plans, people and
	// unit changes, period closes), oldest first.
	WorkspaceLog() ([]HistoryEntry, error)
	// PeriodCloses returns every close and reopen record, in the order written.
	PeriodCloses() ([]PeriodClose, error)
	// Update runs fn in one write transaction: everything fn writes lands, or
	// nothing does when fn or the commit fails.
	Update(fn func(Tx) error) error

	// Backup writes a consistent copy of the whole database to path.
	Backup(path string) error
	// Restore replaces the whole database with a backup file, after checking
	// it and writing a safety copy of the current database, whose path it returns.
	Restore(path string) (string, error)
	// Path returns the database file's location.
	Path() string
	// Close releases the database file.
	Close() error

	// Templates returns every version of every position template, grouped
	// by template, each template's versions oldest first.
	Templates() ([]*Template, error)
	// PlansOfTemplate returns the plans holding template uid (any version),
	// with their KPIs and actuals, ordered by id.
	PlansOfTemplate(uid UID) ([]*Plan, error)
	// PacketBases returns the packet base of every plan that travelled in a
	// packet, ordered by plan uid.
	PacketBases() ([]PacketBase, error)
	// PlanUIDs returns the uid of every plan, none decoded.
	PlanUIDs() ([]UID, error)
	// PlansByUID returns, by uid, the plans with the given uids (with their
	// KPIs and actuals) in one read; uids the store lacks are left out.
	PlansByUID(uids []UID) (map[UID]*Plan, error)
}

// Tx is one write transaction of a Store: what a user action changes, with its
// history, lands together or not at all.
type Tx interface {
	// Plan returns one plan with its KPIs and actuals, or ErrNotFound.
	Plan(id PlanID) (*Plan, error)
	// PlanByUID returns the plan with the given uid, or ErrNotFound.
	PlanByUID(uid UID) (*Plan, error)
	// SavePlan writes p and its actuals, giving it an id and uid when new.
	SavePlan(p *Plan) error
	// DeletePlan removes a plan and its actuals (its history stays), or ErrNotFound.
	DeletePlan(id PlanID) error
	// SaveActuals replaces one KPI's actuals, or returns ErrNotFound.
	SaveActuals(id PlanID, kpiID string, actuals []Actual) error
	// AppendHistory appends entries to their plans' histories, numbering each
	// (Seq) after the last entry of its plan.
	AppendHistory(entries []HistoryEntry) error
	// AppendLog appends entries to the workspace-level log.
	AppendLog(entries []HistoryEntry) error
	// SavePerson adds or replaces a person (by UID; a new one gets a UID),
	// refusing an employee code another person has.
	SavePerson(e *Employee) error
	// DeletePerson removes a person no plan refers to, or ErrNotFound.
	DeletePerson(uid UID) error
	// SaveUnit adds or replaces an org unit (by UID; a new one gets a UID),
	// refusing a code another unit has.
	SaveUnit(u *OrgUnit) error
	// DeleteUnit removes a unit no person or unit refers to, or ErrNotFound.
	DeleteUnit(uid UID) error
	// AppendPeriodClose records a close or reopen.
	AppendPeriodClose(c PeriodClose) error
	// SetSetting stores a setting.
	SetSetting(key, value string) error

	// SaveTemplate writes t as its template's next version, giving a new
	// template a uid; t.Version becomes the number given.
	SaveTemplate(t *Template) error
	// SavePacketBase adds or replaces the packet base of plan b.Plan.
	SavePacketBase(b PacketBase) error
	// SaveTemplateVersion stores t as it is, under its own uid and version
	// (a version received in a packet), refusing one the store already has.
	SaveTemplateVersion(t *Template) error
}
