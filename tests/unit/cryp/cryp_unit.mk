# Host tests of the core's GP crypto service (core/tee/cryp/ over
# core/crypto/ and mbedTLS built for the host), ASan/UBSan, with OpenSSL as
# the reference: out/tests/cryp_unit_tests, run by
# tests/host/test_cryp_unit.sh. Included by core/crypto/crypto.mk after
# tests/crypto/crypto_tests.mk (MBEDTLS_HOST_OBJS).

CRYP_UNIT_DIR := $(O)/tests/cryp
CRYP_UNIT_SRCS := $(filter-out tests/unit/cryp/cryp_defs_libutee.c, \
	$(wildcard tests/unit/cryp/*.c)) tests/unit/harness.c
CRYP_UNIT_UNDER_TEST := $(CRYP_SERVICE_SRCS) core/crypto/crypto_hash.c \
	core/crypto/crypto_cipher.c core/arch/fake/crypto/aes_accel.c \
	core/crypto/crypto_mac.c \
	core/crypto/crypto_authenc.c core/crypto/crypto_ct.c lib/libc/fmt.c \
	core/crypto/crypto_rsa_ops.c core/crypto/crypto_ecc.c \
	core/crypto/crypto_dh.c core/crypto/crypto_kdf.c \
	core/crypto/crypto_rsa_oaep.c
CRYP_UNIT_HDRS := $(wildcard tests/unit/cryp/*.h core/tee/cryp/*.h) \
	core/include/crypto/crypto.h core/include/tee/tee_cryp_defs.h \
	core/include/crypto/crypto_asym.h core/include/tee/tee_cryp_asym_defs.h \
	inc/rampart/abi/utee_cryp.h tests/unit/harness.h

# The names the core's GP constants header defines, for cryp_defs_match.
$(CRYP_UNIT_DIR)/cryp_gp_names.h: core/include/tee/tee_cryp_defs.h
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^#define \(TEE_[A-Z0-9_]*\) .*/X(\1)/p' $< >$@

# libutee's half of that test: only libutee's headers (and its libc), as
# TAs see them.
$(CRYP_UNIT_DIR)/cryp_defs_libutee.o: tests/unit/cryp/cryp_defs_libutee.c \
		$(CRYP_UNIT_DIR)/cryp_gp_names.h \
		$(wildcard lib/libutee/include/*.h)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -ffreestanding \
		-nostdinc -isystem $(shell $(HOST_CC) -print-file-name=include) \
		-Ilib/libutee/include -Ilib/libutee/libc/include \
		-I$(CRYP_UNIT_DIR) -c $< -o $@

$(O)/tests/cryp_unit_tests: $(CRYP_UNIT_SRCS) $(CRYP_UNIT_UNDER_TEST) \
		$(CRYP_UNIT_HDRS) $(MBEDTLS_HOST_OBJS) \
		$(CRYP_UNIT_DIR)/cryp_defs_libutee.o \
		$(CRYP_UNIT_DIR)/cryp_gp_names.h tests/unit/cryp/cryp_unit.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(HOST_TEST_CFLAGS) $(MBEDTLS_CFLAGS) \
		-Itests/unit -Itests/unit/cryp -Icore/tee/cryp \
		-I$(CRYP_UNIT_DIR) $(CRYP_UNIT_SRCS) $(CRYP_UNIT_UNDER_TEST) \
		$(CRYP_UNIT_DIR)/cryp_defs_libutee.o $(MBEDTLS_HOST_OBJS) \
		-lcrypto -o $@

HOST_TEST_BINS += $(O)/tests/cryp_unit_tests
check: $(O)/tests/cryp_unit_tests
