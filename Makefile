# The README's two commands: `make run` and `make test`.
# Both install missing Debian packages first, then configure and build with CMake presets.
PRESET ?= ci
BUILD_DIR := build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test bench asan clean translations

all: build

deps:
	@bash packaging/linux/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

# Until the desktop app exists, `make run` starts the sandbox in the foreground.
run: build
	@echo "Starting bge-sandbox (Ctrl+C to stop). The JSON line below lists endpoints, demo users and clients."
	@$(BUILD_DIR)/bin/bge-sandbox --port 8710 --oss-port 8711 --data-dir $(BUILD_DIR)/sandbox-data

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure --label-exclude bench --no-tests=error

bench: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure --label-regex bench --verbose

asan: deps
	cmake --preset asan
	cmake --build build-asan --parallel $(JOBS)
	ctest --preset asan

# Refreshes resources/translations/*.ts from the sources; translate, then commit.
translations:
	/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -source-language en -target-language zh_CN \
	    core ui app -ts resources/translations/bge_zh_CN.ts

clean:
	rm -rf $(BUILD_DIR) build-asan build-release
