# cryptest: the GP crypto API tests for the guest, as a fragment of the
# top-level Makefile (included through core/crypto/crypto.mk). Builds
#   $(O)/guest/cryptest          the client (static, against export-client)
#   $(O)/tests/cryp_gen_vectors  the host program that draws the
#                                differential vectors and computes them
#                                with OpenSSL (libcrypto)
#   $(O)/tests/cryp_gen_asym     draws the asym_diff cases (OpenSSL)
#   $(O)/tests/cryp_asym_check   checks the TA's own signatures and
#                                ciphertexts (from the console) with OpenSSL
# crypt_ta itself is built by ta/export.mk; tests/qemu/test_crypto_ta.sh
# runs everything.

CRYPTEST_CLIENT_EXPORT := $(O)/export-client
CRYPTEST_SRCS := $(filter-out tests/guest/cryptest/gen_vectors.c \
	tests/guest/cryptest/asym_check.c tests/guest/cryptest/gen_asym.c \
	tests/guest/cryptest/gen_asym_rsa.c, \
	$(wildcard tests/guest/cryptest/*.c)) tests/guest/common/runner.c

$(O)/guest/cryptest: $(CRYPTEST_SRCS) tests/guest/cryptest/cryptest.h \
		tests/guest/cryptest/cryptest.mk tests/guest/common/runner.h \
		tests/ta/crypt_ta/include/crypt_ta.h \
		$(CRYPTEST_CLIENT_EXPORT)/include/tee_client_api.h \
		$(CRYPTEST_CLIENT_EXPORT)/lib/libteec.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(CROSS_COMPILE)gcc -static -O2 -Wall -Wextra -Werror -pthread \
		-Itests/guest/common -I$(CRYPTEST_CLIENT_EXPORT)/include \
		-Itests/ta/crypt_ta/include -Iinc -o $@ $(CRYPTEST_SRCS) \
		$(CRYPTEST_CLIENT_EXPORT)/lib/libteec.a

$(O)/tests/cryp_gen_vectors: tests/guest/cryptest/gen_vectors.c \
		tests/guest/cryptest/cryptest.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) -std=gnu11 -O2 -Wall -Wextra -Werror $< -lcrypto -o $@

# Checks the TA's exported signatures and ciphertexts with OpenSSL.
$(O)/tests/cryp_asym_check: tests/guest/cryptest/asym_check.c \
		tests/guest/cryptest/cryptest.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) -std=gnu11 -O2 -Wall -Wextra -Werror $< -lcrypto -o $@

# Draws the asym_diff cases and computes them with OpenSSL.
$(O)/tests/cryp_gen_asym: tests/guest/cryptest/gen_asym.c \
		tests/guest/cryptest/gen_asym_rsa.c \
		tests/guest/cryptest/gen_asym.h tests/guest/cryptest/cryptest.mk
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) -std=gnu11 -O2 -Wall -Wextra -Werror \
		$(filter %.c,$^) -lcrypto -o $@

# The fragment is read before the top Makefile sets GUEST_PROGS, so the
# targets are hung on `guest` and `check` directly.
guest: $(O)/guest/cryptest
check: $(O)/guest/cryptest $(O)/tests/cryp_gen_vectors \
	$(O)/tests/cryp_asym_check $(O)/tests/cryp_gen_asym
