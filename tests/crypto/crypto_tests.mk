# Host tests of the core's crypto and TA image code (x86_64, ASan/UBSan,
# mbedTLS compiled for the host with the core's config) and the libFuzzer
# harness over the TA image decoder. Included by core/crypto/crypto.mk.

CRYPTO_TEST_DIR := $(O)/tests/crypto
# Core code under test (rng_seed.c is AArch64-only: the tests fake the seed).
CRYPTO_UNDER_TEST := core/crypto/crypto_init.c core/crypto/crypto_ct.c \
	core/crypto/crypto_sha256.c core/crypto/crypto_rsa.c \
	core/crypto/crypto_rng.c core/tee/ta_image.c lib/libc/fmt.c
CRYPTO_TEST_SRCS := tests/crypto/test_rng.c tests/crypto/test_sha256.c \
	tests/crypto/test_rsa.c tests/crypto/test_ta_image.c \
	tests/crypto/test_util.c tests/crypto/fakes.c tests/unit/harness.c
CRYPTO_TEST_HDRS := tests/crypto/test_util.h tests/crypto/fakes.h \
	tests/crypto/data/rsa_kat.h tests/unit/harness.h \
	core/include/crypto/crypto.h core/include/tee/ta_image.h \
	core/include/drivers/rng_seed.h

# mbedTLS for the host: sanitizers on, third-party code so no -Werror.
MBEDTLS_HOST_CFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-idirafter lib/libc/include $(MBEDTLS_CFLAGS) -include fmt.h
MBEDTLS_HOST_OBJS := $(patsubst %,$(O)/tests/mbedtls-host/%.o,$(MBEDTLS_LIB_FILES))
MBEDTLS_FUZZ_OBJS := $(patsubst %,$(O)/tests/mbedtls-fuzz/%.o,$(MBEDTLS_LIB_FILES))

$(O)/tests/mbedtls-host/%.o: $(MBEDTLS_SRC)/library/%.c \
		core/crypto/mbedtls_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(MBEDTLS_HOST_CFLAGS) -c $< -o $@

$(O)/tests/mbedtls-host/%.o: core/crypto/alt/%.c \
		core/crypto/mbedtls_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(MBEDTLS_HOST_CFLAGS) -c $< -o $@

$(O)/tests/mbedtls-fuzz/%.o: core/crypto/alt/%.c \
		core/crypto/mbedtls_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CLANG   $@"
	$(Q)clang $(MBEDTLS_HOST_CFLAGS) -c $< -o $@

$(O)/tests/mbedtls-fuzz/%.o: $(MBEDTLS_SRC)/library/%.c \
		core/crypto/mbedtls_config.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CLANG   $@"
	$(Q)clang $(MBEDTLS_HOST_CFLAGS) -c $< -o $@

# Keys (test-only, made here, never committed), signed images from sign_ta
# and reference images assembled with the openssl command line alone.
$(CRYPTO_TEST_DIR)/stamp: tests/crypto/make_test_data.sh \
		tests/crypto/mk_ref_image.sh $(SIGN_TA)
	@echo "  GEN     $(CRYPTO_TEST_DIR) (test keys, signed images)"
	$(Q)tests/crypto/make_test_data.sh $(CRYPTO_TEST_DIR) $(SIGN_TA)
	@touch $@

$(O)/tests/crypto_unit_tests: $(CRYPTO_TEST_SRCS) $(CRYPTO_UNDER_TEST) \
		$(CRYPTO_TEST_HDRS) $(MBEDTLS_HOST_OBJS) $(CRYPTO_TEST_DIR)/stamp
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(HOST_TEST_CFLAGS) $(MBEDTLS_CFLAGS) \
		-I$(CRYPTO_TEST_DIR)/gen -Itests/unit -Itests/crypto \
		-DCRYPTO_TEST_DIR='"$(abspath $(CRYPTO_TEST_DIR))"' \
		$(CRYPTO_TEST_SRCS) $(CRYPTO_UNDER_TEST) $(MBEDTLS_HOST_OBJS) \
		-lcrypto -o $@

# The fuzzer embeds the committed public key that signed its seed corpus.
$(O)/tests/fuzz_ta_image: tests/fuzz/fuzz_ta_image.c tests/crypto/fakes.c \
		tests/fuzz/ta_image_key/ta_pubkey.h $(CRYPTO_UNDER_TEST) \
		$(CRYPTO_TEST_HDRS) $(MBEDTLS_FUZZ_OBJS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)clang $(FUZZ_CFLAGS) $(MBEDTLS_CFLAGS) -Itests/fuzz/ta_image_key \
		-Itests/crypto tests/fuzz/fuzz_ta_image.c tests/crypto/fakes.c \
		$(CRYPTO_UNDER_TEST) $(MBEDTLS_FUZZ_OBJS) -o $@

# HOST_TEST_BINS/FUZZ_BINS are reset after this fragment is read: hang the
# binaries on `check` directly as well.
HOST_TEST_BINS += $(O)/tests/crypto_unit_tests
FUZZ_BINS += $(O)/tests/fuzz_ta_image
check: $(O)/tests/crypto_unit_tests $(O)/tests/fuzz_ta_image
