/*
 * The TA ELF format as the loader accepts it: 64-bit little-endian AArch64
 * ET_DYN, at most ELF_TA_MAX_SEGMENTS PT_LOAD segments in address order with
 * no page shared between two of them, none writable and executable, the
 * first at address 0 (it starts with ta_head), and only R_AARCH64_RELATIVE
 * relocations. At most one PT_GNU_PROPERTY, holding exactly one well-formed
 * NT_GNU_PROPERTY_TYPE_0 note (or nothing: the linker leaves an empty one
 * when no object had properties). Decoding touches nothing but the image.
 */
#ifndef TEE_ELF_TA_H
#define TEE_ELF_TA_H

#include <rampart/types.h>

#define ELF_TA_MAX_SEGMENTS 8
#define ELF_TA_MAX_SPAN (16u * 1024 * 1024)

#define ELF_TA_PERM_R 4u
#define ELF_TA_PERM_W 2u
#define ELF_TA_PERM_X 1u

struct elf_ta_segment {
	uint64_t vaddr, memsz; /* as linked, relative to the load base */
	uint64_t offset, filesz;
	uint32_t perm;
};

struct elf_ta {
	size_t num_segments;
	struct elf_ta_segment seg[ELF_TA_MAX_SEGMENTS];
	uint64_t entry;
	uint64_t span;	   /* bytes from 0 to the end of the last segment, page
			      rounded */
	uint64_t rela_off; /* file offset of the RELA table, 0 if none */
	uint64_t rela_count;
	/* GNU_PROPERTY_AARCH64_FEATURE_1_AND: every object was built with... */
	bool bti; /* ...landing pads: the code pages may be guarded */
	bool pac; /* ...signed return addresses */
};

TEE_Result elf_ta_decode(const uint8_t *elf, size_t size, struct elf_ta *out);

/*
 * Copies the segments into @image (span bytes, zeroed) and applies the
 * relocations for a load at @base. Relocation targets were checked by
 * decode; this step cannot fail.
 */
void elf_ta_load(const uint8_t *elf, const struct elf_ta *ta, uint8_t *image,
		 uint64_t base);

#endif
