# Rampart TA dev kit: the file a TA's Makefile includes, OP-TEE style:
#
#   CFG_TEE_TA_LOG_LEVEL ?= 2
#   CFG_TA_OPTEE_CORE_API_COMPAT_1_1 = y      # GP 1.1 API (optional)
#   BINARY = 8aaaf200-2450-11e4-abe2-0002a5d5c51b
#   include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
#
# plus a sub.mk listing the sources (srcs-y, subdirs-y, global-incdirs-y,
# incdirs-y, cflags-y, cflags-<file>-y, cflags-remove-*, cppflags-*,
# aflags-*). Targets: all (default), clean. Products in $(O) (default .):
#   <uuid>.elf  <uuid>.map  <uuid>.dmp  <uuid>.stripped.elf  <uuid>.ta
#
# Inputs: CROSS_COMPILE (or CROSS_COMPILE64 / CROSS_COMPILE_ta_arm64),
# COMPILER (gcc; clang best effort), O, V=1, CFLAGS (or CFLAGS64), CPPFLAGS,
# LDADD, CFG_TEE_TA_LOG_LEVEL (0..4, default 2), CFG_TA_OPTEE_CORE_API_COMPAT_1_1,
# CFG_TA_VERSION (default 0), CFG_TA_BTI / CFG_TA_PAUTH (default y: branch
# target landing pads / signed return addresses), TA_SIGN_KEY (default: the
# key exported with the dev kit in keys/), SIGN_TA. Every CFG_x=y becomes
# -DCFG_x=1 (other values except n/empty: -DCFG_x=value).
#
# Only BINARY (a TA) is supported; LIBNAME/SHLIBNAME are not yet.

ta-dev-kit-dir := $(patsubst %/,%,$(abspath $(dir $(lastword $(MAKEFILE_LIST)))..))

include $(ta-dev-kit-dir)/mk/conf.mk
include $(ta-dev-kit-dir)/mk/subdir.mk
include $(ta-dev-kit-dir)/mk/compile.mk
include $(ta-dev-kit-dir)/mk/link.mk
