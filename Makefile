# The two commands a newcomer needs (see README.md):
#   make run   installs what is missing, builds, and opens the app on the demo store
#   make test  the same set-up, then builds and runs the whole test suite
# Both work on a fresh Debian 12 machine.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
# Warnings are errors in CI (CI=true there).
WERROR ?= $(if $(CI),ON,OFF)

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCLIENTELE_WERROR=$(WERROR)

.PHONY: all deps configure build run test bench bench-import package clean

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/clientele $(WORKSPACE)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target clientele_benchmarks
	$(BUILD_DIR)/tests/bench/bench_demo $(BENCH_ARGS)

bench-import: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target clientele_benchmarks
	$(BUILD_DIR)/tests/bench/bench_import $(BENCH_ARGS)

package: build
	@cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR)
