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
)

// keySchemaVersion is the meta key holding the schema version as a big-endian uint64.
var keySchemaVersion = []byte("schema_version")
