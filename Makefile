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

.PHONY: all build test check bench fuzz fuzz-long man completions install update clean catalog import-catalog dist

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

# Regenerate catalog/codes_gen.go, catalog/data/ and internal/search/data/ after editing
# catalog/*.yaml or catalog/products/*.yaml (a test fails when they are stale).
catalog:
	$(GO) run ./internal/catalogen -in catalog/codes.yaml -out catalog/codes_gen.go

# Rebuild the imported layer (catalog/products/*.yaml, products.yaml, provenance.yaml)
# from Tencent Cloud's sources, then the generated files; prints a per-product summary.
# Needs git checkouts of both SDKs and of teco-api-models (see README, "The catalog");
# CI never runs it.
import-catalog:
	@if [ -z "$(SDK)" ] || [ -z "$(INTL)" ] || [ -z "$(CENTER)" ]; then \
	  echo "usage: make import-catalog SDK=<checkout of tencentcloud-sdk-go> INTL=<checkout of tencentcloud-sdk-go-intl-en> CENTER=<teco-api-models/zh-CN/error-codes.json>" >&2; \
	  echo "see README.md, \"The catalog\", for where to get each source" >&2; \
	  exit 2; \
	fi
	$(GO) run ./internal/catalogen/importer -sdk '$(SDK)' -intl '$(INTL)' -center '$(CENTER)' -out catalog
	$(MAKE) catalog

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' .

test:
	$(GO) test -shuffle=on ./...

# gofmt, go vet, go mod tidy -diff, staticcheck, and the race detector.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...
	$(GO) test -race -count=1 ./...

# Rewrite golden files and script outputs; review the diff before committing.
update:
	$(GO) test . -run 'TestScript|TestReadmeExamples' -update
	$(GO) test ./internal/render/ -update
	$(GO) test ./internal/parse/ -update

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./internal/benchmark/startup -errcode $(BIN) -n 200
	$(GO) run ./internal/benchmark/throughput -errcode $(BIN) -mb 100

# Each fuzz target runs for FUZZTIME (FUZZ=regexp picks targets); crashers
# land in testdata/fuzz/<Target>/ and must be committed with the fix.
FUZZ ?= .
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
	  pkg=$$(dirname $$f); \
	  for fn in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f | grep -E -- '$(FUZZ)'); do \
	    echo "== $$pkg $$fn"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME); \
	  done; \
	done

# The same, FUZZTIME_LONG (default 10m) per target: real fuzzing, on demand.
fuzz-long:
	$(MAKE) fuzz FUZZTIME=$(FUZZTIME_LONG)

man:
	$(GO) run ./internal/gendoc -man dist/man

completions: build
	mkdir -p dist/completions
	$(BIN) completion bash > dist/completions/errcode.bash
	$(BIN) completion zsh > dist/completions/_errcode
	$(BIN) completion fish > dist/completions/errcode.fish
	$(BIN) completion powershell > dist/completions/errcode.ps1

# Static binaries for every platform, with checksums, completions and man pages.
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist: completions man
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  out=dist/errcode-$(VERSION)-$$os-$$arch$$ext; \
	  echo "== $$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '-s -w $(LDFLAGS)' -o $$out .; \
	done
	cd dist && sha256sum errcode-* > SHA256SUMS && cat SHA256SUMS

clean:
	rm -rf bin dist
