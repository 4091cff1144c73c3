package catalog

// API2Code is what a legacy API 2.0 numeric code means (catalog/api2.yaml):
// Tencent Cloud's words, in the languages its documentation has them.
type API2Code struct {
	Code    string // "4100"
	Meaning Text   // one language may be empty (Text.In falls back)
	Note    string // where the two languages disagree, say
}

// API2 returns what the API 2.0 numeric code means, when the catalog knows.
func API2(code string) (API2Code, bool) {
	for _, c := range api2Codes {
		if c.Code == code {
			return c, true
		}
	}
	return API2Code{}, false
}

// API2Source says where the API 2.0 codes were read.
func API2Source() string { return api2Source }
