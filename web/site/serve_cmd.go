package site

import (
	"flag"
	"os"
)

// ServeCommand is `nianbao serve [-port 8080] [-dir dist] [-no-build]
// [-frame-ancestors "'self'"]`: build the site (unless -no-build), then
// serve it on 127.0.0.1.
func ServeCommand(args []string) error {
	o := defaultOptions()
	c := defaultServerConfig()
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fl.Int("port", 8080, "the port on 127.0.0.1")
	o.flags(fl)
	fl.StringVar(&o.Out, "dir", o.Out, "the site folder")
	noBuild := fl.Bool("no-build", false, "serve the site as built, without building it first")
	fl.StringVar(&c.FrameAncestors, "frame-ancestors", c.FrameAncestors,
		`who may show the site in a frame: a CSP source list ('self', 'none', or a portal's origin such as "'self' https://portal.example.gov.cn")`)
	if err := fl.Parse(args); err != nil {
		return err
	}
	// A bad -frame-ancestors is said before a build, not after it.
	if _, err := securityHeaders(c.FrameAncestors); err != nil {
		return err
	}
	if o.Site == "" && o.Datasets == "" {
		// As build does; serving a built site elsewhere (-no-build, no
		// repository around) needs no site file, and then no origin may
		// frame the embeds.
		if _, err := os.Stat(DefaultSite); err == nil || !*noBuild {
			o.Site = DefaultSite
		}
	}
	if o.Site != "" {
		// Who may frame the embed pages: the site file's
		// frame_ancestors, read whether or not the site is built now.
		sf, err := ReadSiteFile(o.Site)
		if err != nil {
			return err
		}
		c.EmbedAncestors = sf.FrameAncestors
	}
	if !*noBuild {
		if err := buildUntilSignal(o); err != nil {
			return err
		}
	}
	return serve(o.Out, *port, c)
}
