package prefetch_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/prefetch"
)

// FuzzQueryArgs: whenever prefetch reads a query and scope from a lookup
// or explain command line, errcode's own commands (cmd.NewRootCmd, so
// their real flags) parse that command line without error and read the
// same query and --product. The arguments are the input split at NUL
// bytes, after the command named by its first byte.
func FuzzQueryArgs(f *testing.F) {
	for _, s := range []string{
		"lrate limit", "lx\x00--product\x00cvm", "l--product=cvm\x00x", "l-ojson\x00x", "l-o=yaml\x00x\x00-o\x00plain",
		"l--\x00-x", "l-\x00--lang\x00zh", "lx\x00--scope\x00tcr\x00--product\x00cvm", "lx\x00--o\x00json", "l--product\x00--\x00x",
		"eInternalError.Nope\x00--product\x00sts", "e--color=never\x00x\x00--lang\x00zh", "ex\x00-product\x00cvm",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		name := "lookup"
		if s[0] == 'e' {
			name = "explain"
		}
		args := append([]string{"errcode", name}, strings.Split(s[1:], "\x00")...)
		q, scope, ok := prefetch.QueryArgs(args)
		if !ok {
			return
		}
		ios, _, _, _ := iostreams.Test()
		c, rest, err := cmd.NewRootCmd(ios).Find(args[1:])
		if err != nil || c.Name() != name {
			t.Fatalf("QueryArgs(%q) = %q, %q; cobra finds %q: %v", args, q, scope, c.Name(), err)
		}
		if err := c.ParseFlags(rest); err != nil {
			t.Fatalf("QueryArgs(%q) = %q, %q; cobra: %v", args, q, scope, err)
		}
		positional, product := c.Flags().Args(), c.Flags().Lookup("product").Value.String()
		if !slices.Equal(positional, []string{q}) || product != scope {
			t.Fatalf("QueryArgs(%q) = %q, %q; cobra reads %q, --product %q", args, q, scope, positional, product)
		}
	})
}
