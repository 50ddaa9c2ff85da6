package app

import (
	"reflect"
	"regexp"
	"sync"
)

var (
	routes = makeRouter()
)

// Route set the type of component to be mounted when a page is navigated to the
// given path.
func Route(path string, c Composer) {
	RouteFunc(path, newZeroComponentFunc(c))
}

// RouteWithRegexp set the type of component to be mounted when a page is
// navigated to a path that matches the given pattern.
func RouteWithRegexp(pattern string, c Composer) {
	RouteWithRegexpFunc(pattern, newZeroComponentFunc(c))

}

// RouteFunc set a function that creates the component to be mounted when a page
// is navigated to the given path.
func RouteFunc(path string, newComponent func() Composer) {
	routes.route(path, newComponent)
}

// RouteWithRegexpFunc set a function that creates the component to be mounted
// when a page is navigated to a path that matches the given pattern.
func RouteWithRegexpFunc(pattern string, newComponent func() Composer) {
	routes.routeWithRegexp(pattern, newComponent)
}

// RouteByPath sets a function that picks, for any path, the function that
// creates the component to mount there (nil: none). It is asked first,
// before the paths and patterns routed otherwise.
//
// nianbao patch route-by-path: an app whose pages have paths with
// parameters (/r/{id}/outcomes) had only regular expressions to route
// them: compiled at the app's start (twice, by the app and by the
// router), tried in turn at each navigation, and the regexp package in
// every app's WebAssembly. At 4x CPU they took about 115 ms of the app's
// start. Patterns are matched through a function, so an app that routes
// none does not link the package.
func RouteByPath(pick func(path string) func() Composer) {
	routes.mu.Lock()
	defer routes.mu.Unlock()
	routes.byPath = pick
}

func newZeroComponentFunc(c Composer) func() Composer {
	componentType := reflect.TypeOf(c)

	return func() Composer {
		return reflect.New(componentType.Elem()).Interface().(Composer)
	}
}

type router struct {
	mu               sync.RWMutex
	byPath           func(path string) func() Composer
	routes           map[string]func() Composer
	routesWithRegexp []regexpRoute
}

func makeRouter() router {
	return router{
		routes: make(map[string]func() Composer),
	}
}

func (r *router) route(path string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routes[path] = newComponent
}

func (r *router) routeWithRegexp(pattern string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	// nianbao patch route-by-path: the pattern behind a function.
	r.routesWithRegexp = append(r.routesWithRegexp, regexpRoute{
		match:        regexp.MustCompile(pattern).MatchString,
		newComponent: newComponent,
	})
}

func (r *router) createComponent(path string) (Composer, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	// nianbao patch route-by-path: the app's function first.
	var newComponent func() Composer
	if r.byPath != nil {
		newComponent = r.byPath(path)
	}
	isRouted := newComponent != nil
	if !isRouted {
		newComponent, isRouted = r.routes[path]
	}
	if !isRouted {
		for _, rwr := range r.routesWithRegexp {
			if rwr.match(path) {
				newComponent = rwr.newComponent
				isRouted = true
				break
			}
		}
	}
	if !isRouted {
		return nil, false
	}

	return newComponent(), true
}

type regexpRoute struct {
	match        func(path string) bool // nianbao patch route-by-path
	newComponent func() Composer
}
