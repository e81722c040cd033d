# Rampart top-level build. `make deps` once, then `make`, `make run`,
# `make check`, `make bench`. Outputs go to out/, downloads to .cache/.

.DEFAULT_GOAL := all
SHELL := /bin/bash
include mk/toolchain.mk

O := out
Q ?= @
DEPS_STAMP := .cache/deps/paths.mk

LIB_SRCS := lib/libc/string.c lib/libc/fmt.c lib/drivers/pl011.c \
	lib/fdt/fdt_reader.c \
	lib/drivers/gicv3_rdist.c
PLAT_SRCS := plat/$(PLAT)/plat_common.c plat/$(PLAT)/plat_power.c

# The debug pseudo TA (core addresses, page pool use) serves the isolation
# tests; `make CFG_DEBUG_PTA=n` builds a core without it.
CFG_DEBUG_PTA ?= y

MONITOR_SRCS := monitor/entry.S monitor/boot.c monitor/context.c \
	monitor/core_link.c monitor/psci.c monitor/psci_decode.c monitor/smc.c \
	$(LIB_SRCS) $(PLAT_SRCS)
CORE_SRCS := core/arch/arm64/entry.S core/arch/arm64/vectors.S \
	core/kernel/boot.c core/kernel/log.c core/kernel/interrupts.c \
	core/kernel/smc_entry.c core/kernel/thread.c core/arch/arm64/thread_a64.S \
	core/mm/pgt.c core/mm/asid.c core/mm/heap.c core/mm/core_heap.c \
	core/tee/ns_mem.c core/tee/ns_buf.c core/tee/shm.c core/tee/msg_params.c \
	core/tee/session.c core/tee/rpc.c core/tee/entry_std.c \
	core/pta/pta.c core/pta/device_enum.c core/pta/rng_pta.c \
	core/pta/test_pta.c \
	$(if $(filter y,$(CFG_DEBUG_PTA)),core/pta/debug_pta.c) \
	core/mm/core_mmu.c core/drivers/gic_v3.c core/drivers/secure_timer.c \
	core/mm/page_pool.c core/mm/uspace.c core/tee/elf_ta.c core/tee/user_ta.c \
	core/tee/syscalls.c core/arch/arm64/user_a64.S core/kernel/user_access.c \
	core/tee/ta_session_syscalls.c core/tee/ta_time.c core/tee/syscall_cryp.c \
	core/tee/user_fp.c core/arch/arm64/fpu_a64.S \
	$(LIB_SRCS) $(PLAT_SRCS)

# Fragments (core/crypto, client/*) contribute to these lists.
CLIENT_TARGETS :=
HOST_TEST_BINS :=
FUZZ_BINS :=

# The core's crypto (mbedTLS from the deps cache) adds sources and objects.
CORE_EXTRA_OBJS :=
-include core/crypto/crypto.mk

MONITOR_OBJS := $(patsubst %,$(O)/monitor/%.o,$(MONITOR_SRCS))
CORE_OBJS := $(patsubst %,$(O)/core/%.o,$(CORE_SRCS))

.PHONY: all firmware rootfs guest deps run check unit-tests bench clean format


firmware: $(O)/rampart.bin

# --- core -------------------------------------------------------------------
$(O)/core/%.o: % Makefile mk/toolchain.mk plat/$(PLAT)/platform.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(SECURE_CFLAGS) -Icore/include -MMD -MP -c $< -o $@

# The PTA table follows CFG_DEBUG_PTA; the stamp recompiles it on a change.
$(O)/core/core/pta/pta.c.o: SECURE_CFLAGS += \
	-DCFG_DEBUG_PTA=$(if $(filter y,$(CFG_DEBUG_PTA)),1,0)
$(O)/core/core/pta/pta.c.o: $(O)/core/cfg_debug_pta
$(O)/core/cfg_debug_pta: cfg-debug-pta-check
	@mkdir -p $(dir $@)
	@echo '$(CFG_DEBUG_PTA)' | cmp -s - $@ 2>/dev/null || echo '$(CFG_DEBUG_PTA)' >$@
.PHONY: cfg-debug-pta-check
cfg-debug-pta-check:

$(O)/core/core.ld: core/core.ld.S plat/$(PLAT)/include/platform_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  LDS     $@"
	$(Q)$(CC) -E -P -x c -D__LINKER__ -Iinc -Iplat/$(PLAT)/include $< -o $@

