/* Decoding and loading TA ELF images (see elf_ta.h for what is accepted). */
#include <string.h>
#include <tee/elf_ta.h>

#define EM_AARCH64 183
#define ET_DYN 3
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_GNU_PROPERTY 0x6474e553u
#define NT_GNU_PROPERTY_TYPE_0 5
#define GNU_PROPERTY_AARCH64_FEATURE_1_AND 0xc0000000u
#define FEATURE_1_BTI 1u
#define FEATURE_1_PAC 2u
#define PF_X 1u
#define PF_W 2u
#define PF_R 4u
#define DT_NULL 0
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_RELAENT 9
#define DT_REL 17
#define DT_JMPREL 23
#define R_AARCH64_NONE 0
#define R_AARCH64_RELATIVE 1027
#define PAGE 4096u

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}
static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}
static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* File offset of TA address @va (inside a segment's file part), or -1. */
static int64_t va_to_offset(const struct elf_ta *ta, uint64_t va, uint64_t len)
{
	for (size_t i = 0; i < ta->num_segments; i++) {
		const struct elf_ta_segment *s = &ta->seg[i];

		if (va >= s->vaddr && va - s->vaddr <= s->filesz &&
		    len <= s->filesz - (va - s->vaddr))
			return (int64_t)(s->offset + (va - s->vaddr));
	}
	return -1;
}

static TEE_Result decode_dynamic(const uint8_t *elf, size_t size, uint64_t off,
				 uint64_t filesz, struct elf_ta *ta)
{
	uint64_t rela_va = 0, rela_sz = 0, rela_ent = 24, end;
	bool have_rela = false;
	int64_t rela_off;

	if (ADD_OVERFLOW(off, filesz, &end) || end > size || filesz % 16)
		return TEE_ERROR_BAD_FORMAT;
	for (uint64_t p = off; p < end; p += 16) {
		uint64_t tag = rd64(elf + p), val = rd64(elf + p + 8);

		if (tag == DT_NULL)
			break;
		if (tag == DT_RELA) {
			rela_va = val;
			have_rela = true;
		} else if (tag == DT_RELASZ) {
			rela_sz = val;
		} else if (tag == DT_RELAENT) {
			rela_ent = val;
		} else if (tag == DT_REL || tag == DT_JMPREL) {
			return TEE_ERROR_BAD_FORMAT; /* only RELA RELATIVE */
		}
	}
	if (!have_rela || !rela_sz)
		return TEE_SUCCESS;
	if (rela_ent != 24 || rela_sz % 24)
		return TEE_ERROR_BAD_FORMAT;
	rela_off = va_to_offset(ta, rela_va, rela_sz);
	if (rela_off < 0)
		return TEE_ERROR_BAD_FORMAT;
	ta->rela_off = (uint64_t)rela_off;
	ta->rela_count = rela_sz / 24;
	for (uint64_t i = 0; i < ta->rela_count; i++) {
		const uint8_t *r = elf + ta->rela_off + i * 24;
		uint64_t where = rd64(r), type = rd64(r + 8) & 0xffffffff;
		uint64_t where_end;

		if (type == R_AARCH64_NONE)
			continue;
		if (type != R_AARCH64_RELATIVE || where % 8 ||
		    ADD_OVERFLOW(where, 8, &where_end) || where_end > ta->span)
			return TEE_ERROR_BAD_FORMAT;
	}
	return TEE_SUCCESS;
}

/*
 * The PT_GNU_PROPERTY contents: one note (namesz 4 "GNU", type
 * NT_GNU_PROPERTY_TYPE_0) filling the segment, its descriptor a sequence of
 * (pr_type, pr_datasz, data padded to 8 bytes). Unknown properties are
 * skipped; the AArch64 feature word may appear once, 4 bytes long.
 */
static TEE_Result decode_properties(const uint8_t *elf, size_t size,
				    uint64_t off, uint64_t filesz,
				    struct elf_ta *ta)
{
	uint64_t end, descsz, p;
	bool have_features = false;

	if (!filesz)
		return TEE_SUCCESS;
	if (ADD_OVERFLOW(off, filesz, &end) || end > size || filesz < 16)
		return TEE_ERROR_BAD_FORMAT;
	descsz = rd32(elf + off + 4);
	if (rd32(elf + off) != 4 || descsz != filesz - 16 || descsz % 8 ||
	    rd32(elf + off + 8) != NT_GNU_PROPERTY_TYPE_0 ||
	    memcmp(elf + off + 12, "GNU", 4))
		return TEE_ERROR_BAD_FORMAT;
	/* From here on, [p, end) stays inside the checked descriptor. */
	for (p = off + 16; p < end;) {
		uint32_t type, datasz;
		uint64_t padded;

		if (end - p < 8)
			return TEE_ERROR_BAD_FORMAT;
		type = rd32(elf + p);
		datasz = rd32(elf + p + 4);
		p += 8;
		padded = ROUNDUP((uint64_t)datasz, 8); /* < 2^33: no wrap */
		if (padded > end - p)
			return TEE_ERROR_BAD_FORMAT;
		if (type == GNU_PROPERTY_AARCH64_FEATURE_1_AND) {
			uint32_t features;

			if (datasz != 4 || have_features)
				return TEE_ERROR_BAD_FORMAT;
			have_features = true;
			features = rd32(elf + p);
			ta->bti = features & FEATURE_1_BTI;
			ta->pac = features & FEATURE_1_PAC;
		}
		p += padded;
	}
	return TEE_SUCCESS;
}

TEE_Result elf_ta_decode(const uint8_t *elf, size_t size, struct elf_ta *ta)
{
	uint64_t phoff, prev_end = 0, dyn_off = 0, dyn_sz = 0, end;
	uint16_t phentsize, phnum;
	bool have_dyn = false, have_prop = false, entry_ok = false;
	TEE_Result res;

	memset(ta, 0, sizeof(*ta));
	if (size < 64 || memcmp(elf, "\177ELF", 4) ||
	    elf[4] != 2 /* 64-bit */ || elf[5] != 1 /* LE */ || elf[6] != 1 ||
	    rd16(elf + 16) != ET_DYN || rd16(elf + 18) != EM_AARCH64)
		return TEE_ERROR_BAD_FORMAT;
	ta->entry = rd64(elf + 24);
	phoff = rd64(elf + 32);
	phentsize = rd16(elf + 54);
	phnum = rd16(elf + 56);
	if (phentsize != 56 || !phnum || phnum > 32 ||
	    ADD_OVERFLOW(phoff, (uint64_t)phnum * 56, &end) || end > size)
		return TEE_ERROR_BAD_FORMAT;

	for (uint16_t i = 0; i < phnum; i++) {
		const uint8_t *ph = elf + phoff + (uint64_t)i * 56;
		uint32_t type = rd32(ph), flags = rd32(ph + 4);
		uint64_t off = rd64(ph + 8), va = rd64(ph + 16);
		uint64_t filesz = rd64(ph + 32), memsz = rd64(ph + 40), seg_end;
		struct elf_ta_segment *s;

		if (type == PT_DYNAMIC) {
			have_dyn = true;
			dyn_off = off;
			dyn_sz = filesz;
			continue;
		}
		if (type == PT_GNU_PROPERTY) {
			if (have_prop)
				return TEE_ERROR_BAD_FORMAT;
			have_prop = true;
			res = decode_properties(elf, size, off, filesz, ta);
			if (res)
				return res;
			continue;
		}
		if (type != PT_LOAD || !memsz)
			continue;
		if (ta->num_segments == ELF_TA_MAX_SEGMENTS || filesz > memsz ||
		    ADD_OVERFLOW(off, filesz, &end) || end > size ||
		    ADD_OVERFLOW(va, memsz, &seg_end) ||
		    seg_end > ELF_TA_MAX_SPAN)
			return TEE_ERROR_BAD_FORMAT;
		/* In order, no shared pages, first one at 0, never W+X. */
		if ((ta->num_segments == 0 && va != 0) ||
		    (ta->num_segments && ROUNDDOWN(va, PAGE) < prev_end) ||
		    ((flags & PF_W) && (flags & PF_X)) || !(flags & PF_R))
			return TEE_ERROR_BAD_FORMAT;
		s = &ta->seg[ta->num_segments++];
		s->vaddr = va;
		s->memsz = memsz;
		s->offset = off;
		s->filesz = filesz;
		s->perm = ELF_TA_PERM_R | ((flags & PF_W) ? ELF_TA_PERM_W : 0) |
			  ((flags & PF_X) ? ELF_TA_PERM_X : 0);
		prev_end = ROUNDUP(seg_end, PAGE);
		if ((flags & PF_X) && ta->entry >= va && ta->entry < seg_end &&
		    ta->entry % 4 == 0)
			entry_ok = true;
	}
	if (!ta->num_segments || !entry_ok)
		return TEE_ERROR_BAD_FORMAT;
	ta->span = prev_end;
	if (have_dyn)
		return decode_dynamic(elf, size, dyn_off, dyn_sz, ta);
	return TEE_SUCCESS;
}

void elf_ta_load(const uint8_t *elf, const struct elf_ta *ta, uint8_t *image,
		 uint64_t base)
{
	for (size_t i = 0; i < ta->num_segments; i++)
		memcpy(image + ta->seg[i].vaddr, elf + ta->seg[i].offset,
		       ta->seg[i].filesz);
	for (uint64_t i = 0; i < ta->rela_count; i++) {
		const uint8_t *r = elf + ta->rela_off + i * 24;
		uint64_t where = rd64(r), type = rd64(r + 8) & 0xffffffff;
		uint64_t value = base + rd64(r + 16);

		if (type != R_AARCH64_RELATIVE)
			continue;
		memcpy(image + where, &value, 8);
	}
}
