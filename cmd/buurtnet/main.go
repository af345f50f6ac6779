// Command buurtnet runs the buurtnet GraphQL service.
//
//	buurtnet [serve] [flags]          run the service (default)
//	buurtnet export briefing|network  write a meeting briefing or the network to a file
//	buurtnet import FILE              upsert a spreadsheet or network file into the store
//	buurtnet token create|revoke|list manage API tokens
//
// Every flag can also be set through the environment variable named in its
// help text; a flag given on the command line wins.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/buurtnet/buurtnet"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tuneGC()
	if err := run(ctx, os.Args[1:]); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "buurtnet:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	if cmd != "serve" {
		// The operator at the command line is trusted, and named in the audit log.
		ctx = buurtnet.WithActor(ctx, buurtnet.Actor{Name: "cli", Role: buurtnet.RoleAdmin})
	}
	switch cmd {
	case "serve":
		m := NewMain()
		if err := m.ParseFlags(args); err != nil {
			return err
		}
		if err := m.Run(ctx); err != nil {
			_ = m.Close()
			return err
		}
		<-ctx.Done()
		return m.Close()
	case "import":
		return runImport(ctx, args, os.Stdout, os.Stderr)
	case "export":
		return runExport(ctx, args, os.Stdout, os.Stderr)
	case "token":
		return runToken(ctx, args, os.Stdout, os.Stderr)
	case "help", "-h", "--help":
		fmt.Println("usage: buurtnet [serve|export|import|token] …; add -h to a command for its flags")
		return nil
	}
	return fmt.Errorf("unknown command %q (try: buurtnet help)", cmd)
}
