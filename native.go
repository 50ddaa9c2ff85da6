//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"
)

// native runs the subcommands.
func native() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "nianbao:", err)
		os.Exit(1)
	}
}

func usage() error {
	return fmt.Errorf("usage: nianbao build [-o dist] | serve [-port 8080] [-dir dist] [-no-build] | import [--csv] [-o FILE] [--id ID] REPORT")
}

func run(args []string) error {
	if len(args) == 0 {
		return usage()
	}
	switch args[0] {
	case "build":
		o := defaultBuildOptions()
		fl := flag.NewFlagSet("build", flag.ContinueOnError)
		fl.StringVar(&o.Out, "o", o.Out, "the folder to write the site to")
		fl.StringVar(&o.ESBuild, "esbuild", o.ESBuild, "esbuild of the npm package")
		if err := fl.Parse(args[1:]); err != nil {
			return err
		}
		return build(o)
	case "import":
		return runImport(args[1:], os.Stdout, os.Stderr)
	case "serve":
		o := defaultBuildOptions()
		fl := flag.NewFlagSet("serve", flag.ContinueOnError)
		port := fl.Int("port", 8080, "the port on 127.0.0.1")
		fl.StringVar(&o.Out, "dir", o.Out, "the site folder")
		noBuild := fl.Bool("no-build", false, "serve the site as built, without building it first")
		if err := fl.Parse(args[1:]); err != nil {
			return err
		}
		if !*noBuild {
			if err := build(o); err != nil {
				return err
			}
		}
		return serve(o.Out, *port)
	}
	return usage()
}
