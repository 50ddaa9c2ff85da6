package main

// native is empty in the browser: RunWhenOnBrowser never returns there.
func native() {}
