/* The core, identity mapped in its secure RAM region. */
#include <platform_config.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS {
	. = PLAT_CORE_BASE;
	__core_start = .;
	.text : {
		KEEP(*(.text.boot))
		*(.text .text.*)
	}
	. = ALIGN(4096);
	__text_end = .;
	.rodata : {
		*(.rodata .rodata.*)
	}
	. = ALIGN(4096);
	__rodata_end = .;
	.data : {
		*(.data .data.*)
	}
	.bss (NOLOAD) : ALIGN(64) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	}
	. = ALIGN(4096);
	__core_end = .;
	ASSERT(__core_end <= PLAT_CORE_BASE + PLAT_CORE_SIZE, "core too large")
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
