# tatest: the user-mode TA tests for the guest, as a fragment of the
# top-level Makefile (which defines O, Q, GUEST_CC and DEPS_STAMP). Builds:
#   $(O)/guest/tatest          the client (static, against $(O)/export-client)
#   $(O)/tas/<uuid>.ta         hello_world, gp13_ta and isolation_ta, each
#                              built from a copy of its directory in
#                              $(O)/tas-build/<name> by the exported dev
#                              kit, as a TA outside the tree is:
#     make -C <copy> CROSS_COMPILE=... TA_DEV_KIT_DIR=$(O)/export-ta_arm64
# tests/qemu/test_user_ta.sh runs them (and derives the refused images).

TATEST_CLIENT_EXPORT := $(O)/export-client
TATEST_DEVKIT := $(O)/export-ta_arm64
# The dev kit's export stamp (ta/export.mk); its make file if there is none.
TATEST_DEVKIT_DEP := $(if $(wildcard ta/export.mk),$(TATEST_DEVKIT)/.stamp,\
	$(TATEST_DEVKIT)/mk/ta_dev_kit.mk)
TATEST_TAS := $(O)/tas
TATEST_TAS_BUILD := $(O)/tas-build

TATEST_SRCS := $(wildcard tests/guest/tatest/*.c) tests/guest/common/runner.c
TATEST_CFLAGS := -static -O2 -Wall -Wextra -Werror -pthread \
	-Itests/guest/common -I$(TATEST_CLIENT_EXPORT)/include \
	-Itests/ta/gp13_ta/include \
	-Iexamples/hello_world/ta/include -Itests/ta/isolation_ta/include -Iinc

$(O)/guest/tatest: $(TATEST_SRCS) $(wildcard tests/guest/tatest/*.h) \
		tests/guest/common/runner.h \
		tests/guest/tatest/tatest.mk \
		tests/ta/gp13_ta/include/gp13_ta.h \
		tests/ta/isolation_ta/include/isolation_ta.h \
		inc/rampart/abi/pta_debug.h \
		examples/hello_world/ta/include/hello_world_ta.h \
		$(TATEST_CLIENT_EXPORT)/include/tee_client_api.h \
		$(TATEST_CLIENT_EXPORT)/lib/libteec.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(TATEST_CFLAGS) -o $@ $(TATEST_SRCS) \
		$(TATEST_CLIENT_EXPORT)/lib/libteec.a

GUEST_PROGS += $(O)/guest/tatest

# $1: name, $2: source directory, $3: UUID. A fresh copy per build, so that
# nothing of an earlier build (or of an in-tree build) is reused. The
# command-line variables a top-level make may pass on are reset.
define tatest-ta
$(TATEST_TAS)/$3.ta: $(TATEST_DEVKIT_DEP) $(wildcard $2/* $2/*/*) \
		tests/guest/tatest/tatest.mk
	@echo "  TA      $$@ (dev kit, from a copy of $2)"
	$(Q)rm -rf $(TATEST_TAS_BUILD)/$1
	$(Q)mkdir -p $(TATEST_TAS_BUILD) $(TATEST_TAS)
	$(Q)cp -r $2 $(TATEST_TAS_BUILD)/$1
	$(Q)$(MAKE) --no-print-directory -C $(TATEST_TAS_BUILD)/$1 \
		CROSS_COMPILE=$(CROSS_COMPILE) \
		TA_DEV_KIT_DIR=$(abspath $(TATEST_DEVKIT)) \
		O=$(abspath $(TATEST_TAS_BUILD)/$1) CFLAGS= LDFLAGS= >/dev/null
	$(Q)cp $(TATEST_TAS_BUILD)/$1/$3.ta $$@
endef

$(eval $(call tatest-ta,hello_world,examples/hello_world/ta,8aaaf200-2450-11e4-abe2-0002a5d5c51b))
$(eval $(call tatest-ta,gp13_ta,tests/ta/gp13_ta,40c51987-3c41-4c2c-8de6-3246fa4ef158))
$(eval $(call tatest-ta,isolation_ta,tests/ta/isolation_ta,3202eaac-fba0-4d12-a511-a213c73de886))

CLIENT_TARGETS += $(TATEST_TAS)/8aaaf200-2450-11e4-abe2-0002a5d5c51b.ta \
	$(TATEST_TAS)/40c51987-3c41-4c2c-8de6-3246fa4ef158.ta \
	$(TATEST_TAS)/3202eaac-fba0-4d12-a511-a213c73de886.ta
