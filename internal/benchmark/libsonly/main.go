// Command libsonly is the start-up baseline (b) of `make bench`: it links the
// same libraries as errcode (cobra, color, tablewriter), so their package
// initialisation runs, and prints one line. errcode's own start-up work is
// what errcode costs on top of this.
package main

import (
	"os"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"
)

func main() {
	c := &cobra.Command{
		Use: "libsonly",
		Run: func(c *cobra.Command, _ []string) {
			color.New(color.Bold).Fprintln(os.Stdout, "hello")
		},
	}
	_ = tablewriter.NewTable
	if err := c.Execute(); err != nil {
		os.Exit(2)
	}
}
