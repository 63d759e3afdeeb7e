// Command kpi is KPI Planner's command line: import, list, show, score and
// export plans, back up the database and generate a demo company.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
