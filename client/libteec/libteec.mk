# libteec: the GlobalPlatform TEE Client API for the normal world (arm64).
# Included by the top-level Makefile, which defines O, Q, GUEST_CC,
# GUEST_CFLAGS, CROSS_COMPILE and DEPS_STAMP. Builds:
#   $(O)/libteec/                  objects, libteec.so.1.0.0, libteec.a
#   $(O)/export-client/include/    tee_client_api.h, tee_client_api_extensions.h
#   $(O)/export-client/lib/        libteec.so.1.0.0, libteec.so.1, libteec.so,
#                                  libteec.a, pkgconfig/teec.pc
#   $(O)/guest/teec_test           client API tests, static, our libteec.a
#   $(O)/guest/teec_test_debian    the same tests against Debian's libteec.so.1
#   $(O)/examples/hello_world/     the hello_world host program, built by its
#                                  own Makefile as a user outside the tree would

-include .cache/deps/paths.mk

LIBTEEC_VERSION := 3.19.0
LIBTEEC_SRCS := $(wildcard client/libteec/src/*.c)
LIBTEEC_OBJS := $(patsubst client/libteec/src/%.c,$(O)/libteec/%.o,$(LIBTEEC_SRCS))
LIBTEEC_HDRS := tee_client_api.h tee_client_api_extensions.h
LIBTEEC_EXPORT := $(O)/export-client
LIBTEEC_EXPORTED_HDRS := $(addprefix $(LIBTEEC_EXPORT)/include/,$(LIBTEEC_HDRS))
LIBTEEC_AR := $(CROSS_COMPILE)ar
# -fvisibility=hidden plus a version script: only TEEC_* leave the .so.
LIBTEEC_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -fPIC \
	-fvisibility=hidden -pthread -Iclient/libteec/include
LIBTEEC_LDFLAGS := -shared -Wl,-soname,libteec.so.1 -Wl,-z,defs \
	-Wl,-z,relro -Wl,-z,now -Wl,--version-script=$(O)/libteec/libteec.map
# Debian's libteec1 (unpacked by scripts/deps.sh).
LIBTEEC_DEBIAN_SO := $(LIBTEEC_DIR)/usr/lib/aarch64-linux-gnu/libteec.so.1.0.0

.PHONY: libteec
libteec: $(LIBTEEC_EXPORT)/lib/libteec.so $(LIBTEEC_EXPORT)/lib/libteec.a \
	$(LIBTEEC_EXPORT)/lib/pkgconfig/teec.pc $(LIBTEEC_EXPORTED_HDRS)

$(O)/libteec/%.o: client/libteec/src/%.c client/libteec/libteec.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(LIBTEEC_CFLAGS) -MMD -MP -c $< -o $@

$(O)/libteec/libteec.map: client/libteec/libteec.mk
	@mkdir -p $(dir $@)
	$(Q)printf '{\n\tglobal:\n\t\tTEEC_*;\n\tlocal:\n\t\t*;\n};\n' >$@

$(O)/libteec/libteec.so.1.0.0: $(LIBTEEC_OBJS) $(O)/libteec/libteec.map
	@echo "  LD      $@"
	$(Q)$(GUEST_CC) $(LIBTEEC_LDFLAGS) -pthread -o $@ $(LIBTEEC_OBJS)

$(O)/libteec/libteec.a: $(LIBTEEC_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(LIBTEEC_AR) rcs $@ $(LIBTEEC_OBJS)

# --- export tree --------------------------------------------------------------
$(LIBTEEC_EXPORT)/include/%.h: client/libteec/include/%.h
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(LIBTEEC_EXPORT)/lib/libteec.so.1.0.0: $(O)/libteec/libteec.so.1.0.0
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(LIBTEEC_EXPORT)/lib/libteec.so.1: $(LIBTEEC_EXPORT)/lib/libteec.so.1.0.0
	$(Q)ln -sfn libteec.so.1.0.0 $@

$(LIBTEEC_EXPORT)/lib/libteec.so: $(LIBTEEC_EXPORT)/lib/libteec.so.1
	$(Q)ln -sfn libteec.so.1 $@

$(LIBTEEC_EXPORT)/lib/libteec.a: $(O)/libteec/libteec.a
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

# Relocatable: the prefix is found relative to the .pc file.
$(LIBTEEC_EXPORT)/lib/pkgconfig/teec.pc: client/libteec/teec.pc.in client/libteec/libteec.mk
	@mkdir -p $(dir $@)
	$(Q)sed -e 's|@PREFIX@|$${pcfiledir}/../..|' \
		-e 's|@VERSION@|$(LIBTEEC_VERSION)|' $< >$@

CLIENT_TARGETS += $(LIBTEEC_EXPORT)/lib/libteec.so.1 \
	$(LIBTEEC_EXPORT)/lib/libteec.so $(LIBTEEC_EXPORT)/lib/libteec.a \
	$(LIBTEEC_EXPORT)/lib/pkgconfig/teec.pc $(LIBTEEC_EXPORTED_HDRS)

# --- guest test programs --------------------------------------------------------
TEEC_TEST_DEPS := $(wildcard tests/guest/teec_test/*.c tests/guest/teec_test/*.h) \
	tests/guest/common/runner.c tests/guest/common/runner.h \
	inc/rampart/abi/pta_test.h $(LIBTEEC_EXPORTED_HDRS)

$(O)/guest/teec_test: $(TEEC_TEST_DEPS) $(LIBTEEC_EXPORT)/lib/libteec.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -Itests/guest/common \
		-I$(LIBTEEC_EXPORT)/include -o $@ \
		$(filter %.c,$^) $(LIBTEEC_EXPORT)/lib/libteec.a

# Compiled against our header, run against Debian's 3.19 library: proves the
# binary compatibility of the header as much as it tests Debian's library.
$(O)/guest/teec_test_debian: $(TEEC_TEST_DEPS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(filter-out -static,$(GUEST_CFLAGS)) -DTEEC_TEST_DEBIAN \
		-Itests/guest/common -I$(LIBTEEC_EXPORT)/include -o $@ \
		$(filter %.c,$^) $(LIBTEEC_DEBIAN_SO) \
		-Wl,-rpath-link,$(dir $(LIBTEEC_DEBIAN_SO))

GUEST_PROGS += $(O)/guest/teec_test $(O)/guest/teec_test_debian

# --- examples -------------------------------------------------------------------
HELLO_WORLD_OUT := $(O)/examples/hello_world

$(HELLO_WORLD_OUT)/hello_world: examples/hello_world/host/main.c \
		examples/hello_world/host/Makefile $(LIBTEEC_EXPORT)/lib/libteec.a \
		$(LIBTEEC_EXPORT)/lib/libteec.so $(LIBTEEC_EXPORTED_HDRS)
	@echo "  MAKE    $@"
	$(Q)$(MAKE) --no-print-directory -C examples/hello_world/host \
		CROSS_COMPILE=$(CROSS_COMPILE) \
		TEEC_EXPORT=$(abspath $(LIBTEEC_EXPORT)) \
		OUT_DIR=$(abspath $(HELLO_WORLD_OUT))

CLIENT_TARGETS += $(HELLO_WORLD_OUT)/hello_world

-include $(LIBTEEC_OBJS:.o=.d)
