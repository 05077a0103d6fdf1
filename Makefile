# dyad — one GNU Makefile. Targets: all test unit golden hostile leakcheck asan bench
# fuzz fuzz-short fuzz-replay dev-scores clean.
# Objects go in build/<config>/; the release library and CLI land in build/.

CC      ?= cc
PREFIX  ?= /usr/local
DATADIR ?= $(CURDIR)/data

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wold-style-definition -Wpointer-arith -Wformat=2 -Wvla -Wwrite-strings \
          -Wundef -Wimplicit-fallthrough -Wconversion -Wsign-conversion -Wcast-qual \
          -Wdouble-promotion -Wlogical-op -Wduplicated-cond -Wduplicated-branches
PKGS    = jansson libxml-2.0
DEPCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljansson -lxml2)
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -DDYAD_DATA_DIR='"$(DATADIR)"'
CFLAGS_ALL   = -std=c11 $(WARN) -fvisibility=hidden $(DEPCFLAGS)

REL_FLAGS  = -O2 -g -fno-omit-frame-pointer
SAN_FLAGS  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer -DDYAD_ARENA_DEBUG

LIB_SRC   := $(sort $(wildcard src/*.c src/gen/*.c))
CLI_SRC   := $(sort $(wildcard cli/*.c))
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

# ---------------------------------------------------------------- release
REL_OBJ  := $(LIB_SRC:%.c=build/release/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=build/release/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=build/release/tests/%)

# ---------------------------------------------------------------- sanitizers
SAN_OBJ      := $(LIB_SRC:%.c=build/asan/%.o)
SAN_CLI_OBJ  := $(CLI_SRC:%.c=build/asan/%.o)
SAN_TEST_BIN := $(TEST_SRC:tests/unit/%.c=build/asan/tests/%)

.PHONY: all test unit golden asan bench bench-smoke fuzz fuzz-replay fuzz-bins fuzz-bins-try \
        fuzz-short leakcheck hostile clean golden-update format
all: build/dyad build/libdyad.a

build/release/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(REL_FLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

build/asan/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(SAN_FLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

build/libdyad.a: $(REL_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

build/asan/libdyad.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $^

build/dyad: $(CLI_OBJ) build/libdyad.a
	$(CC) $(REL_FLAGS) -pthread -o $@ $(CLI_OBJ) build/libdyad.a $(DEPLIBS) -lm

build/asan/dyad: $(SAN_CLI_OBJ) build/asan/libdyad.a
	$(CC) $(SAN_FLAGS) -pthread -o $@ $(SAN_CLI_OBJ) build/asan/libdyad.a $(DEPLIBS) -lm

build/release/tests/%: tests/unit/%.c build/libdyad.a tests/harness.h tests/testmodel.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) $(REL_FLAGS) -o $@ $< build/libdyad.a $(DEPLIBS) -lm

build/asan/tests/%: tests/unit/%.c build/asan/libdyad.a tests/harness.h tests/testmodel.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) $(SAN_FLAGS) -o $@ $< build/asan/libdyad.a $(DEPLIBS) -lm

asan: build/asan/dyad $(SAN_TEST_BIN)

# ---------------------------------------------------------------- fuzzing
# One target per entry point: fuzz/fuzz_<name>.c, seeded from the committed
# corpus fuzz/corpus/<name>/ (fuzz/README.md). With clang (libFuzzer):
# `make fuzz` runs each target FUZZ_SECONDS, `make fuzz-short` each
# FUZZ_SHORT_SECONDS (part of make test). `make fuzz-replay` builds them with
# gcc and ASan+UBSan and replays the seed corpus once (part of make test).
FUZZ_NAMES   := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SHORT_SECONDS ?= 30
REPLAY_BIN   := $(FUZZ_NAMES:%=build/asan/fuzz/replay_%)
FUZZ_BIN     := $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_FLAGS   = -std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
FUZZ_OBJ     := $(LIB_SRC:%.c=build/fuzz/obj/%.o)

build/asan/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay_main.c build/asan/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(SAN_FLAGS) -o $@ $< fuzz/replay_main.c build/asan/libdyad.a $(DEPLIBS) -lm

fuzz-replay: $(REPLAY_BIN)
	@for n in $(FUZZ_NAMES); do build/asan/fuzz/replay_$$n fuzz/corpus/$$n/* || exit 1; done

# The clang library: built once with coverage instrumentation for libFuzzer,
# shared by every target.
build/fuzz/obj/%.o: %.c Makefile
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzzing needs clang with libFuzzer (Debian packages clang libclang-rt-14-dev; sh scripts/install-deps.sh installs them)"; exit 2; }
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(DEPCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

build/fuzz/libdyad.a: $(FUZZ_OBJ)
	rm -f $@ && ar rcs $@ $^

build/fuzz/fuzz_%: fuzz/fuzz_%.c build/fuzz/libdyad.a
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(DEPCFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
	  build/fuzz/libdyad.a $(DEPLIBS) -lm

fuzz-bins: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@for n in $(FUZZ_NAMES); do mkdir -p build/fuzz/work/$$n build/fuzz/crash/$$n; \
	  build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=60 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/crash/$$n/ \
	    build/fuzz/work/$$n fuzz/corpus/$$n || exit 1; done

fuzz-short: $(FUZZ_BIN)
	@FUZZ_SHORT_SECONDS=$(FUZZ_SHORT_SECONDS) sh fuzz/short.sh

# make test builds the clang targets when it can; when it cannot, the test
# runner counts each missing target as a failure and says why.
fuzz-bins-try:
	@$(MAKE) --no-print-directory fuzz-bins || \
	  echo "dyad: the libFuzzer targets could not be built (clang and libclang-rt-14-dev needed); make test will count them as failures"

# valgrind over the golden CLI cases (tests/run.sh, DYAD_TEST_ONLY=leakcheck)
leakcheck: all
	@DYAD_TEST_ONLY=leakcheck sh tests/run.sh

# the hostile-input corpus against both binaries (tests/hostile/run.sh)
hostile: all build/asan/dyad
	@DYAD_TEST_ONLY=hostile sh tests/run.sh

# make test: unit tests (release and ASan+UBSan), fuzz corpus replay, golden
# CLI tests and the hostile corpus (both binaries), golden cases under
# valgrind, a short libFuzzer run of each target; the runner prints
# "N passed, N failed" last.
test: all $(TEST_BIN) asan $(REPLAY_BIN) fuzz-bins-try
	@FUZZ_SHORT_SECONDS=$(FUZZ_SHORT_SECONDS) sh tests/run.sh

unit: all $(TEST_BIN)
	@DYAD_TEST_ONLY=unit sh tests/run.sh

golden: all
	@DYAD_TEST_ONLY=golden sh tests/run.sh

golden-update: all
	@sh tests/golden/update.sh

BENCH_BIN := $(BENCH_SRC:bench/%.c=build/release/bench/%)
build/release/bench/%: bench/%.c build/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(REL_FLAGS) -pthread -o $@ $< build/libdyad.a $(DEPLIBS) -lm

bench: all $(BENCH_BIN)
	@sh bench/run.sh

bench-smoke: all $(BENCH_BIN)
	@DYAD_BENCH_SMOKE=1 sh bench/run.sh

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(SAN_CLI_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)

# ---------------------------------------------------------------- dev-set scores
# make dev-scores: precision and recall of build/dyad on the dev sets in
# ../shared (tools/eval.py, docs/EVAL.md): codebook examples (% coded to their
# own root and exact code, P/R/F1) and PETR2_GSR_validation.ud.xml ((source
# country, target country, root) and exact code). ../shared is only read;
# without it each set is skipped with a message.
.PHONY: dev-scores
dev-scores: build/dyad
	@python3 tools/eval.py --bin build/dyad
