# tatest: the user-mode TA tests for the guest, as a fragment of the
# top-level Makefile (which defines O, Q, GUEST_CC and DEPS_STAMP). Builds
# $(O)/guest/tatest, the client (static, against $(O)/export-client). The
# TAs it talks to are built by ta/export.mk into $(O)/ta/<name>/;
# tests/qemu/test_user_ta.sh runs them (and derives the refused images).

TATEST_CLIENT_EXPORT := $(O)/export-client

TATEST_SRCS := $(wildcard tests/guest/tatest/*.c) tests/guest/common/runner.c
TATEST_CFLAGS := -static -O2 -Wall -Wextra -Werror -pthread \
	-Itests/guest/common -I$(TATEST_CLIENT_EXPORT)/include \
	$(patsubst %,-I%,$(wildcard tests/ta/*/include)) \
	-Iexamples/hello_world/ta/include -Iinc

$(O)/guest/tatest: $(TATEST_SRCS) $(wildcard tests/guest/tatest/*.h) \
		tests/guest/common/runner.h \
		tests/guest/tatest/tatest.mk \
		$(wildcard tests/ta/*/include/*.h) \
		inc/rampart/abi/pta_debug.h \
		examples/hello_world/ta/include/hello_world_ta.h \
		$(TATEST_CLIENT_EXPORT)/include/tee_client_api.h \
		$(TATEST_CLIENT_EXPORT)/lib/libteec.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(TATEST_CFLAGS) -o $@ $(TATEST_SRCS) \
		$(TATEST_CLIENT_EXPORT)/lib/libteec.a

GUEST_PROGS += $(O)/guest/tatest
