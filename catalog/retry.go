package catalog

import "strings"

// RetryVerdict says whether a request that failed with a code can succeed
// when it is sent again unchanged. Where the truth has three values, so has
// the verdict:
//
//   - RetryYes: retry with backoff (a rate limit, a server error, a busy
//     service);
//   - RetryAfter: a later identical request can succeed once a condition
//     clears, which Entry.RetryAfter names (a running operation finishes,
//     a wait, the stock is replenished);
//   - RetryNo: the same request fails again until something is changed
//     (a parameter, a permission, the account's balance, a name already
//     taken).
//
// Entry.Retryable is true for RetryYes and RetryAfter.
type RetryVerdict string

// The retry verdicts, as JSON and YAML spell them (retry_verdict).
const (
	RetryYes   RetryVerdict = "yes"
	RetryAfter RetryVerdict = "after"
	RetryNo    RetryVerdict = "no"
)

// Retryable reports whether a later identical request can succeed: true for
// RetryYes and RetryAfter.
func (v RetryVerdict) Retryable() bool { return v == RetryYes || v == RetryAfter }

// VerdictOf is the verdict a curated entry or class gets from its
// retryable flag alone, when it names none.
func VerdictOf(retryable bool) RetryVerdict {
	if retryable {
		return RetryYes
	}
	return RetryNo
}

// retryRule is one kind of retry evidence of catalog/retry.yaml (compiled
// into codes_gen.go as retryRules): phrases of Tencent Cloud's text or parts
// of a code's name that decide its verdict, and the advice that goes with it.
type retryRule struct {
	Rule       string       // the rule's name ("wait")
	Verdict    RetryVerdict // the verdict it gives
	RetryAfter Text         // for RetryAfter: the condition that must clear
	Retry      Text         // the advice, used where the verdict differs from the guide's
	Text       []string     // phrases of the official text; English ones lower-case
	Name       []string     // parts of the code
	Except     []string     // parts of the code that keep Name from applying
}

// retryClue is one piece of evidence: a phrase of rule Rule's Text (or,
// when Name is set, a part of its Name). The clues are numbered in rule
// order, Text phrases before Name parts; a record of the imported layer
// stores the number of the clue that decided it, plus one (0: none).
type retryClue struct {
	Rule   int
	Name   bool
	Phrase string
}

// retryClueAt returns clue number i (from 0) of retryRules.
func retryClueAt(i int) (retryClue, bool) {
	for r := range retryRules {
		rule := &retryRules[r]
		if i < len(rule.Text) {
			return retryClue{Rule: r, Phrase: rule.Text[i]}, true
		}
		i -= len(rule.Text)
	}
	for r := range retryRules {
		rule := &retryRules[r]
		if i < len(rule.Name) {
			return retryClue{Rule: r, Name: true, Phrase: rule.Name[i]}, true
		}
		i -= len(rule.Name)
	}
	return retryClue{}, false
}

// setRetry sets the retry verdict, evidence and advice of imported entry e
// from its guide g (nil for none) and clue, the number of the clue that
// decided it plus one (0: none; see source.RetryRules.Clue).
func setRetry(e, g *Entry, clue int) {
	if g != nil {
		e.Class = g.Code
		e.Retryable = g.Retryable
		e.Retry = g.Retry
		e.Verdict = g.Verdict
		e.RetryAfter = g.RetryAfter
		e.RetryEvidence = fill(retryEvidenceGuide, g.Code)
		if g.Code == ClassAny {
			e.RetryEvidence = retryEvidenceGeneral
		}
	} else {
		e.Verdict = RetryNo
	}
	if clue == 0 {
		return
	}
	c, ok := retryClueAt(clue - 1)
	if !ok {
		return
	}
	rule := &retryRules[c.Rule]
	e.RetryEvidence = fill(retryEvidenceText, c.Phrase)
	if c.Name {
		e.RetryEvidence = fill(retryEvidenceName, c.Phrase)
	}
	if g != nil && rule.Verdict == g.Verdict {
		// The evidence agrees with the guide: its advice, written for
		// the class, stays.
		return
	}
	e.Verdict = rule.Verdict
	e.Retryable = rule.Verdict.Retryable()
	e.RetryAfter = rule.RetryAfter
	e.Retry = rule.Retry
}

// fill replaces %s in both languages of t with s.
func fill(t Text, s string) Text {
	return Text{En: strings.Replace(t.En, "%s", s, 1), Zh: strings.Replace(t.Zh, "%s", s, 1)}
}

// MessageVerdict is what a finding's own message says about retrying it
// (see MessageRetry).
type MessageVerdict struct {
	Rule       string       // the rule of retry.yaml whose phrase the message holds ("wait")
	Phrase     string       // the phrase, as retry.yaml writes it ("try again later")
	Verdict    RetryVerdict // the rule's verdict
	RetryAfter Text         // for RetryAfter: the condition that must clear
	Retry      Text         // the rule's advice
	Evidence   Text         // "the message says “try again later”"
}

// MessageRetry classifies a message by the text phrases of retry.yaml's
// rules, as the catalog classifies Tencent Cloud's text for a code: the
// first rule, in order, with a phrase the message holds (Chinese phrases as
// written, English ones in any case). ok is false when it holds none.
func MessageRetry(msg string) (v MessageVerdict, ok bool) {
	if msg == "" {
		return MessageVerdict{}, false
	}
	lower := strings.ToLower(msg)
	for i := range retryRules {
		rule := &retryRules[i]
		for _, p := range rule.Text {
			if strings.Contains(lower, p) {
				return MessageVerdict{Rule: rule.Rule, Phrase: p, Verdict: rule.Verdict, RetryAfter: rule.RetryAfter,
					Retry: rule.Retry, Evidence: fill(retryEvidenceMessage, p)}, true
			}
		}
	}
	return MessageVerdict{}, false
}

// retryOf returns the verdict setRetry gives an imported entry with guide g
// (its index in held.bin, -1 for none) and clue, and whether it is
// retryable, without decoding the guide.
func retryOf(g int, clue int) (RetryVerdict, bool) {
	v, ok := RetryNo, false
	if g >= 0 {
		v, ok = heldRetry(g)
	}
	if clue == 0 {
		return v, ok
	}
	c, found := retryClueAt(clue - 1)
	if !found {
		return v, ok
	}
	if rv := retryRules[c.Rule].Verdict; g < 0 || rv != v {
		return rv, rv.Retryable()
	}
	return v, ok
}
