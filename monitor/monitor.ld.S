/*
 * The monitor runs from secure RAM but is stored in flash0 (the -bios
 * image): VMA in RAM, LMA in flash. The core image follows in flash only
 * and is copied to its own region by monitor_primary_main().
 */
#include <platform_config.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(monitor_reset)

MEMORY {
	FLASH (rx) : ORIGIN = 0x0, LENGTH = 0x04000000
	SRAM (rwx) : ORIGIN = PLAT_MONITOR_BASE, LENGTH = PLAT_MONITOR_SIZE
}

SECTIONS {
	.text : {
		__monitor_start = .;
		KEEP(*(.text.reset))
		*(.text .text.*)
	} > SRAM AT > FLASH

	.rodata : ALIGN(8) {
		*(.rodata .rodata.*)
	} > SRAM AT > FLASH

	.data ALIGN(8) : AT(LOADADDR(.rodata) + ALIGN(SIZEOF(.rodata), 8)) {
		*(.data .data.*)
		. = ALIGN(8);
	} > SRAM
	__monitor_load_size = . - __monitor_start;

	.bss (NOLOAD) : ALIGN(64) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > SRAM

	ASSERT(SIZEOF(.data) == 0 || LOADADDR(.data) < 0x04000000, ".data must load from flash")

	.core_image : ALIGN(4096) {
		__core_image_start = .;
		KEEP(*(.core_image))
		__core_image_end = .;
	} > FLASH

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
