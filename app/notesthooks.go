//go:build !nianbaotest

package app

// startTestHooks adds nothing outside a test build (see testhooks.go).
func startTestHooks() {}
