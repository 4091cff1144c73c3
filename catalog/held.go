package catalog

import (
	"sync"
	"sync/atomic"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The entries the embedded catalog holds whole, its curated layer
// (codes.yaml, numCurated of them, in catalog order) and then the class
// guidance of classes.yaml, are data/held.bin: a catalogfmt.Container of
// catalogfmt.AppendHeld sections, decoded into an *Entry on first use. As
// bytes they hold no pointers, so start-up neither copies them nor scans
// them (Go literals of structs with strings and slices would be data the
// runtime builds a pointer mask for at every start).
var (
	heldOnce    sync.Once
	heldCache   []atomic.Pointer[Entry]  // by index in held.bin
	heldRetries []atomic.Uint32          // by index in held.bin: 0 until read, then 1 + verdict index * 2 + retryable
	heldSteps   []atomic.Pointer[[]Text] // by index in held.bin: the template (heldTemplate), once read
)

// heldInit sets up the caches of decoded entries, retry verdicts and templates.
func heldInit() {
	heldOnce.Do(func() {
		heldCache = make([]atomic.Pointer[Entry], heldCount())
		heldRetries = make([]atomic.Uint32, heldCount())
		heldSteps = make([]atomic.Pointer[[]Text], heldCount())
	})
}

// heldVerdicts numbers the verdicts in heldRetries.
var heldVerdicts = [...]RetryVerdict{"", RetryYes, RetryAfter, RetryNo}

// heldCount returns the number of entries of held.bin.
func heldCount() int { return catalogfmt.SectionCount(heldBin) }

// heldEntry returns held entry i, decoding it on first use: every call
// returns the same *Entry.
func heldEntry(i int) *Entry {
	heldInit()
	if e := heldCache[i].Load(); e != nil {
		return e
	}
	e := decodeHeld(catalogfmt.Section(heldBin, i))
	if heldCache[i].CompareAndSwap(nil, e) {
		return e
	}
	return heldCache[i].Load()
}

// heldDecoded returns held entry i if it has been decoded, else nil.
func heldDecoded(i int) *Entry {
	heldInit()
	return heldCache[i].Load()
}

// heldCode returns the code of held entry i without decoding it.
func heldCode(i int) string { return catalogfmt.HeldCodeOf(catalogfmt.Section(heldBin, i)) }

// classEntry returns the guidance of class i of classes.yaml.
func classEntry(i int) *Entry { return heldEntry(numCurated + i) }

// classCount returns the number of classes of classes.yaml.
func classCount() int { return heldCount() - numCurated }

// decodeHeld decodes the fields catalogfmt.AppendHeld wrote, in the order
// of catalogfmt.HeldCode and the rest.
func decodeHeld(s string) *Entry {
	h := catalogfmt.NewHeld(s)
	str := func() string {
		if h.Len() == 0 {
			return ""
		}
		return h.Str()
	}
	text := func() Text {
		if h.Len() == 0 {
			return Text{}
		}
		return Text{En: h.Str(), Zh: h.Str()}
	}
	texts := func() []Text {
		n := h.Len() / 2
		if n == 0 {
			return nil
		}
		out := make([]Text, n)
		for i := range out {
			out[i] = Text{En: h.Str(), Zh: h.Str()}
		}
		return out
	}
	strs := func() []string {
		n := h.Len()
		if n == 0 {
			return nil
		}
		out := make([]string, n)
		for i := range out {
			out[i] = h.Str()
		}
		return out
	}
	e := &Entry{}
	e.Code = str()
	e.Scope = str()
	e.Summary = text()
	e.Solution = text()
	e.Retryable = str() != ""
	e.Verdict = RetryVerdict(str())
	e.Retry = text()
	e.RetryAfter = text()
	e.RetryEvidence = text()
	e.Causes = texts()
	e.Remediation = texts()
	e.Related = strs()
	e.Actions = strs()
	e.Messages = strs()
	e.Docs = text()
	e.Provenance = str()
	e.Source = str()
	e.Versions = strs()
	e.Removed = str()
	return e
}

// heldTemplate returns the fix steps of held entry i with their
// placeholders (catalogfmt.HeldTemplate), nil when they name no product
// fact; every call returns the same steps.
func heldTemplate(i int) []Text {
	heldInit()
	if p := heldSteps[i].Load(); p != nil {
		return *p
	}
	h := heldReader(i, catalogfmt.HeldTemplate)
	var steps []Text
	if n := h.Len() / 2; n > 0 {
		steps = make([]Text, n)
		for j := range steps {
			steps[j] = Text{En: h.Str(), Zh: h.Str()}
		}
	}
	if heldSteps[i].CompareAndSwap(nil, &steps) {
		return steps
	}
	return *heldSteps[i].Load()
}

// heldReader returns a reader of held entry i positioned at field f.
func heldReader(i, f int) *catalogfmt.Held {
	h := catalogfmt.NewHeld(catalogfmt.Section(heldBin, i))
	for range f {
		for n := h.Len(); n > 0; n-- {
			h.Str()
		}
	}
	return h
}

// heldDefinition returns what a listing shows of held entry i; it reads
// the fields it needs without decoding (and keeping) the whole entry, so
// that a listing of the catalog does not hold every curated entry.
func heldDefinition(i int) Definition {
	if e := heldDecoded(i); e != nil {
		return Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution, Imported: e.Imported}
	}
	return readHeldDefinition(i)
}

// readHeldDefinition is heldDefinition, read from held.bin.
func readHeldDefinition(i int) Definition {
	h := heldReader(i, catalogfmt.HeldCode)
	var d Definition
	for f := catalogfmt.HeldCode; f <= catalogfmt.HeldSolution; f++ {
		n := h.Len()
		switch {
		case n == 0:
		case f == catalogfmt.HeldCode:
			d.Code = h.Str()
		case f == catalogfmt.HeldScope:
			d.Scope = h.Str()
		case f == catalogfmt.HeldSummary:
			d.Summary = Text{En: h.Str(), Zh: h.Str()}
		case f == catalogfmt.HeldSolution:
			d.Solution = Text{En: h.Str(), Zh: h.Str()}
		default:
			for ; n > 0; n-- {
				h.Str()
			}
		}
	}
	return d
}

// heldRetry returns the verdict of held entry i and whether it is
// retryable, without decoding the whole entry: a listing asks it of the
// guide of every imported entry.
func heldRetry(i int) (RetryVerdict, bool) {
	heldInit()
	if x := heldRetries[i].Load(); x != 0 {
		return heldVerdicts[(x-1)/2], (x-1)%2 == 1
	}
	v, r := readHeldRetry(i)
	x := 1
	for vi, hv := range heldVerdicts {
		if hv == v {
			x += 2 * vi
		}
	}
	if r {
		x++
	}
	if heldVerdicts[(x-1)/2] == v { // a verdict heldVerdicts lacks is read anew each time
		heldRetries[i].Store(uint32(x))
	}
	return v, r
}

// readHeldRetry is heldRetry, read from held.bin.
func readHeldRetry(i int) (RetryVerdict, bool) {
	h := heldReader(i, catalogfmt.HeldRetryable)
	retryable := h.Len() != 0
	if retryable {
		h.Str()
	}
	var v RetryVerdict // HeldVerdict follows HeldRetryable
	if h.Len() != 0 {
		v = RetryVerdict(h.Str())
	}
	return v, retryable
}
