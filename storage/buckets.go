package storage

// The buckets of a KPI Planner database file, declared in one place.
var (
	// bucketMeta holds bookkeeping such as the schema version.
	bucketMeta = []byte("meta")
	// bucketPlans maps a big-endian uint64 plan id to an encoded plan without actuals.
	bucketPlans = []byte("plans")
	// bucketActuals maps plan id (8 bytes, big-endian) + KPI id to that KPI's encoded actuals.
	bucketActuals = []byte("actuals")
	// bucketLibrary maps a library entry id to its JSON form.
	bucketLibrary = []byte("library")
	// bucketSettings maps a setting name to its value.
	bucketSettings = []byte("settings")
	// bucketPlanUIDs maps a plan's uid (its 32 hex digits) to its plan key;
	// putPlan and DeletePlan keep it in step with bucketPlans (schema 2).
	bucketPlanUIDs = []byte("plan_uids")

	// bucketPeople maps a person's uid (32 hex digits) to an encoded
	// app.Employee (schema 3).
	bucketPeople = []byte("people")
	// bucketPeopleCodes maps an employee code to the person's uid, so codes
	// stay unique (schema 3).
	bucketPeopleCodes = []byte("people_codes")
	// bucketPersonPlans holds person uid (32 hex digits) + plan key → empty:
	// which plans refer to a person (schema 3).
	bucketPersonPlans = []byte("person_plans")
	// bucketUnits maps an org unit's uid (32 hex digits) to an encoded
	// app.OrgUnit (schema 3).
	bucketUnits = []byte("units")
	// bucketUnitCodes maps a unit code to the unit's uid (schema 3).
	bucketUnitCodes = []byte("unit_codes")
	// bucketHistory maps plan uid (16 raw bytes) + big-endian uint64 seq to
	// an encoded app.HistoryEntry, so a plan's history is one prefix scan
	// in order (schema 3).
	bucketHistory = []byte("history")
	// bucketLog maps a big-endian uint64 seq to an encoded workspace-level
	// app.HistoryEntry (schema 3).
	bucketLog = []byte("log")
	// bucketCloses maps a big-endian uint64 seq to an encoded
	// app.PeriodClose, in the order written (schema 3).
	bucketCloses = []byte("closes")

	// bucketTexts maps a big-endian uint64 number to a text shared by plan
	// records of format 4 (schema 4; see texts.go).
	bucketTexts = []byte("texts")
	// bucketTextIDs maps a shared text to its number in bucketTexts (schema 4).
	bucketTextIDs = []byte("text_ids")
)

// companyBuckets are the buckets schema 3 adds.
var companyBuckets = [][]byte{bucketPeople, bucketPeopleCodes, bucketPersonPlans, bucketUnits, bucketUnitCodes,
	bucketHistory, bucketLog, bucketCloses}

// keySchemaVersion is the meta key holding the schema version as a big-endian uint64.
var keySchemaVersion = []byte("schema_version")