$(O)/core/core.elf: $(CORE_OBJS) $(CORE_EXTRA_OBJS) $(O)/core/core.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(SECURE_LDFLAGS) -T $(O)/core/core.ld $(CORE_OBJS) \
		$(CORE_EXTRA_OBJS) -lgcc -o $@

$(O)/core/core.bin: $(O)/core/core.elf
	$(Q)$(OBJCOPY) -O binary $< $@

# --- monitor (carries the core image) -----------------------------------------
$(O)/monitor/%.o: % Makefile mk/toolchain.mk plat/$(PLAT)/platform.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(SECURE_CFLAGS) -MMD -MP -c $< -o $@

$(O)/monitor/core_image.o: monitor/core_image.S $(O)/core/core.bin
	@mkdir -p $(dir $@)
	@echo "  AS      $@"
	$(Q)$(CC) $(SECURE_CFLAGS) -DCORE_BIN_PATH='"$(O)/core/core.bin"' -c $< -o $@

$(O)/monitor/monitor.ld: monitor/monitor.ld.S plat/$(PLAT)/include/platform_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  LDS     $@"
	$(Q)$(CC) -E -P -x c -D__LINKER__ -Iinc -Iplat/$(PLAT)/include $< -o $@

$(O)/monitor/monitor.elf: $(MONITOR_OBJS) $(O)/monitor/core_image.o $(O)/monitor/monitor.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(SECURE_LDFLAGS) -T $(O)/monitor/monitor.ld $(MONITOR_OBJS) \
		$(O)/monitor/core_image.o -lgcc -o $@

$(O)/rampart.bin: $(O)/monitor/monitor.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	@echo "firmware: $@ ($$(stat -c %s $@) bytes)"

-include $(MONITOR_OBJS:.o=.d) $(CORE_OBJS:.o=.d)

# --- normal world ---------------------------------------------------------------
# Every build step needs the cross compiler and tools: pull them in first.
$(DEPS_STAMP): scripts/deps.sh
	scripts/deps.sh
	@touch $@

deps:
	scripts/deps.sh

rootfs: $(O)/rootfs/initramfs.cpio.gz

