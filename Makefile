# KPI Planner — build, run and test. On a fresh Debian machine with Go:
#   make run    installs what is missing, builds and opens the app
#   make test   installs what the tests need and runs every test (with the Windows smoke test)
#   make windows    cross-compiles dist/windows/kpiplanner.exe and kpi.exe
#   make package    builds dist/kpiplanner-VERSION-linux-amd64.tar.xz and a .deb
#   make install    installs into ~/.local for the current user (no root)
# Installing missing Debian packages needs root or sudo; without either, make
# prints the apt-get line to run as root. Packages already there need nothing.

GO        ?= go
BIN       := bin
DIST      := dist
PREFIX    ?= $(HOME)/.local
VERSION   := $(shell awk -F'"' '/^ *Version *=/{print $$2; exit}' FyneApp.toml)
TAGS      := migrated_fynedo
# System packages Fyne needs to build (cgo: OpenGL and X11 headers).
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev fonts-dejavu-core
# Extra packages the tests use: LibreOffice recomputes exported workbooks.
TEST_PKGS  := libreoffice-calc-nogui
# The system file dialogs on Linux (github.com/ncruces/zenity runs zenity);
# without it the app falls back to Fyne's own dialog.
RUN_PKGS   := zenity
# Extra packages for screenshots of the real app.
SHOT_PKGS  := xvfb xauth imagemagick
# Cross-compiling for Windows: mingw-w64 (cgo, windres) and convert for the icon.
WIN_PKGS   := gcc-mingw-w64-x86-64 imagemagick
# The Windows smoke test: Wine on Xvfb.
WINE_PKGS  := wine64 xvfb xdotool imagemagick
WIN_ENV    := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc

# Code checks, installed by make at pinned versions into $(BIN)/tools.
GOCYCLO_VERSION := v0.6.0
GOCYCLO  := $(BIN)/tools/gocyclo@$(GOCYCLO_VERSION)/gocyclo
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(BIN)/tools/staticcheck@$(STATICCHECK_VERSION)/staticcheck

# Fuzz targets as package:Target (go test fuzzes one target per run).
FUZZ_TARGETS := app/plandoc:FuzzUnmarshal app/i18n:FuzzParseNumber app/sheet:FuzzReadCSV \
                app/sheet:FuzzParseActuals app/sheet:FuzzParseKPIs
FUZZTIME     ?= 60s

.PHONY: run build test bench fuzz vet fmt-check cyclo staticcheck deps test-deps shot-deps screenshots clean \
        windows win-deps windows-smoke package install

# apt-get install only the packages that are not installed yet (root or sudo
# only then; without either, tools/apt-install.sh prints the line to run as root).
define apt_install
	@sh tools/apt-install.sh $(1)
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
	$(call apt_install,$(RUN_PKGS))
	./$(BIN)/kpiplanner

vet:
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi

# cyclo fails when a function outside the tests is more complex than 15
# (cyclomatic complexity, github.com/fzipp/gocyclo).
cyclo: $(GOCYCLO)
	$(GOCYCLO) -over 15 -ignore '_test\.go$$' .

$(GOCYCLO):
	GOBIN=$(CURDIR)/$(dir $(GOCYCLO)) $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)

# staticcheck runs honnef.co/go/tools' checks over every package, tests included.
staticcheck: deps $(STATICCHECK)
	$(STATICCHECK) -tags $(TAGS) ./...

$(STATICCHECK):
	GOBIN=$(CURDIR)/$(dir $(STATICCHECK)) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

test: test-deps vet fmt-check cyclo staticcheck windows-smoke
	bash tools/apt-install_test.sh
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/kpi
	$(GO) test -tags $(TAGS) -race -timeout 40m ./...
	$(call fuzz_run,20000x)

# make fuzz runs each fuzz target for FUZZTIME (make fuzz FUZZTIME=10m).
fuzz:
	$(call fuzz_run,$(FUZZTIME))

# fuzz_run runs every target of FUZZ_TARGETS for $(1). make test gives a count
# (20000x), not a duration: a duration -fuzztime races Go's fuzz coordinator at
# its deadline and fails with "context deadline exceeded" and no crasher
# (golang/go#75804, not fixed in Go 1.26); a count has no deadline to race.
define fuzz_run
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(1)"; \
	  CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(1) -fuzzminimizetime 200x -timeout 10m ./$${t%%:*}/ || exit 1; \
	done
endef

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime 3x -timeout 30m ./...

screenshots: build shot-deps
	bash docs/screenshots.sh

win-deps:
	$(call apt_install,$(WIN_PKGS))
	$(GO) mod download

# The Windows programs, with the icon, version and metadata of FyneApp.toml
# (tools/winres.sh writes them as .syso files Go links into windows builds).
windows: win-deps
	bash tools/winres.sh cmd/kpiplanner/rsrc_windows_amd64.syso kpiplanner.exe "KPI Planner"
	bash tools/winres.sh cmd/kpi/rsrc_windows_amd64.syso kpi.exe "KPI Planner command line"
	$(WIN_ENV) $(GO) build -tags $(TAGS) -ldflags "-H=windowsgui -s -w" -o $(DIST)/windows/kpiplanner.exe ./cmd/kpiplanner
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags "-s -w" -o $(DIST)/windows/kpi.exe ./cmd/kpi

# The Windows build under Wine: a window, its database, the CLI's JSON.
windows-smoke: windows
	$(call apt_install,$(WINE_PKGS))
	bash .ci/windows-smoke.sh

# Linux: a .tar.xz (binary, .desktop file, icon) and a .deb.
package: build
	bash tools/package-linux.sh $(VERSION) $(DIST)

# Installs for the current user into $(PREFIX) (default ~/.local): no root.
install: build
	install -Dm755 $(BIN)/kpiplanner $(PREFIX)/bin/kpiplanner
	install -Dm755 $(BIN)/kpi $(PREFIX)/bin/kpi
	install -Dm644 assets/icon.png $(PREFIX)/share/icons/hicolor/512x512/apps/vn.kpiplanner.app.png
	mkdir -p $(PREFIX)/share/applications
	sed 's|^Exec=kpiplanner|Exec=$(PREFIX)/bin/kpiplanner|' tools/kpiplanner.desktop > $(PREFIX)/share/applications/vn.kpiplanner.app.desktop.tmp
	mv $(PREFIX)/share/applications/vn.kpiplanner.app.desktop.tmp $(PREFIX)/share/applications/vn.kpiplanner.app.desktop
	install -Dm644 tools/kpiplanner-mime.xml $(PREFIX)/share/mime/packages/vn.kpiplanner.app.xml
	-update-mime-database $(PREFIX)/share/mime >/dev/null 2>&1
	-update-desktop-database $(PREFIX)/share/applications >/dev/null 2>&1
	@echo "installed into $(PREFIX) (bin, share/applications, share/icons, share/mime: .kpip packets open in the app); add $(PREFIX)/bin to PATH if it is not"

clean:
	rm -rf $(BIN) $(DIST) cmd/*/rsrc_windows_amd64.syso
