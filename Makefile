# formpress: the two commands a newcomer needs, and a few more.
#   make examples   installs what is missing, builds, renders every example into out/
#   make test       runs the test suite
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/formpress
APT_PACKAGES = libcairo2-dev libharfbuzz-dev libfreetype-dev libfontconfig1-dev libicu-dev \
               zlib1g-dev pkg-config fonts-noto-cjk poppler-utils qpdf time

.PHONY: examples test deps build bench bench-short bench-instructions specimen clean

examples: deps build
	@mkdir -p out
	@for f in Examples/*.json; do \
	  name=$$(basename $$f .json); \
	  $(BIN) render $$f -o out/$$name.pdf || exit 1; \
	done
	$(BIN) render Examples/houjie-2026-approval.json --format png --dpi 80 -o out/houjie-png
	$(BIN) specimen Examples/specimen.txt -o out/specimen.pdf
	@echo "rendered into out/: one PDF per example, PNG pages of the approval sheet"

test: deps
	$(SWIFT) test

# The Swift runtime linked in: the dynamic linker no longer binds its libraries at every start
# (a single form renders about 10% sooner, with 3 MB less memory).
build:
	$(SWIFT) build -c $(CONFIG) --static-swift-stdlib

# Wall time, pages/s, peak memory and PDF size per example and per batch (and Typst beside
# formpress when `pip install typst` has been done and ../shared/peers exists).
bench: deps build
	scripts/bench.sh

# The same, short: three runs, batches up to 100 forms (CI runs this).
bench-short: deps build
	BENCH_SHORT=1 scripts/bench.sh

# The full run, and instructions per page counted by callgrind (needs valgrind; a few minutes more).
bench-instructions: deps build
	BENCH_INSTRUCTIONS=1 scripts/bench.sh

# Installs the system packages that are missing (Debian/Ubuntu; needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build out