$(O)/rootfs/initramfs.cpio.gz: $(DEPS_STAMP) $(wildcard rootfs/*)
	rootfs/build-initramfs.sh $(O)/rootfs

# --- normal-world test and benchmark programs (static, arm64) -----------------
GUEST_CC := $(CROSS_COMPILE)gcc
GUEST_CFLAGS := -static -O2 -Wall -Wextra -Werror -pthread -Iinc
GUEST_PROGS := $(O)/guest/teetest $(O)/guest/teebench $(O)/guest/fpcheck
GUEST_PROGS += $(O)/guest/rngtest


$(O)/guest/teetest: $(wildcard tests/guest/teetest/*.c tests/guest/teetest/*.h) \
		tests/guest/common/runner.c tests/guest/common/runner.h \
		inc/rampart/abi/pta_test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -Itests/guest/common -o $@ $(filter %.c,$^)

$(O)/guest/rngtest: $(wildcard tests/guest/rngtest/*.c tests/guest/rngtest/*.h) \
		tests/guest/common/runner.c tests/guest/common/runner.h \
		inc/rampart/abi/pta_rng.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -Itests/guest/common -o $@ $(filter %.c,$^)

$(O)/guest/fpcheck: tests/guest/fpcheck.c inc/rampart/abi/pta_test.h \
		tests/ta/fp_ta/include/fp_ta.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -Itests/ta/fp_ta/include -o $@ $<

$(O)/guest/teebench: bench/guest/teebench.c inc/rampart/abi/pta_test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -o $@ $<

# --- running ------------------------------------------------------------------
SMP ?= $(PLAT_DEFAULT_SMP)
CPU ?= $(PLAT_DEFAULT_CPU)

run: all
	scripts/run-qemu.sh --smp '$(SMP)' --cpu '$(CPU)' \
		$(if $(OVERLAY),--overlay '$(OVERLAY)') \
		$(if $(CMD),--cmd '$(subst ','\'',$(CMD))')

# --- tests ----------------------------------------------------------------------
# What host builds of the message layer fake: the normal world, the DRBG,
# the AES instructions (the test PTA checks them).
HOST_FAKE_SRCS := tests/unit/fakes/fake_nw.c tests/unit/fakes/fake_crypto_rng.c \
	core/arch/fake/crypto/aes_accel.c
UNIT_TEST_SRCS := $(wildcard tests/unit/test_*.c) tests/unit/harness.c \
	$(HOST_FAKE_SRCS)
# The message layer with its real code; hardware-facing parts are faked.
MSG_LAYER_SRCS := core/tee/ns_buf.c core/tee/shm.c core/tee/msg_params.c \
	core/tee/session.c core/tee/rpc.c core/tee/entry_std.c \
	core/pta/pta.c core/pta/device_enum.c core/pta/rng_pta.c \
	core/pta/test_pta.c \
	core/pta/debug_pta.c
UNIT_TEST_DEPS := core/mm/pgt.c core/mm/asid.c core/mm/heap.c core/mm/page_pool.c lib/fdt/fdt_reader.c \
	$(MSG_LAYER_SRCS) lib/libc/fmt.c \
	plat/$(PLAT)/plat_common.c monitor/psci_decode.c

$(O)/tests/unit_tests: $(UNIT_TEST_SRCS) $(UNIT_TEST_DEPS) tests/unit/harness.h \
		$(wildcard tests/unit/fakes/*.h core/include/*/*.h inc/*/*.h inc/*/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(HOST_TEST_CFLAGS) -Imonitor $(UNIT_TEST_SRCS) $(UNIT_TEST_DEPS) -o $@

# The hostile normal-world payload booted instead of Linux by a test.
$(O)/hostile/hostile.bin: $(wildcard tests/hostile/*) lib/libc/fmt.c lib/libc/string.c \
		$(wildcard inc/rampart/abi/*.h) | $(DEPS_STAMP)
	@echo "  HOSTILE $@"
	$(Q)tests/hostile/build.sh $(O)/hostile

# Firmware variants the in-QEMU tests need (never shipped).
.PHONY: test-firmware
test-firmware: | $(DEPS_STAMP)
	$(MAKE) --no-print-directory O=$(O)/test-panic \
		EXTRA_CFLAGS=-DCFG_TEST_PANIC_ON_CALL firmware

# libFuzzer over the message layer: fixed seed and run count, corpus in git.
FUZZ_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Wno-gnu-variable-sized-type-not-at-end \
	-Iinc -Icore/include -Iplat/$(PLAT)/include -idirafter lib/libc/include
$(O)/tests/fuzz_msg: tests/fuzz/fuzz_msg.c $(HOST_FAKE_SRCS) $(UNIT_TEST_DEPS) \
		plat/$(PLAT)/plat_common.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)clang $(FUZZ_CFLAGS) tests/fuzz/fuzz_msg.c $(HOST_FAKE_SRCS) \
		$(MSG_LAYER_SRCS) core/mm/heap.c plat/$(PLAT)/plat_common.c -o $@

$(O)/tests/virt_like.dtb: tests/unit/data/virt_like.dts | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<

$(O)/tests/fuzz_elf_ta: tests/fuzz/fuzz_elf_ta.c core/tee/elf_ta.c core/include/tee/elf_ta.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)clang $(FUZZ_CFLAGS) tests/fuzz/fuzz_elf_ta.c core/tee/elf_ta.c -o $@

unit-tests: $(O)/tests/unit_tests $(O)/tests/virt_like.dtb
	$(O)/tests/unit_tests

# Normal-world client stack: libteec and tee-supplicant.
-include client/libteec/libteec.mk
-include client/tee-supplicant/supplicant.mk
# The TA dev kit (out/export-ta_arm64) and the TAs built with it.
-include ta/export.mk
-include tests/guest/tatest/tatest.mk
-include bench/guest/cryptobench.mk

# Rules whose prerequisites the fragments above extend: keep them last.
all: firmware rootfs guest $(CLIENT_TARGETS)

guest: $(GUEST_PROGS)

check: all $(O)/tests/unit_tests $(O)/tests/virt_like.dtb $(O)/tests/fuzz_msg \
		$(O)/tests/fuzz_elf_ta \
		$(HOST_TEST_BINS) $(FUZZ_BINS) test-firmware $(O)/hostile/hostile.bin
	tests/run-all.sh

bench: all
	bench/run.sh

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(O)
