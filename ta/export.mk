# The TA dev kit, as a fragment of the top-level Makefile (which defines O,
# Q, CROSS_COMPILE, DEPS_STAMP and, through core/crypto/crypto.mk, SIGN_TA
# and TA_SIGN_KEY). Builds:
#   $(O)/libutee/libutee.a    GP Internal Core API, entry, heap, trace
#   $(O)/libutee/libutils.a   the TAs' small libc (string, stdio, stdlib...)
#   $(O)/export-ta_arm64/     the dev kit TAs build against, OP-TEE layout:
#       mk/ include/ lib/ src/ scripts/ bin/sign_ta keys/default_ta.pem
#   $(O)/ta/<name>/<uuid>.ta  the in-tree TAs, built by their own Makefiles
#                             against the export as an outside TA would be
#
# A TA outside the tree:
#   make -C my_ta CROSS_COMPILE=aarch64-linux-gnu- \
#       TA_DEV_KIT_DIR=/path/to/out/export-ta_arm64

LIBUTEE_OUT := $(O)/libutee
TA_EXPORT := $(O)/export-ta_arm64
TA_EXPORT_STAMP := $(TA_EXPORT)/.stamp
LIBUTEE_CC := $(CROSS_COMPILE)gcc
LIBUTEE_AR := $(CROSS_COMPILE)ar
TA_EXPORT_SIGN_TA := $(or $(SIGN_TA),$(O)/tools/sign_ta)
TA_EXPORT_KEY := $(or $(TA_SIGN_KEY),$(O)/keys/ta_dev_key.pem)

# Same code-generation rules as TAs (see ta/mk/conf.mk): position
# independent, no FP/SIMD, no outline atomics; our headers only. Traces are
# all compiled in and filtered at run time by the TA's trace_level. Always
# BTI + PAC (hint-space, NOPs on older CPUs): a TA built with CFG_TA_BTI=n
# just loses the property at link time.
LIBUTEE_CFLAGS = -std=gnu11 -Os -g -fpic -ffreestanding -fno-common \
	-fno-stack-protector -ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-tree-loop-distribute-patterns \
	-mgeneral-regs-only -mstrict-align -mno-outline-atomics \
	-mbranch-protection=standard \
	-Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wpointer-arith -Wwrite-strings \
	-nostdinc -isystem $(shell $(LIBUTEE_CC) -print-file-name=include) \
	-Ilib/libutee/include -Ilib/libutee/libc/include -Iinc \
	-DTRACE_LEVEL=4

