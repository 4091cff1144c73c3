# errcode — see README.md. Every target works on a fresh clone with Go 1.26.
GO        ?= go
BIN       ?= bin/errcode
FUZZTIME  ?= 30s
FUZZTIME_LONG ?= 10m
# Go stops a worker for up to a minute (its default) to minimize each input
# that finds new coverage; with two workers that stalls fuzzing at 0 execs/s.
FUZZMINIMIZETIME ?= 1s
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The version stamped into binaries: the tag or commit of this checkout.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X github.com/errcode-dev/errcode/cmd.version=$(VERSION)
# A fixed date keeps generated man pages reproducible.
SOURCE_DATE_EPOCH ?= 1767225600
export SOURCE_DATE_EPOCH

.PHONY: all help build test lint check bench fuzz fuzz-long man completions install update clean catalog import-catalog dist

# Each target's `##` comment is its line in `make help`.
all: build ## the default: build

help: ## list the targets, one line each
	@awk -F ':.*## ' '/^[a-z][a-z-]*:.*## / {printf "  %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/errcode
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

# Regenerate catalog/codes_gen.go, catalog/data/ and internal/search/data/ after editing
# catalog/*.yaml or catalog/products/*.yaml (a test fails when they are stale).
# The generator builds with the tag catalogen, which leaves the generated
# files out of the packages it imports: it needs only the YAML.
catalog: ## regenerate codes_gen.go, catalog/data/ and internal/search/data/ from the YAML
	$(GO) run -tags catalogen ./internal/catalogen -in catalog/codes.yaml -out catalog/codes_gen.go

# Rebuild the imported layer (catalog/products/*.yaml, products.yaml, provenance.yaml)
# from Tencent Cloud's sources, then the generated files; prints a per-product summary.
# Needs git checkouts of both SDKs and of teco-api-models, which live outside
# the repository (see README, "Rebuilding the imported layer"); CI never runs it.
import-catalog: ## rebuild the imported layer from SDK=, INTL=, CENTER= (see README)
	@fail=; \
	check() { \
	  if [ -z "$$2" ]; then echo "import-catalog: $$1 is not set: $$4" >&2; fail=1; \
	  elif [ ! -e "$$2" ]; then echo "import-catalog: $$1=$$2 does not exist: $$4" >&2; fail=1; \
	  elif [ "$$3" = dir ] && [ ! -d "$$2/.git" ] && [ ! -f "$$2/.git" ]; then echo "import-catalog: $$1=$$2 is not a git checkout: $$4" >&2; fail=1; \
	  fi; }; \
	check SDK '$(SDK)' dir "git clone https://github.com/TencentCloud/tencentcloud-sdk-go, then SDK=<that folder>"; \
	check INTL '$(INTL)' dir "git clone https://github.com/TencentCloud/tencentcloud-sdk-go-intl-en, then INTL=<that folder>"; \
	check CENTER '$(CENTER)' file "git clone https://github.com/teco-project/teco-api-models, then CENTER=<that folder>/zh-CN/error-codes.json"; \
	if [ -n "$$fail" ]; then \
	  echo "usage: make import-catalog SDK=<checkout of tencentcloud-sdk-go> INTL=<checkout of tencentcloud-sdk-go-intl-en> CENTER=<checkout of teco-api-models>/zh-CN/error-codes.json" >&2; \
	  echo "README.md, \"Rebuilding the imported layer\", says which commits the committed catalog was read at" >&2; \
	  exit 2; \
	fi
	$(GO) run ./internal/catalogen/importer -sdk '$(SDK)' -intl '$(INTL)' -center '$(CENTER)' -out catalog
	$(MAKE) catalog

install: ## go install errcode
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' .

# TESTFLAGS adds flags to go test (CI runs the suite with -race).
TESTFLAGS ?=
test: ## run every test (unit, golden, end-to-end, examples)
	$(GO) test -shuffle=on $(TESTFLAGS) ./...

# gofmt, go vet, go mod tidy -diff, staticcheck.
lint: ## gofmt, go vet, go mod tidy -diff, staticcheck
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...

check: lint ## lint, then every test under the race detector
	$(GO) test -race -count=1 ./...

# Rewrite golden files and script outputs; review the diff before committing.
update: ## rewrite golden files and script outputs (review the diff)
	$(GO) test . -run 'TestScript|TestReadmeExamples' -update
	$(GO) test ./internal/render/ -update
	$(GO) test ./internal/parse/ -update

bench: build ## Go benchmarks, then whole-process start-up and parse throughput
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./internal/benchmark/startup -errcode $(BIN) -n 200 -markdown
	$(GO) run ./internal/benchmark/throughput -errcode $(BIN) -mb 100

# Each fuzz target runs for FUZZTIME (FUZZ=regexp picks targets); crashers
# land in testdata/fuzz/<Target>/ and must be committed with the fix.
# .ci/fuzz-one retries a run that failed only by Go 1.26's deadline race.
FUZZ ?= .
fuzz: ## every fuzz target for FUZZTIME (default 30s); FUZZ=regexp picks
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
	  pkg=$$(dirname $$f); \
	  for fn in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f | grep -E -- '$(FUZZ)'); do \
	    echo "== $$pkg $$fn"; \
	    GO="$(GO)" .ci/fuzz-one $$pkg $$fn $(FUZZTIME) $(FUZZMINIMIZETIME); \
	  done; \
	done

# The same, FUZZTIME_LONG (default 10m) per target: real fuzzing, on demand.
fuzz-long: ## every fuzz target for FUZZTIME_LONG (default 10m)
	$(MAKE) fuzz FUZZTIME=$(FUZZTIME_LONG)

man: ## man pages under dist/man
	$(GO) run ./internal/gendoc -man dist/man

completions: build ## completion scripts under dist/completions
	mkdir -p dist/completions
	$(BIN) completion bash > dist/completions/errcode.bash
	$(BIN) completion zsh > dist/completions/_errcode
	$(BIN) completion fish > dist/completions/errcode.fish
	$(BIN) completion powershell > dist/completions/errcode.ps1

# Static binaries for every platform, with checksums, completions and man pages.
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist: completions man ## static binaries for every platform, with checksums
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  out=dist/errcode-$(VERSION)-$$os-$$arch$$ext; \
	  echo "== $$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '-s -w $(LDFLAGS)' -o $$out .; \
	done
	cd dist && sha256sum errcode-* > SHA256SUMS && cat SHA256SUMS

clean: ## remove bin/ and dist/
	rm -rf bin dist
