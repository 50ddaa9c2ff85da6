//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"strings"

	"nianbao/data/importer"
	"nianbao/web/site"
)

// run runs a subcommand: build, serve or import.
func run() {
	if err := command(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "nianbao:", err)
		os.Exit(1)
	}
}

func command(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "build":
			return site.BuildCommand(args[1:])
		case "serve":
			return site.ServeCommand(args[1:])
		case "import":
			return importer.Command(args[1:], os.Stdout, os.Stderr)
		}
	}
	return fmt.Errorf("usage: nianbao build [-site FILE] [-o dist] [-datasets DIR] [-base PATH] [-precache LIST] [-kiosk SECONDS]\n       nianbao serve [-port 8080] [-dir dist] [-no-build] [-site FILE] [-frame-ancestors SOURCES]\n       %s", strings.TrimPrefix(importer.Usage, "usage: "))
}
