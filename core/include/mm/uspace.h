/*
 * A TA's address space: its own translation tables (which also carry the
 * core's own mappings, privileged-only and global, so the core keeps
 * running when it switches TTBR0) and an ASID. TA mappings are user,
 * not-global, and live at or above USPACE_BASE.
 */
#ifndef MM_USPACE_H
#define MM_USPACE_H

#include <mm/pgt.h>
#include <rampart/types.h>

#define USPACE_BASE 0x100000000ull  /* 4 GiB: above everything the core maps */
#define USPACE_END 0x4000000000ull  /* 256 GiB, within the 39-bit space */
#define USPACE_MAX_REGIONS 24

struct uspace_region {
	uaddr_t va;
	size_t pages;
	void *mem;  /* secure pages backing it (page pool) */
	bool owned; /* freed with the space */
};

struct uspace {
	struct pgt pgt;
	struct pgt_table *tables;
	size_t table_pages;
	uint16_t asid;
	size_t num_regions;
	struct uspace_region region[USPACE_MAX_REGIONS];
};

TEE_Result uspace_create(struct uspace **out);
void uspace_destroy(struct uspace *u);

/* Maps @pages pages at @mem (page-pool memory) at @va with PGT_ATTR_*. */
TEE_Result uspace_map(struct uspace *u, uaddr_t va, void *mem, size_t pages,
		      uint64_t attrs, bool owned);
/* Unmaps the region starting at @va (mapped by uspace_map), frees if owned. */
TEE_Result uspace_unmap(struct uspace *u, uaddr_t va);

/*
 * True if every byte of [va, va + len) is mapped user-accessible (and
 * writable when @write) in @u. len 0 is accepted for any va.
 */
bool uspace_access_ok(const struct uspace *u, uaddr_t va, size_t len,
		      bool write);

/* Install @u in TTBR0 on this CPU, or go back to the core's own tables. */
void uspace_activate(const struct uspace *u);
void uspace_deactivate(void);

#endif
