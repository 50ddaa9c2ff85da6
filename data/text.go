package data

// TextProblem says what is wrong with a text that goes on a page, "" for
// nothing: the checks of a dataset's text (see doc.go, Limits), for other
// files that give the pages words (a site file).
func TextProblem(s string, max int) string { return checkText(s, max) }
