# reach — two commands do everything on a fresh Debian machine:
#   make figures   install what is missing, build, render every scenario into figures/
#   make test      install what is missing (and the export checkers into .build/venv), build, run every test
SWIFT      ?= swift
PREFIX     ?= /usr/local
CONFIG     := release
BIN        := .build/$(CONFIG)/reach
# K+ -> mu+ nu nu nubar has no mass axis: its figure is the m0^2 optimisation (plot-cut) below.
SCENARIOS  := $(filter-out scenarios/na62-kmunununu.yaml,$(wildcard scenarios/*.yaml))

.PHONY: all deps build test figures bench validate install clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product reach

# The export tests check `reach export` with hepdata-validator and pyhf, installed into .build/venv.
test: deps
	scripts/install-test-tools
	$(SWIFT) build --build-tests
	scripts/run-tests

figures: build
	@mkdir -p figures
	@for f in $(SCENARIOS); do $(BIN) plot "$$f" --format pdf,png -o figures || exit 1; done
	@$(BIN) plot-background scenarios/na62-kpi0en.yaml --mass 150MeV --format pdf,png -o figures
	@$(BIN) scan scenarios/na62-kpi0en-veto.yaml --mass 135MeV --parameter detector.veto.hermetic_angle \
		--values 30mrad,50mrad,75mrad,100mrad,150mrad,200mrad --plot figures > /dev/null
	@$(BIN) scan scenarios/na62-kpi0en.yaml --mass 135MeV --parameter detector.veto.hermetic_angle \
		--values 30mrad,50mrad,75mrad,100mrad,150mrad,200mrad --parameter "exposure.streams[0].kaon_decays" \
		--values 4.5e12,1.35e13,4.5e13,1.35e14,4.5e14,1.35e15 --plot figures > /dev/null
	@$(BIN) plot-cut scenarios/na62-kmununu.yaml --mass 100MeV --format pdf,png -o figures
	@$(BIN) plot-cut scenarios/na62-kmunununu.yaml --variant 2 --format pdf,png -o figures

bench: deps
	$(SWIFT) build -c release --product ReachBenchmarks
	.build/release/ReachBenchmarks

# Debug build, as in `make test`, whose check of the README table must see the same digits.
validate: deps
	$(SWIFT) build --product ReachValidation
	.build/debug/ReachValidation README.md

install: build
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/reach
	@for b in .build/$(CONFIG)/*.resources; do [ -d "$$b" ] && cp -R "$$b" $(PREFIX)/bin/ || true; done

clean:
	rm -rf .build