# Every C file of lib/libutee is part of the library.
LIBUTEE_SRCS := lib/libutee/entry_a64.S $(sort $(wildcard lib/libutee/*.c))
LIBUTILS_SRCS := lib/libc/string.c lib/libc/strdup.c lib/libutee/libc/printf.c \
	lib/libutee/libc/stdlib.c lib/libutee/libc/ctype.c

libutee-obj = $(patsubst lib/%,$(LIBUTEE_OUT)/obj/%.o,$(1))
LIBUTEE_OBJS := $(call libutee-obj,$(LIBUTEE_SRCS))
LIBUTILS_OBJS := $(call libutee-obj,$(LIBUTILS_SRCS))

$(LIBUTEE_OUT)/obj/%.o: lib/% ta/export.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  TACC    $@"
	$(Q)$(LIBUTEE_CC) $(LIBUTEE_CFLAGS) -MMD -MP -c $< -o $@

$(LIBUTEE_OUT)/libutee.a: $(LIBUTEE_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(LIBUTEE_AR) rcs $@ $^

$(LIBUTEE_OUT)/libutils.a: $(LIBUTILS_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(LIBUTEE_AR) rcs $@ $^

# $(LIBUTEE_OUT)/libmbedtls.a: mbedTLS's bignum under the Arithmetical API.
include lib/libutee/mbedtls_ta.mk

# --- export tree -------------------------------------------------------------
TA_EXPORT_HDRS := $(wildcard lib/libutee/include/*.h lib/libutee/libc/include/*.h)
TA_EXPORT_FILES := $(wildcard ta/mk/*.mk ta/src/* ta/scripts/*) \
	$(TA_EXPORT_HDRS) $(wildcard inc/rampart/abi/utee*.h) ta/README.md

$(TA_EXPORT_STAMP): $(TA_EXPORT_FILES) $(LIBUTEE_OUT)/libutee.a \
		$(LIBUTEE_OUT)/libutils.a $(LIBUTEE_OUT)/libmbedtls.a \
		$(TA_EXPORT_SIGN_TA) $(TA_EXPORT_KEY) ta/export.mk
	@echo "  EXPORT  $(TA_EXPORT)"
	$(Q)rm -rf $(addprefix $(TA_EXPORT)/,mk include lib src scripts bin keys)
	$(Q)mkdir -p $(addprefix $(TA_EXPORT)/,mk include/rampart/abi lib src \
		scripts bin keys)
	$(Q)cp ta/README.md $(TA_EXPORT)/
	$(Q)cp ta/mk/*.mk $(TA_EXPORT)/mk/
	$(Q)cp $(TA_EXPORT_HDRS) $(TA_EXPORT)/include/
	$(Q)cp inc/rampart/abi/utee*.h $(TA_EXPORT)/include/rampart/abi/
	$(Q)cp ta/src/* $(TA_EXPORT)/src/
	$(Q)cp ta/scripts/* $(TA_EXPORT)/scripts/
	$(Q)cp $(LIBUTEE_OUT)/libutee.a $(LIBUTEE_OUT)/libutils.a \
		$(LIBUTEE_OUT)/libmbedtls.a $(TA_EXPORT)/lib/
	$(Q)cp $(TA_EXPORT_SIGN_TA) $(TA_EXPORT)/bin/sign_ta
	$(Q)install -m 600 $(TA_EXPORT_KEY) $(TA_EXPORT)/keys/default_ta.pem
	$(Q)touch $@

.PHONY: ta-devkit
ta-devkit: $(TA_EXPORT_STAMP)

# --- in-tree TAs, built like outside ones -------------------------------------
# $1: name, $2: source directory, $3: UUID
define ta-in-tree
$(O)/ta/$1/$3.ta: $(TA_EXPORT_STAMP) $(wildcard $2/* $2/*/*)
	@echo "  TA      $$@"
	$(Q)$(MAKE) --no-print-directory -C $2 CROSS_COMPILE=$(CROSS_COMPILE) \
		TA_DEV_KIT_DIR=$(abspath $(TA_EXPORT)) O=$(abspath $(O)/ta/$1) \
		LDFLAGS= CFLAGS= >/dev/null
TA_BINS += $(O)/ta/$1/$3.ta
endef

TA_BINS :=
$(eval $(call ta-in-tree,hello_world,examples/hello_world/ta,8aaaf200-2450-11e4-abe2-0002a5d5c51b))
$(eval $(call ta-in-tree,gp13_ta,tests/ta/gp13_ta,40c51987-3c41-4c2c-8de6-3246fa4ef158))
$(eval $(call ta-in-tree,isolation_ta,tests/ta/isolation_ta,3202eaac-fba0-4d12-a511-a213c73de886))
$(eval $(call ta-in-tree,crypt_ta,tests/ta/crypt_ta,48d6dccc-26df-42d3-bcf2-0ef49a190b00))
$(eval $(call ta-in-tree,arith_ta,tests/ta/arith_ta,7a9aa586-5736-467d-996b-067a8b3b8694))
$(eval $(call ta-in-tree,bti_ta,tests/ta/bti_ta,a41028a0-9527-4595-a0d3-5885df1fcf1b))
$(eval $(call ta-in-tree,bti_legacy_ta,tests/ta/bti_ta/legacy,58a5497c-59c7-498a-89d8-0ea6b6e1045c))
$(eval $(call ta-in-tree,ta2ta_ta,tests/ta/ta2ta_ta,866cf3d7-cdbe-4adf-bc69-4de357603bc5))
$(eval $(call ta-in-tree,fp_ta,tests/ta/fp_ta,8de6c764-871f-41ed-b250-db98055720e9))
$(eval $(call ta-in-tree,perf_ta,bench/ta/perf_ta,f73b38ef-796e-43b7-bff5-4a9d60b7bc19))

.PHONY: tas
tas: $(TA_BINS)

CLIENT_TARGETS += $(TA_EXPORT_STAMP) $(TA_BINS)

-include $(LIBUTEE_OBJS:.o=.d) $(LIBUTILS_OBJS:.o=.d)
