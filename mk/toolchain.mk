# Compilers and flags shared by every secure-world part.

CROSS_COMPILE ?= aarch64-linux-gnu-
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
HOST_CC ?= gcc

PLAT ?= qemu_virt
include plat/$(PLAT)/platform.mk

PLAT_DEFINES := -DPLAT_NS_KERNEL_ADDR=$(PLAT_NS_KERNEL_ADDR) \
	-DPLAT_NS_DTB_ADDR=$(PLAT_NS_DTB_ADDR) \
	-DPLAT_NS_INITRD_ADDR=$(PLAT_NS_INITRD_ADDR)

# Freestanding, no FP/SIMD (the secure world must not touch the normal
# world's vector registers), no alignment assumptions (the monitor runs with
# the MMU off, where every access is Device memory).
SECURE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -fno-common -fno-stack-protector -fno-pie -fno-pic \
	-fno-tree-loop-distribute-patterns \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections \
	-mgeneral-regs-only -mstrict-align -mbranch-protection=none \
	-Iinc -Ilib/libc/include -Iplat/$(PLAT)/include $(PLAT_DEFINES) \
	$(EXTRA_CFLAGS)

SECURE_LDFLAGS := -nostdlib -static -no-pie -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

# Host unit tests: sanitizers on, our freestanding headers only as fallback
# so the host's <string.h> wins.
HOST_TEST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer \
	-Iinc -Icore/include -Iplat/$(PLAT)/include -idirafter lib/libc/include \
	$(PLAT_DEFINES)
