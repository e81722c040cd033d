# mbedTLS for the TA side, as a fragment of ta/export.mk (which defines
# LIBUTEE_OUT, LIBUTEE_CC, LIBUTEE_AR, LIBUTEE_CFLAGS and LIBUTEE_OBJS before
# including it; MBEDTLS_SRC comes from .cache/deps/paths.mk). Builds
# $(LIBUTEE_OUT)/libmbedtls.a, the dev kit's lib/libmbedtls.a: mbedTLS's
# bignum and what it needs, compiled with the TA code-generation flags and
# lib/libutee/mbedtls_config_ta.h, under libutee's GP Arithmetical API
# (lib/libutee/tee_api_arith*.c). The dev kit links it after libutee; its
# headers are not exported (TAs use the GP API).

MBEDTLS_TA_FILES := bignum constant_time platform_util
MBEDTLS_TA_CFLAGS := -I$(MBEDTLS_SRC)/include -Ilib/libutee \
	-DMBEDTLS_CONFIG_FILE='"mbedtls_config_ta.h"'
MBEDTLS_TA_OBJS := $(patsubst %,$(LIBUTEE_OUT)/mbedtls/%.o,$(MBEDTLS_TA_FILES))

$(LIBUTEE_OUT)/mbedtls/%.o: $(MBEDTLS_SRC)/library/%.c \
		lib/libutee/mbedtls_config_ta.h lib/libutee/mbedtls_ta.mk \
		ta/export.mk | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  TACC    $@"
	$(Q)$(LIBUTEE_CC) $(LIBUTEE_CFLAGS) $(MBEDTLS_TA_CFLAGS) -MMD -MP \
		-c $< -o $@

$(LIBUTEE_OUT)/libmbedtls.a: $(MBEDTLS_TA_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(LIBUTEE_AR) rcs $@ $^

# libutee's arithmetic includes mbedtls/bignum.h with the same config.
LIBUTEE_ARITH_OBJS := $(filter $(LIBUTEE_OUT)/obj/libutee/tee_api_arith%,\
	$(LIBUTEE_OBJS))
$(LIBUTEE_ARITH_OBJS): LIBUTEE_CFLAGS += $(MBEDTLS_TA_CFLAGS)
$(LIBUTEE_ARITH_OBJS): lib/libutee/mbedtls_config_ta.h lib/libutee/mbedtls_ta.mk

-include $(MBEDTLS_TA_OBJS:.o=.d)
