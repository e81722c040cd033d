# Dev kit configuration: what is being built, the toolchain and the flags
# every TA object gets. Included by ta_dev_kit.mk.

ifneq ($(words $(BINARY) $(LIBNAME) $(SHLIBNAME)),1)
$(error set exactly one of BINARY, LIBNAME, SHLIBNAME)
endif
ifneq ($(LIBNAME)$(SHLIBNAME),)
$(error this dev kit builds TAs (BINARY) only; LIBNAME/SHLIBNAME are not supported yet)
endif

.DEFAULT_GOAL := all
.SUFFIXES:

O ?= .
out-dir := $(patsubst %/,%,$(O))

ifeq ($(V),1)
q :=
ta-echo := @true
else
q := @
ta-echo := @echo
endif
# make -s: no progress lines either.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
ta-echo := @true
endif

# --- toolchain ------------------------------------------------------------------
CROSS_COMPILE ?= aarch64-linux-gnu-
CROSS_COMPILE64 ?= $(CROSS_COMPILE)
CROSS_COMPILE_ta_arm64 ?= $(CROSS_COMPILE64)
ta-cross := $(CROSS_COMPILE_ta_arm64)
COMPILER ?= gcc

ifeq ($(COMPILER),clang)
ta-cc := clang --target=aarch64-linux-gnu
else
ta-cc := $(ta-cross)gcc
endif
ta-ld := $(ta-cross)ld
ta-objcopy := $(ta-cross)objcopy
ta-objdump := $(ta-cross)objdump
ta-readelf := $(ta-cross)readelf

ta-cc-include := $(shell $(ta-cc) -print-file-name=include 2>/dev/null)
ta-libgcc := $(shell $(ta-cross)gcc -print-libgcc-file-name 2>/dev/null)

# --- flags ----------------------------------------------------------------------
CFG_TEE_TA_LOG_LEVEL ?= 2
CFG_TA_VERSION ?= 0

# FP/SIMD in TAs (OP-TEE's switch): with y, TA code may use float, double
# and NEON (arm_neon.h); the core saves and restores a TA's V0-V31, FPCR
# and FPSR lazily. With n, TAs are built -mgeneral-regs-only (float and
# double do not compile). libutee and libutils never use FP/SIMD either way.
# No outline atomics: they need the Linux auxiliary vector.
CFG_TA_FLOAT_SUPPORT ?= y
ta-arch-cflags := -mstrict-align
ifneq ($(CFG_TA_FLOAT_SUPPORT),y)
ta-arch-cflags += -mgeneral-regs-only
endif
ifneq ($(COMPILER),clang)
ta-arch-cflags += -mno-outline-atomics
endif

# Branch Target Identification (landing pads) and signed return addresses.
# Both use hint-space instructions, NOPs on CPUs without FEAT_BTI/FEAT_PAuth,
# so the same binary runs on every Armv8-A CPU. The linker keeps the ELF's
# GNU property (BTI, PAC) only if every object carries it; the core guards
# the TA's code pages only if the property says BTI. Hand-written assembly
# must add its own landing pads and property note (README.md).
CFG_TA_BTI ?= y
CFG_TA_PAUTH ?= y
ta-bp-bti := $(filter y,$(CFG_TA_BTI))
ta-bp-pac := $(filter y,$(CFG_TA_PAUTH))
ta-arch-cflags += -mbranch-protection=$(if $(ta-bp-bti),$(if $(ta-bp-pac),standard,bti),$(if $(ta-bp-pac),pac-ret,none))

ta-base-cflags := -std=gnu11 -Os -g -fpic -ffreestanding -fno-common \
	-fno-stack-protector -ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	$(ta-arch-cflags) \
	-Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
	-Wstrict-prototypes -Wpointer-arith -Wwrite-strings \
	-Werror=implicit-function-declaration

ta-base-aflags := -fpic $(ta-arch-cflags)

# CFG_x=y -> -DCFG_x=1; n or empty -> nothing; anything else -> -DCFG_x=value.
ta-cfg-define = $(if $(filter y,$($1)),-D$1=1,$(if $(filter-out n,$(strip $($1))),'-D$1=$(subst ','\'',$(strip $($1)))'))
ta-cfg-defines = $(foreach v,$(sort $(filter CFG_%,$(.VARIABLES))),$(call ta-cfg-define,$v))

ifeq ($(CFG_TA_OPTEE_CORE_API_COMPAT_1_1),y)
ta-api-define := -D__OPTEE_CORE_API_COMPAT_1_1=1
endif

# Our headers only: the dev kit's include/ (GP API and a small libc) plus
# the compiler's own freestanding headers (stdint.h, stddef.h, stdarg.h ...).
ta-base-cppflags = -nostdinc -isystem $(ta-cc-include) \
	-DTRACE_LEVEL=$(CFG_TEE_TA_LOG_LEVEL) $(ta-api-define) \
	$(ta-cfg-defines)

ta-user-cflags = $(or $(CFLAGS64),$(CFLAGS))
