/*
 * Stage-1 translation tables (4 KiB granule) built from a fixed pool of
 * table pages. Used for the core's own map and, later, TA address spaces.
 * No hardware access here: the same code runs in host unit tests.
 */
#ifndef MM_PGT_H
#define MM_PGT_H

#include <rampart/types.h>

#define PGT_PAGE_SIZE 4096ull
#define PGT_ENTRIES 512

/* Mapping attributes. Read access is implied; W and X never together. */
#define PGT_ATTR_W BIT(0)
#define PGT_ATTR_X BIT(1)
#define PGT_ATTR_USER BIT(2) /* accessible from EL0 */
#define PGT_ATTR_NS BIT(3)   /* normal-world physical address space */
#define PGT_ATTR_NG BIT(4)   /* not global: tagged with the ASID */
/*
 * Guarded page (FEAT_BTI): indirect branches into it must land on a BTI
 * (or PACIxSP) instruction. Only with PGT_ATTR_X, and only on CPUs that
 * implement BTI (the descriptor bit is RES0 elsewhere): callers check.
 */
#define PGT_ATTR_GUARDED BIT(5)
#define PGT_ATTR_MEM_SHIFT 8 /* memory type, see PGT_MEM_* */
#define PGT_ATTR_MEM_MASK (7ull << PGT_ATTR_MEM_SHIFT)
#define PGT_MEM_NORMAL (0ull << PGT_ATTR_MEM_SHIFT) /* MAIR index 0: WB */
#define PGT_MEM_DEVICE (1ull << PGT_ATTR_MEM_SHIFT) /* MAIR index 1 */
#define PGT_MEM_NC (2ull << PGT_ATTR_MEM_SHIFT)	    /* MAIR index 2 */
#define PGT_ATTR_ALL                                                           \
	(PGT_ATTR_W | PGT_ATTR_X | PGT_ATTR_USER | PGT_ATTR_NS | PGT_ATTR_NG | \
	 PGT_ATTR_GUARDED | PGT_ATTR_MEM_MASK)

/* MAIR_EL1 value matching the PGT_MEM_* indices. */
#define PGT_MAIR_VALUE 0x4404ffull

struct pgt_table {
	uint64_t entry[PGT_ENTRIES];
} __attribute__((aligned(4096)));

struct pgt {
	struct pgt_table *root;
	unsigned int start_level; /* 0..2 */
	unsigned int va_bits;	  /* 25..48 */
	struct pgt_table *pool;
	size_t pool_size;
	size_t pool_used;
	/* How the tables' own addresses translate; identity in the core now. */
	paddr_t (*table_pa)(const struct pgt_table *t);
	struct pgt_table *(*table_va)(paddr_t pa);
};

/* Sets up @p with an empty root taken from @pool. */
TEE_Result pgt_init(struct pgt *p, struct pgt_table *pool, size_t pool_size,
		    unsigned int va_bits,
		    paddr_t (*table_pa)(const struct pgt_table *),
		    struct pgt_table *(*table_va)(paddr_t));

/*
 * Maps [va, va + size) to [pa, pa + size). Everything is validated and the
 * needed tables counted before anything is written, so a failure leaves the
 * tables untouched. Errors: BAD_PARAMETERS (alignment, range, W+X, unknown
 * attribute, GUARDED without X), BAD_STATE (overlaps an existing mapping),
 * OUT_OF_MEMORY (table pool exhausted).
 */
TEE_Result pgt_map(struct pgt *p, vaddr_t va, paddr_t pa, uint64_t size,
		   uint64_t attrs);

/*
 * Removes page (level-3) mappings in [va, va + size); table pages stay.
 * BAD_PARAMETERS for unaligned ranges, BAD_STATE if part of the range is
 * mapped by a block or not mapped at all (nothing is changed then). The
 * caller invalidates the TLB.
 */
TEE_Result pgt_unmap(struct pgt *p, vaddr_t va, uint64_t size);

/* Translates @va; ITEM_NOT_FOUND if unmapped. @attrs may be NULL. */
TEE_Result pgt_lookup(const struct pgt *p, vaddr_t va, paddr_t *pa,
		      uint64_t *attrs);

#endif
