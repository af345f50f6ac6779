package sqlite_test

import (
	"context"
	"os"
	"testing"

	"github.com/buurtnet/buurtnet"
)

func TestZZPlan(t *testing.T) {
	q := os.Getenv("PLAN_SQL")
	if q == "" {
		t.Skip()
	}
	db, _ := openFile(t)
	if _, err := db.Apply(context.Background(), generatedNetwork(2000), buurtnet.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	args := []any{}
	for _, a := range []string{os.Getenv("A1"), os.Getenv("A2"), os.Getenv("A3"), os.Getenv("A4")} {
		if a != "" {
			args = append(args, a)
		}
	}
	rows, err := db.SQL().Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, notused int
		var detail string
		rows.Scan(&id, &parent, &notused, &detail)
		t.Logf("%d %d %s", id, parent, detail)
	}
}
