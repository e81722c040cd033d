# The core's crypto: mbedTLS (Debian source package, unpacked by
# `make deps`) compiled freestanding with core/crypto/mbedtls_config.h, our
# wrappers behind core/include/crypto/crypto.h, the RNG seed driver and the
# signed TA image format. Included by the top Makefile right after CORE_SRCS.

-include .cache/deps/paths.mk

# mbedTLS library files the config enables (bignum/RSA for TA signatures,
# hashes, DRBGs, the ciphers and MACs of the GP crypto API, and the
# public-key and KDF code it will use). Unused functions fall out with
# --gc-sections.
MBEDTLS_LIB_FILES := aes asn1parse asn1write bignum ccm cipher cipher_wrap \
	cmac constant_time ctr_drbg des dhm ecdh ecdsa ecp ecp_curves gcm hkdf \
	hmac_drbg md md5 oid pkcs5 platform platform_util rsa rsa_internal sha1 \
	sha256 sha512
# Replacements for mbedTLS internals the config names *_ALT, built as if
# they were library files (here, for the host tests and for the fuzzer).
MBEDTLS_ALT_FILES := sha256_alt
MBEDTLS_LIB_FILES += $(MBEDTLS_ALT_FILES)
MBEDTLS_CFLAGS := -I$(MBEDTLS_SRC)/include -Icore/crypto \
	-DMBEDTLS_CONFIG_FILE='"mbedtls_config.h"'
MBEDTLS_CORE_OBJS := $(patsubst %,$(O)/mbedtls/%.o,$(MBEDTLS_LIB_FILES))
# The bulk crypto runs only after the MMU is on (crypto_init), on Normal
# memory with SCTLR_EL1.A clear, so it may merge byte accesses into
# unaligned words: about 8% on AES. The rest of the secure code keeps
# -mstrict-align for code that runs with the MMU off.
CRYPTO_UNALIGNED_CFLAGS := -mno-strict-align

$(O)/mbedtls/%.o: $(MBEDTLS_SRC)/library/%.c core/crypto/mbedtls_config.h \
		core/crypto/crypto.mk Makefile mk/toolchain.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(SECURE_CFLAGS) $(CRYPTO_UNALIGNED_CFLAGS) $(MBEDTLS_CFLAGS) \
		-include fmt.h -MMD -MP \
		-c $< -o $@

$(O)/mbedtls/%.o: core/crypto/alt/%.c core/crypto/mbedtls_config.h \
		core/crypto/crypto.mk Makefile mk/toolchain.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(SECURE_CFLAGS) $(CRYPTO_UNALIGNED_CFLAGS) $(MBEDTLS_CFLAGS) \
		-MMD -MP -c $< -o $@

CORE_EXTRA_OBJS += $(MBEDTLS_CORE_OBJS)
-include $(MBEDTLS_CORE_OBJS:.o=.d)

# Our sources, built by the top Makefile's $(O)/core/%.o rule.
CRYPTO_CORE_SRCS := core/crypto/crypto_init.c core/crypto/crypto_ct.c \
	core/crypto/crypto_sha256.c core/crypto/crypto_rsa.c \
	core/crypto/crypto_rng.c core/drivers/rng_seed.c core/tee/ta_image.c \
	core/crypto/crypto_hash.c core/crypto/crypto_cipher.c \
	core/crypto/crypto_mac.c core/crypto/crypto_authenc.c \
	core/crypto/crypto_rsa_ops.c core/crypto/crypto_ecc.c \
	core/crypto/crypto_dh.c core/crypto/crypto_kdf.c \
	core/crypto/crypto_rsa_oaep.c
# The GP crypto service (objects, operations) over the wrappers above; its
# system call dispatcher core/tee/syscall_cryp.c is in the top Makefile.
CRYP_SERVICE_SRCS := core/tee/cryp/cryp_table.c core/tee/cryp/obj.c \
	core/tee/cryp/obj_attrs.c core/tee/cryp/cryp_algs.c \
	core/tee/cryp/cryp_state.c core/tee/cryp/cryp_stream.c \
	core/tee/cryp/cryp_hash.c core/tee/cryp/cryp_cipher.c \
	core/tee/cryp/cryp_mac.c core/tee/cryp/cryp_authenc.c \
	core/tee/cryp/cryp_asym.c core/tee/cryp/cryp_asym_algs.c \
	core/tee/cryp/cryp_derive.c core/tee/cryp/cryp_keygen.c
CORE_SRCS += $(CRYPTO_CORE_SRCS) $(CRYP_SERVICE_SRCS) \
	core/tee/cryp/cryp_uaccess.c core/tee/syscall_cryp_op.c \
	core/tee/syscall_cryp_asym.c
CORE_SRCS += core/crypto/rng_info.c

# AES in the Arm crypto extension (crypto/aes_accel.h), used where the CPU
# has it unless CFG_CRYPTO_AES_CE=n. aes_ce.c is the core's only C file
# with FP/SIMD: it runs inside fp_core_begin/end, and
# tests/host/test_secure_images.sh checks that no other code has any.
CFG_CRYPTO_AES_CE ?= y
CORE_SRCS += core/arch/arm64/crypto/aes_accel.c \
	core/arch/arm64/crypto/aes_ce.c core/arch/arm64/crypto/aes_accel_check.c
$(O)/core/core/arch/arm64/crypto/aes_accel.c.o: SECURE_CFLAGS += \
	-DCFG_CRYPTO_AES_CE=$(if $(filter y,$(CFG_CRYPTO_AES_CE)),1,0)
$(O)/core/core/arch/arm64/crypto/aes_accel.c.o: $(O)/core/cfg_aes_ce
$(O)/core/cfg_aes_ce: cfg-aes-ce-check
	@mkdir -p $(dir $@)
	@echo '$(CFG_CRYPTO_AES_CE)' | cmp -s - $@ 2>/dev/null || \
		echo '$(CFG_CRYPTO_AES_CE)' >$@
.PHONY: cfg-aes-ce-check
cfg-aes-ce-check:
$(O)/core/core/arch/arm64/crypto/aes_ce.c.o: SECURE_CFLAGS := \
	$(filter-out -mgeneral-regs-only,$(SECURE_CFLAGS)) \
	-march=armv8-a+crypto $(CRYPTO_UNALIGNED_CFLAGS)
CRYPTO_CORE_OBJS := $(patsubst %,$(O)/core/%.o,$(CRYPTO_CORE_SRCS))
$(CRYPTO_CORE_OBJS): core/crypto/crypto.mk
$(O)/core/core/crypto/%.o: SECURE_CFLAGS += $(MBEDTLS_CFLAGS)
$(O)/core/core/arch/arm64/crypto/aes_accel_check.c.o: SECURE_CFLAGS += \
	$(MBEDTLS_CFLAGS)
$(O)/core/core/crypto/crypto_cipher.c.o: SECURE_CFLAGS += \
	$(CRYPTO_UNALIGNED_CFLAGS)

include tools/sign_ta/sign_ta.mk

# ta_image.c embeds the TA signing public key.
$(O)/core/core/tee/ta_image.c.o: SECURE_CFLAGS += -I$(O)/gen
$(O)/core/core/tee/ta_image.c.o: $(TA_PUBKEY_HEADER)

include tests/crypto/crypto_tests.mk
include tests/unit/cryp/cryp_unit.mk
include tests/guest/cryptest/cryptest.mk
