/*
 * Link layout of a TA (preprocessed by the dev kit, then used with
 * -pie -z max-page-size=4096 -e __ta_entry).
 *
 *   segment  perms  contents
 *   rx       R-X    .ta_head (address 0: the first bytes of the image), text
 *   ro       R--    rodata, dynamic symbol/string/hash tables, eh_frame
 *   rw       RW-    .dynamic, .got, .rela.dyn, data, bss
 *
 * Each segment starts on a 4 KiB boundary so the loader can map each with
 * its own permissions: nothing is ever writable and executable at once.
 * The ELF and program headers are not part of any segment.
 *
 * With explicit PHDRS the linker makes no PT_GNU_PROPERTY of its own: the
 * "prop" header points the loader at the merged .note.gnu.property (BTI,
 * PAC), which also stays in the ro segment.
 */
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(__ta_entry)

PHDRS {
	rx PT_LOAD FLAGS(5);
	ro PT_LOAD FLAGS(4);
	rw PT_LOAD FLAGS(6);
	dyn PT_DYNAMIC FLAGS(6);
	prop 0x6474e553 FLAGS(4); /* PT_GNU_PROPERTY */
}

SECTIONS {
	. = 0;
	.ta_head : { KEEP(*(.ta_head)) } :rx
	.text : {
		*(.text.__ta_entry)
		*(.text .text.*)
		*(.plt .iplt)
	} :rx

	. = ALIGN(4096);
	.rodata : { *(.rodata .rodata.*) } :ro
	.dynsym : { *(.dynsym) } :ro
	.dynstr : { *(.dynstr) } :ro
	.hash : { *(.hash) } :ro
	.gnu.hash : { *(.gnu.hash) } :ro
	.gnu.version : { *(.gnu.version) } :ro
	.gnu.version_d : { *(.gnu.version_d) } :ro
	.gnu.version_r : { *(.gnu.version_r) } :ro
	.eh_frame_hdr : { *(.eh_frame_hdr) } :ro
	.eh_frame : { KEEP(*(.eh_frame)) } :ro
	.note.gnu.property : { *(.note.gnu.property) } :ro :prop
	.note : { *(.note.ABI-tag) } :ro

	. = ALIGN(4096);
	.dynamic : { *(.dynamic) } :rw :dyn
	.got : { *(.got.plt) *(.got) } :rw
	.rela.dyn : { *(.rela.*) } :rw
	.data : { *(.data .data.*) } :rw
	.init_array : { KEEP(*(.init_array .init_array.*)) } :rw
	.fini_array : { KEEP(*(.fini_array .fini_array.*)) } :rw
	.bss : {
		*(.dynbss)
		*(.bss .bss.*)
		*(COMMON)
	} :rw
	. = ALIGN(16);
	__ta_image_end = .;

	/DISCARD/ : {
		*(.interp)
		*(.note.gnu.build-id)
		*(.note.GNU-stack)
		*(.comment.*)
	}

	/* Not loaded */
	.comment 0 : { *(.comment) }
	.symtab 0 : { *(.symtab) }
	.strtab 0 : { *(.strtab) }
	.shstrtab 0 : { *(.shstrtab) }
	.debug 0 : { *(.debug) }
	.debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) }
	.debug_abbrev 0 : { *(.debug_abbrev) }
	.debug_line 0 : { *(.debug_line .debug_line.* .debug_line_end) }
	.debug_line_str 0 : { *(.debug_line_str) }
	.debug_frame 0 : { *(.debug_frame) }
	.debug_str 0 : { *(.debug_str) }
	.debug_loc 0 : { *(.debug_loc) }
	.debug_loclists 0 : { *(.debug_loclists) }
	.debug_ranges 0 : { *(.debug_ranges) }
	.debug_rnglists 0 : { *(.debug_rnglists) }
	.debug_aranges 0 : { *(.debug_aranges) }
	.debug_pubnames 0 : { *(.debug_pubnames) }
	.debug_pubtypes 0 : { *(.debug_pubtypes) }
	.debug_macro 0 : { *(.debug_macro) }
	.debug_addr 0 : { *(.debug_addr) }
	.debug_str_offsets 0 : { *(.debug_str_offsets) }
	.debug_types 0 : { *(.debug_types) }
}
