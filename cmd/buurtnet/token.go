package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/buurtnet/buurtnet"
)

const tokenUsage = `usage: buurtnet token create --name NAME --role viewer|editor|admin
       buurtnet token revoke ID
       buurtnet token list

Tokens are API keys: callers send them as "Authorization: Bearer <secret>".
The secret is printed once, when the token is created; only its hash is
stored. Every command takes --store like serve does.`

// runToken is `buurtnet token`: manage API keys on the command line, where
// the operator of the machine is trusted (it acts as "cli", an admin).
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, tokenUsage)
		return errors.New("token: say what to do: create, revoke or list")
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("buurtnet token "+verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, tokenUsage); fs.PrintDefaults() }
	dsn := fs.String("store", env("BUURTNET_STORE", env("NEO4J_URI", NewMain().StoreDSN)), "store: a SQLite file path or a Neo4j URI (BUURTNET_STORE, else NEO4J_URI)")
	name := fs.String("name", "", "who or what will use the token (create)")
	role := fs.String("role", "viewer", "viewer, editor or admin (create)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer store.Close()
	access := buurtnet.AccessStore(store)
	ctx = buurtnet.WithActor(ctx, buurtnet.Actor{Name: "cli", Role: buurtnet.RoleAdmin})

	switch verb {
	case "create":
		t, secret, err := buurtnet.NewToken(*name, buurtnet.AccessRole(strings.ToUpper(*role)))
		if err != nil {
			return fmt.Errorf("token create: %s", buurtnet.ErrorMessage(err))
		}
		if err := access.CreateToken(ctx, t); err != nil {
			return fmt.Errorf("token create: %w", err)
		}
		fmt.Fprintf(stdout, "created %s (%s, %s)\n%s\n", t.ID, t.Name, t.Role, secret)
		fmt.Fprintln(stderr, "Keep the secret (last line) safe: it is not shown again.")
	case "revoke":
		if fs.NArg() != 1 {
			return errors.New("token revoke: give the token's id (buurtnet token list shows them)")
		}
		if err := access.RevokeToken(ctx, fs.Arg(0)); err != nil {
			return fmt.Errorf("token revoke: %s", buurtnet.ErrorMessage(err))
		}
		fmt.Fprintf(stdout, "revoked %s\n", fs.Arg(0))
	case "list":
		tokens, err := access.Tokens(ctx)
		if err != nil {
			return fmt.Errorf("token list: %w", err)
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tNAME\tROLE\tCREATED\tREVOKED")
		for _, t := range tokens {
			revoked := ""
			if t.RevokedAt != nil {
				revoked = t.RevokedAt.Format(time.DateTime)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, t.CreatedAt.Format(time.DateTime), revoked)
		}
		return w.Flush()
	default:
		fmt.Fprintln(stderr, tokenUsage)
		return fmt.Errorf("token: unknown command %q", verb)
	}
	return nil
}
