package site

import "flag"

// ServeCommand is `nianbao serve [-port 8080] [-dir dist] [-no-build]`:
// build the site (unless -no-build), then serve it on 127.0.0.1.
func ServeCommand(args []string) error {
	o := DefaultOptions()
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fl.Int("port", 8080, "the port on 127.0.0.1")
	o.flags(fl)
	fl.StringVar(&o.Out, "dir", o.Out, "the site folder")
	noBuild := fl.Bool("no-build", false, "serve the site as built, without building it first")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if !*noBuild {
		if err := Build(o); err != nil {
			return err
		}
	}
	return serve(o.Out, *port)
}
