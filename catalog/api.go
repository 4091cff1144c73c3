package catalog

// Lookup finds code (any case) in the embedded catalog. When the code itself
// is unknown but its class is known ("InternalError.SomethingNew"), it
// returns the class's entry with exact == false. It returns nil when neither
// is known. Where several scopes define the code, the common entry wins, else
// the first product's in alphabetical order; use Default().Get(scope, code)
// to pick a product's, and Default().FindScopes(code) to see which define it.
func Lookup(code string) (e *Entry, exact bool) { return Default().Resolve("", code) }

// IsRetryable reports whether a request that failed with code may succeed
// when sent again unchanged: true when its retry verdict (Entry.Verdict) is
// RetryYes (retry with backoff) or RetryAfter (once the condition its
// RetryAfter names has cleared: wait or poll first, as its Retry text
// says). Unknown codes answer as their class does; codes of unknown classes
// are not retryable. Where several products define a code, the common
// entry answers, else the first product's (see Lookup); use
// Default().Get(scope, code).Verdict for one product's verdict.
func IsRetryable(code string) bool {
	e, _ := Lookup(code)
	return e != nil && e.Retryable
}

// Describe returns the one-line summary of code in lang, resolving unknown
// sub-codes to their class, and "" for an unknown code.
func Describe(code string, lang Lang) string {
	e, _ := Lookup(code)
	if e == nil {
		return ""
	}
	return e.Summary.In(lang)
}

// Steps returns the remediation steps of e in lang, in order.
func (e *Entry) Steps(lang Lang) []string {
	out := make([]string, len(e.Remediation))
	for i, t := range e.Remediation {
		out[i] = t.In(lang)
	}
	return out
}
