# TA signing: the host tool, the development key and the public key the
# core embeds. Included by core/crypto/crypto.mk.
#
#   TA_SIGN_KEY=path.pem    sign with this RSA private key (2048..4096 bits)
#                           instead of the generated development key;
#   TA_PUBLIC_KEY=path.pem  key the core trusts (default: TA_SIGN_KEY's public
#                           half; a public-key PEM is fine).
# The development key is made on the first build and never leaves out/.

SIGN_TA := $(O)/tools/sign_ta
TA_DEV_KEY := $(O)/keys/ta_dev_key.pem
TA_SIGN_KEY ?= $(TA_DEV_KEY)
TA_PUBLIC_KEY ?= $(TA_SIGN_KEY)
TA_PUBKEY_HEADER := $(O)/gen/ta_pubkey.h

SIGN_TA_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror

$(SIGN_TA): tools/sign_ta/sign_ta.c tools/sign_ta/sign_ta.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOST_CC) $(SIGN_TA_CFLAGS) $< -lcrypto -o $@

$(TA_DEV_KEY):
	@mkdir -p $(dir $@)
	@echo "  GENKEY  $@ (RSA-3072 development key; never ship it)"
	$(Q)(umask 077 && openssl genrsa -out $@.tmp 3072 2>/dev/null) && mv $@.tmp $@

# Remembers which key the header came from, so changing TA_PUBLIC_KEY to an
# older file still regenerates it.
$(O)/gen/ta_pubkey.src: sign-ta-key-path-check
	@mkdir -p $(dir $@)
	@echo '$(abspath $(TA_PUBLIC_KEY))' | cmp -s - $@ 2>/dev/null || \
		echo '$(abspath $(TA_PUBLIC_KEY))' >$@
.PHONY: sign-ta-key-path-check
sign-ta-key-path-check:

$(TA_PUBKEY_HEADER): $(TA_PUBLIC_KEY) $(O)/gen/ta_pubkey.src | $(SIGN_TA)
	@echo "  PUBKEY  $@ (from $(TA_PUBLIC_KEY))"
	$(Q)$(SIGN_TA) --key $(TA_PUBLIC_KEY) --pubkey-header $@

# `make` builds the tool and the key (CLIENT_TARGETS is reset after this
# fragment is read, so the prerequisites are also added to `all` directly).
CLIENT_TARGETS += $(SIGN_TA) $(TA_SIGN_KEY)
all: $(SIGN_TA) $(TA_SIGN_KEY)
