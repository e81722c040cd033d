/*
 * ASID allocation for TA address spaces. ASID 0 belongs to the core.
 * Allocation is next-fit, wrapping around ("rollover") to reuse freed
 * ASIDs; the caller must invalidate a freed ASID's TLB entries before
 * freeing it, so a reused ASID never finds stale translations.
 */
#ifndef MM_ASID_H
#define MM_ASID_H

#include <rampart/types.h>

#define ASID_MAX_BITS 16

struct asid_allocator {
	uint64_t used[(1u << ASID_MAX_BITS) / 64];
	uint32_t count; /* number of ASIDs, 0 included */
	uint32_t next;	/* where the next search starts */
	uint32_t in_use;
};

/* @bits is 8 or 16 (ID_AA64MMFR0_EL1.ASIDBits). */
TEE_Result asid_allocator_init(struct asid_allocator *a, unsigned int bits);
/* OUT_OF_MEMORY when every ASID is in use. */
TEE_Result asid_alloc(struct asid_allocator *a, uint16_t *asid);
/* BAD_PARAMETERS for ASID 0, out of range, or not allocated. */
TEE_Result asid_free(struct asid_allocator *a, uint16_t asid);

#endif
