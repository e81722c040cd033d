# tee-supplicant: the normal-world RPC daemon (client/tee-supplicant/).
# Included from the top Makefile; uses O, Q, GUEST_CC, HOST_CC, DEPS_STAMP.
#
#   $(O)/export-client/sbin/tee-supplicant   static arm64 daemon
#   $(O)/tests/supp_unit_tests               host unit tests (ASan/UBSan)
#   $(O)/tests/fuzz_supp                     libFuzzer: request decoding + names

SUPP_DIR := client/tee-supplicant
SUPP_SRCS := $(wildcard $(SUPP_DIR)/src/*.c)
SUPP_HDRS := $(wildcard $(SUPP_DIR)/src/*.h)
# Everything but main() is linked into the host unit tests.
SUPP_LIB_SRCS := $(filter-out $(SUPP_DIR)/src/main.c,$(SUPP_SRCS))
# The pure parts the fuzzer drives.
SUPP_FUZZ_SRCS := $(SUPP_DIR)/src/request.c $(SUPP_DIR)/src/path.c

SUPP_WARN := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla
SUPP_GUEST_CFLAGS := -std=c11 -O2 -g $(SUPP_WARN) -pthread \
	-fstack-protector-strong -D_FORTIFY_SOURCE=2 -I$(SUPP_DIR)/src
SUPP_HOST_CFLAGS := -std=c11 -O1 -g $(SUPP_WARN) -pthread \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -I$(SUPP_DIR)/src -Itests/unit
SUPP_FUZZ_CFLAGS := -std=c11 -O1 -g $(SUPP_WARN) \
	-Wno-missing-prototypes \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I$(SUPP_DIR)/src

SUPP_GUEST_OBJS := $(patsubst $(SUPP_DIR)/src/%.c,$(O)/supplicant/guest/%.o,$(SUPP_SRCS))
SUPP_HOST_OBJS := $(patsubst $(SUPP_DIR)/src/%.c,$(O)/supplicant/host/%.o,$(SUPP_LIB_SRCS))
SUPP_TEST_SRCS := $(wildcard tests/supplicant/test_*.c) tests/unit/harness.c

$(O)/supplicant/guest/%.o: $(SUPP_DIR)/src/%.c $(SUPP_HDRS) $(SUPP_DIR)/supplicant.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(SUPP_GUEST_CFLAGS) -c $< -o $@

$(O)/export-client/sbin/tee-supplicant: $(SUPP_GUEST_OBJS)
	@mkdir -p $(dir $@)
	@echo "  GUESTLD $@"
	$(Q)$(GUEST_CC) -static -pthread $(SUPP_GUEST_OBJS) -o $@

$(O)/supplicant/host/%.o: $(SUPP_DIR)/src/%.c $(SUPP_HDRS) $(SUPP_DIR)/supplicant.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(SUPP_HOST_CFLAGS) -c $< -o $@

$(O)/tests/supp_unit_tests: $(SUPP_HOST_OBJS) $(SUPP_TEST_SRCS) tests/unit/harness.h \
		$(wildcard tests/supplicant/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(SUPP_HOST_CFLAGS) -Wno-missing-prototypes \
		$(SUPP_TEST_SRCS) $(SUPP_HOST_OBJS) -o $@

$(O)/tests/fuzz_supp: tests/fuzz/fuzz_supp.c $(SUPP_FUZZ_SRCS) $(SUPP_HDRS)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)clang $(SUPP_FUZZ_CFLAGS) tests/fuzz/fuzz_supp.c $(SUPP_FUZZ_SRCS) -o $@

.PHONY: supplicant
supplicant: $(O)/export-client/sbin/tee-supplicant

CLIENT_TARGETS += $(O)/export-client/sbin/tee-supplicant
HOST_TEST_BINS += $(O)/tests/supp_unit_tests
FUZZ_BINS += $(O)/tests/fuzz_supp
