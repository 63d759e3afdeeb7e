# KPI Planner — build, run and test. On a fresh Debian machine with Go:
#   make run    installs what is missing, builds and opens the app
#   make test   installs what the tests need and runs every test

GO        ?= go
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN       := bin
TAGS      := migrated_fynedo
# System packages Fyne needs to build (cgo: OpenGL and X11 headers).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Extra packages the tests use: LibreOffice recomputes exported workbooks.
TEST_PKGS  := libreoffice-calc-nogui
# Extra packages for screenshots of the real app.
SHOT_PKGS  := xvfb xauth imagemagick

# Fuzz targets as package:Target (go test fuzzes one target per run).
FUZZ_TARGETS := app/plandoc:FuzzUnmarshal app/i18n:FuzzParseNumber app/sheet:FuzzReadCSV \
                app/sheet:FuzzParseActuals app/sheet:FuzzParseKPIs
FUZZTIME     ?= 60s

.PHONY: run build test bench fuzz vet fmt-check deps test-deps shot-deps screenshots clean

# apt-get install only the packages that are not installed yet.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_PKGS))
	$(GO) mod download

test-deps: deps
	$(call apt_install,$(TEST_PKGS))

shot-deps: deps
	$(call apt_install,$(SHOT_PKGS))

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN)/kpiplanner ./cmd/kpiplanner
	CGO_ENABLED=0 $(GO) build -o $(BIN)/kpi ./cmd/kpi

run: build
	./$(BIN)/kpiplanner

vet:
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi

test: test-deps vet fmt-check
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/kpi
	$(GO) test -tags $(TAGS) -race -timeout 20m ./...
	$(call fuzz_run,4s)

# make fuzz runs each fuzz target for FUZZTIME (make fuzz FUZZTIME=10m).
fuzz:
	$(call fuzz_run,$(FUZZTIME))

# fuzz_run runs every target of FUZZ_TARGETS for $(1).
define fuzz_run
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(1)"; \
	  CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(1) -fuzzminimizetime 1s -timeout 10m ./$${t%%:*}/ || exit 1; \
	done
endef

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime 3x -timeout 30m ./...

screenshots: build shot-deps
	bash docs/screenshots.sh

clean:
	rm -rf $(BIN)
